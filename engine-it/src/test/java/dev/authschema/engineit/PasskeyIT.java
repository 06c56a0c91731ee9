package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.SoftPasskey;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The passkey endpoints over HTTP with a Java authenticator ({@link SoftPasskey}), where a test can get each value
 * wrong on purpose: a replayed assertion, a wrong origin, a signature counter that goes backwards and an expired
 * challenge are refused ({@code WebAuthnVerificationError}) with the database unchanged; a ceremony started by one
 * deployment is finished by another that shares only the secret and the database, and then cannot be finished again.
 */
@ExtendWith(ItServers.class)
class PasskeyIT {

    private static final String ORIGIN = "http://127.0.0.1:27080";
    private static final String AUTHENTICATORS = "AUTHENTICATORS";

    @Test
    void a_signed_in_user_adds_a_passkey_and_then_signs_in_with_it_without_a_name() {
        Browser owner = new Browser(ItServers.DB);
        String email = Checks.uniqueEmail("passkey-owner");
        owner.signInByEmail(email);
        String userId = userIdOf(email);
        SoftPasskey passkey = new SoftPasskey(0);
        JsonObject options = options(owner, "register");
        assertThat(options.getJsonObject("options").getJsonObject("rp").getString("id"))
                .isEqualTo("127.0.0.1");
        Browser.Response added = callback(owner, "register", create(passkey, options));
        assertThat(added.location()).doesNotContain("error=");
        List<JsonObject> stored =
                Database.rowsWhere(Database.dump(), AUTHENTICATORS, "CREDENTIAL_ID", passkey.credentialId());
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).getString("USER_ID")).isEqualTo(userId);

        Browser other = new Browser(ItServers.DB);
        Browser.Response signedIn =
                callback(other, "authenticate", get(passkey, options(other, "authenticate"), ORIGIN));
        assertThat(signedIn.location()).doesNotContain("error=");
        assertThat(other.sessionEmail()).contains(email);
        assertThat(Database.rowsWhere(Database.dump(), AUTHENTICATORS, "CREDENTIAL_ID", passkey.credentialId())
                        .get(0)
                        .getString("COUNTER"))
                .isEqualTo("1");
    }

    @Test
    void a_replayed_assertion_is_refused_and_changes_nothing() {
        // Counter 0 throughout, as many synced passkeys report: only the used challenge stops the replay.
        SoftPasskey passkey = signedUp();
        Browser attacker = new Browser(ItServers.DB);
        JsonObject options = options(attacker, "authenticate");
        String challengeCookie = attacker.cookie("authjs.challenge").orElseThrow();
        String assertion = get(passkey, options, ORIGIN, 0);
        Map<String, String> form = form(attacker, "authenticate", assertion);
        assertThat(attacker.post("/api/auth/callback/passkey", form).location()).doesNotContain("error=");
        JsonObject before = Database.dump();

        Browser replay = new Browser(ItServers.DB);
        replay.setCookie("authjs.challenge", challengeCookie);
        Map<String, String> replayed = form(replay, "authenticate", assertion);
        Checks.refusedWith(replay.post("/api/auth/callback/passkey", replayed), "WebAuthnVerificationError");
        assertThat(replay.cookie(Browser.SESSION_COOKIE)).isEmpty();
        assertThat(Database.dump()).isEqualTo(before);
        Checks.serverLogged("the challenge was used already");
    }

    @Test
    void an_assertion_for_another_origin_is_refused_and_changes_nothing() {
        SoftPasskey passkey = signedUp();
        Browser phished = new Browser(ItServers.DB);
        String assertion = get(passkey, options(phished, "authenticate"), "http://127.0.0.1.evil.example");
        JsonObject before = Database.dump();
        Checks.refusedWith(
                phished.post("/api/auth/callback/passkey", form(phished, "authenticate", assertion)),
                "WebAuthnVerificationError");
        assertThat(phished.cookie(Browser.SESSION_COOKIE)).isEmpty();
        assertThat(Database.dump()).isEqualTo(before);
    }

    @Test
    void a_signature_counter_that_goes_backwards_is_refused_as_a_clone_and_changes_nothing() {
        SoftPasskey passkey = new SoftPasskey(10);
        signUp(passkey);
        Browser first = new Browser(ItServers.DB);
        callback(first, "authenticate", get(passkey, options(first, "authenticate"), ORIGIN)); // counter 11
        JsonObject before = Database.dump();
        for (long stale : new long[] {11, 3}) {
            Browser clone = new Browser(ItServers.DB);
            String assertion = get(passkey, options(clone, "authenticate"), ORIGIN, stale);
            Checks.refusedWith(
                    clone.post("/api/auth/callback/passkey", form(clone, "authenticate", assertion)),
                    "WebAuthnVerificationError");
            assertThat(clone.cookie(Browser.SESSION_COOKIE)).isEmpty();
        }
        assertThat(Database.dump()).isEqualTo(before);
        assertThat(Database.rowsWhere(before, AUTHENTICATORS, "CREDENTIAL_ID", passkey.credentialId())
                        .get(0)
                        .getString("COUNTER"))
                .isEqualTo("11");
        Checks.serverLogged("the passkey may have been cloned");
    }

    @Test
    void an_expired_challenge_is_refused_and_changes_nothing() {
        SoftPasskey passkey = signedUp();
        Browser slow = new Browser(ItServers.DB);
        JsonObject options = options(slow, "authenticate");
        Checks.advanceClock(ItServers.DB, Duration.ofMinutes(5).plusSeconds(1));
        String assertion = get(passkey, options, ORIGIN);
        JsonObject before = Database.dump();
        Checks.refusedWith(
                slow.post("/api/auth/callback/passkey", form(slow, "authenticate", assertion)),
                "WebAuthnVerificationError");
        assertThat(slow.cookie(Browser.SESSION_COOKIE)).isEmpty();
        assertThat(Database.dump()).isEqualTo(before);
    }

    @Test
    void a_ceremony_started_by_one_deployment_is_finished_by_another_and_only_once() {
        // Other tests move each deployment's test clock forward; two servers of one cluster agree on the time.
        Instant db = Checks.clock(ItServers.DB);
        Instant jwt = Checks.clock(ItServers.JWT);
        if (db.isBefore(jwt)) {
            Checks.advanceClock(ItServers.DB, Duration.between(db, jwt));
        } else if (jwt.isBefore(db)) {
            Checks.advanceClock(ItServers.JWT, Duration.between(jwt, db));
        }
        SoftPasskey passkey = signedUp();
        Browser browser = new Browser(ItServers.DB);
        String assertion = get(passkey, options(browser, "authenticate"), ORIGIN, 0); // counter 0: see the replay
        String challengeCookie = browser.cookie("authjs.challenge").orElseThrow();
        Browser elsewhere = new Browser(ItServers.JWT);
        elsewhere.setCookie("authjs.challenge", challengeCookie);
        Browser.Response finished =
                elsewhere.post("/api/auth/callback/passkey", form(elsewhere, "authenticate", assertion));
        assertThat(finished.location()).as("%s", finished).doesNotContain("error=");
        assertThat(elsewhere.session().containsKey("user"))
                .as("session on /jwt")
                .isTrue();

        JsonObject before = Database.dump();
        Browser again = new Browser(ItServers.DB);
        again.setCookie("authjs.challenge", challengeCookie);
        Checks.refusedWith(
                again.post("/api/auth/callback/passkey", form(again, "authenticate", assertion)),
                "WebAuthnVerificationError");
        assertThat(Database.dump()).isEqualTo(before);
        Checks.serverLogged("the challenge was used already");
    }

    @Test
    void sign_up_with_a_passkey_alone_is_refused_where_the_provider_does_not_allow_it() {
        Browser stranger = new Browser(ItServers.JWT);
        JsonObject before = Database.dump();
        Browser.Response refused = stranger.get("/api/auth/webauthn-options/passkey?action=register");
        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.json().getString("error")).isEqualTo("SessionRequired");
        assertThat(stranger.cookie("authjs.challenge")).isEmpty();
        assertThat(Database.dump()).isEqualTo(before);
    }

    @Test
    void an_answer_without_the_csrf_token_is_refused() {
        SoftPasskey passkey = signedUp();
        Browser forger = new Browser(ItServers.DB);
        String assertion = get(passkey, options(forger, "authenticate"), ORIGIN);
        JsonObject before = Database.dump();
        Checks.refusedWith(
                forger.post("/api/auth/callback/passkey", Map.of("action", "authenticate", "data", assertion)),
                "MissingCSRF");
        assertThat(Database.dump()).isEqualTo(before);
    }

    /** A new user made with a passkey alone on {@code /db}, where sign-up is on. */
    private static SoftPasskey signedUp() {
        SoftPasskey passkey = new SoftPasskey(0);
        signUp(passkey);
        return passkey;
    }

    private static void signUp(SoftPasskey passkey) {
        Browser newcomer = new Browser(ItServers.DB);
        Browser.Response created = callback(newcomer, "register", create(passkey, options(newcomer, "register")));
        assertThat(created.location()).as("%s", created).doesNotContain("error=");
        assertThat(newcomer.cookie(Browser.SESSION_COOKIE)).isPresent();
    }

    private static String userIdOf(String email) {
        return Database.rowsWhere(Database.dump(), "USERS", "EMAIL", email)
                .get(0)
                .getString("ID");
    }

    private static String create(SoftPasskey passkey, JsonObject answer) {
        JsonObject options = answer.getJsonObject("options");
        return passkey.create(
                options.getString("challenge"),
                options.getJsonObject("rp").getString("id"),
                options.getJsonObject("user").getString("id"),
                ORIGIN);
    }

    private static String get(SoftPasskey passkey, JsonObject answer, String origin) {
        JsonObject options = answer.getJsonObject("options");
        return passkey.get(options.getString("challenge"), options.getString("rpId"), origin);
    }

    private static String get(SoftPasskey passkey, JsonObject answer, String origin, long counter) {
        JsonObject options = answer.getJsonObject("options");
        return passkey.get(options.getString("challenge"), options.getString("rpId"), origin, counter);
    }

    private static JsonObject options(Browser browser, String action) {
        Browser.Response response = browser.get("/api/auth/webauthn-options/passkey?action=" + action);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(browser.cookie("authjs.challenge")).isPresent();
        return response.json();
    }

    private static Map<String, String> form(Browser browser, String action, String data) {
        return Map.of("action", action, "data", data, "csrfToken", browser.csrf());
    }

    /** The answer as a form POST: the engine redirects to the callback URL, or to the error page. */
    private static Browser.Response callback(Browser browser, String action, String data) {
        Browser.Response response = browser.post("/api/auth/callback/passkey", form(browser, action, data));
        assertThat(response.status()).as("%s", response).isEqualTo(302);
        return response;
    }
}
