package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.Forms;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The password provider over HTTP on {@code /db} (database sessions, rate limits on): sign-up, the confirmation link
 * read from GreenMail, sign-in, a wrong password, forgot and reset with every session ended, the same answer (and
 * about the same time) for a known and an unknown address, the CSRF check, a replayed reset link.
 */
@ExtendWith(ItServers.class)
class PasswordIT {

    private static final String PASSWORD = "engine-it correct horse battery";
    private static final String NEW_PASSWORD = "engine-it a whole new sentence";

    static {
        // The log search after the class (ItServers) looks for them too.
        SeenSecrets.remember(PASSWORD);
        SeenSecrets.remember(NEW_PASSWORD);
    }

    /** Signs up {@code email} and follows the confirmation link; returns the browser that did. */
    private static Browser signedUp(String email) {
        Browser browser = new Browser(ItServers.DB);
        int received = ItServers.mailbox().count(email);
        Browser.Response up = signUp(browser, email, PASSWORD);
        assertThat(up.status()).as("%s", up).isEqualTo(302);
        assertThat(up.location()).as("%s", up).contains("/api/auth/verify-request");
        String link = ItServers.mailbox().awaitSignInLink(email, received);
        browser.confirmLink(link);
        assertThat(browser.sessionEmail()).contains(email);
        return browser;
    }

    private static Browser.Response signUp(Browser browser, String email, String password) {
        return browser.post(
                "/api/auth/signup/password", Map.of("csrfToken", browser.csrf(), "email", email, "password", password));
    }

    private static Browser.Response signIn(Browser browser, String email, String password) {
        return browser.post(
                "/api/auth/callback/password",
                Map.of("csrfToken", browser.csrf(), "email", email, "password", password));
    }

    private static Browser.Response forgot(Browser browser, String email) {
        return browser.post("/api/auth/password/forgot", Map.of("csrfToken", browser.csrf(), "email", email));
    }

    private static Optional<String> hashOf(JsonObject dump, String email) {
        List<JsonObject> users = Database.rowsWhere(dump, "USERS", "EMAIL", email);
        assertThat(users).hasSize(1);
        return users.get(0).keySet().stream()
                .filter(column -> column.contains("PASSWORD"))
                .findFirst()
                .filter(column -> !users.get(0).isNull(column))
                .map(column -> users.get(0).getString(column))
                .map(hash -> {
                    SeenSecrets.remember(hash); // nor may a hash reach the log
                    return hash;
                });
    }

    private static String userIdOf(JsonObject dump, String email) {
        JsonObject user = Database.rowsWhere(dump, "USERS", "EMAIL", email).get(0);
        return String.valueOf(user.get("ID")).replace("\"", "");
    }

    private static long sessionsOf(JsonObject dump, String userId) {
        return Database.rows(dump, "SESSIONS").stream()
                .filter(row ->
                        String.valueOf(row.get("USER_ID")).replace("\"", "").equals(userId))
                .count();
    }

    @Test
    void sign_up_confirms_the_address_by_mail_and_then_the_password_signs_in() {
        String email = Checks.uniqueEmail("pw-signup");
        Browser browser = new Browser(ItServers.DB);
        int received = ItServers.mailbox().count(email);

        Browser.Response up = signUp(browser, email, PASSWORD);

        assertThat(up.location())
                .isEqualTo(browser.base() + "/api/auth/verify-request?provider=password&type=credentials");
        assertThat(browser.cookie(Browser.SESSION_COOKIE)).isEmpty();
        JsonObject dump = Database.dump();
        assertThat(hashOf(dump, email))
                .hasValueSatisfying(hash -> assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
        assertThat(Database.rowsWhere(dump, "USERS", "EMAIL", email).get(0).isNull("EMAIL_VERIFIED"))
                .isTrue();

        Browser early = new Browser(ItServers.DB);
        Browser.Response refused = signIn(early, email, PASSWORD);
        Checks.refusedWith(refused, "EmailNotVerified");
        assertThat(early.cookie(Browser.SESSION_COOKIE)).isEmpty();

        String link = ItServers.mailbox().awaitSignInLink(email, received);
        browser.confirmLink(link);
        assertThat(browser.sessionEmail()).contains(email);

        Browser other = new Browser(ItServers.DB);
        Browser.Response in = signIn(other, email, PASSWORD);
        Checks.clean(in);
        assertThat(in.location()).isEqualTo(other.base());
        assertThat(other.sessionEmail()).contains(email);
    }

    @Test
    void a_wrong_password_and_an_unknown_address_get_the_same_answer_in_about_the_same_time() throws IOException {
        String email = Checks.uniqueEmail("pw-timing");
        signedUp(email);
        Checks.advanceClock(ItServers.DB, Duration.ofMinutes(11)); // fresh rate-limit windows

        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        String knownLocation = null;
        String unknownLocation = null;
        for (int round = 0; round < 32; round++) {
            if (round > 0 && round % 8 == 0) {
                // 8 wrong passwords per address and 16 attempts per client, then new windows: the limits (10 per
                // address, 30 per client per 10 minutes) are not what is measured.
                Checks.advanceClock(ItServers.DB, Duration.ofMinutes(11));
            }
            Browser browser = new Browser(ItServers.DB);
            browser.csrf();
            long start = System.nanoTime();
            Browser.Response wrong = signIn(browser, email, "not the password " + round);
            known.add(System.nanoTime() - start);
            Browser stranger = new Browser(ItServers.DB);
            stranger.csrf();
            start = System.nanoTime();
            Browser.Response nobody = signIn(stranger, Checks.uniqueEmail("pw-nobody"), "not the password " + round);
            unknown.add(System.nanoTime() - start);
            Checks.refusedWith(wrong, "CredentialsSignin");
            Checks.refusedWith(nobody, "CredentialsSignin");
            knownLocation = wrong.location();
            unknownLocation = nobody.location();
            assertThat(wrong.body()).isEqualTo(nobody.body());
        }
        assertThat(knownLocation).isEqualTo(unknownLocation);
        record("sign-in, wrong password vs unknown address", known, unknown);
        assertWithinFactor(known, unknown, 3.0);
    }

    @Test
    void forgot_answers_the_same_for_a_known_and_an_unknown_address_in_about_the_same_time() throws IOException {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            users.add(Checks.uniqueEmail("pw-forgot"));
            signedUp(users.get(i));
        }
        Checks.advanceClock(ItServers.DB, Duration.ofMinutes(11));
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int round = 0; round < 24; round++) {
            if (round > 0 && round % 4 == 0) {
                // 3 mails per address and 10 per client per 10 minutes: new windows every 8 requests.
                Checks.advanceClock(ItServers.DB, Duration.ofMinutes(11));
            }
            Browser browser = new Browser(ItServers.DB);
            browser.csrf();
            long start = System.nanoTime();
            Browser.Response forKnown = forgot(browser, users.get(round % 3));
            known.add(System.nanoTime() - start);
            Browser stranger = new Browser(ItServers.DB);
            stranger.csrf();
            start = System.nanoTime();
            Browser.Response forUnknown = forgot(stranger, Checks.uniqueEmail("pw-nobody"));
            unknown.add(System.nanoTime() - start);
            Checks.clean(forKnown);
            assertThat(forKnown.status()).isEqualTo(302);
            assertThat(forKnown.location())
                    .isEqualTo(forUnknown.location())
                    .isEqualTo(browser.base() + "/api/auth/verify-request?provider=password&type=credentials");
        }
        record("forgot, known vs unknown address", known, unknown);
        assertWithinFactor(known, unknown, 4.0);
    }

    @Test
    void a_reset_sets_the_new_password_ends_every_session_and_its_link_works_once() {
        String email = Checks.uniqueEmail("pw-reset");
        Browser first = signedUp(email);
        Browser second = new Browser(ItServers.DB);
        signIn(second, email, PASSWORD);
        assertThat(second.sessionEmail()).contains(email);
        String userId = userIdOf(Database.dump(), email);
        assertThat(sessionsOf(Database.dump(), userId)).isEqualTo(2);

        Browser resetting = new Browser(ItServers.DB);
        int received = ItServers.mailbox().count(email);
        forgot(resetting, email);
        String mail = ItServers.mailbox().awaitText(email, received);
        java.util.regex.Matcher found = java.util.regex.Pattern.compile("http\\S+/api/auth/password/reset\\?\\S+")
                .matcher(mail);
        assertThat(found.find()).as(mail).isTrue();
        String link = found.group();
        assertThat(link).startsWith(resetting.base() + "/api/auth/password/reset?token=");
        SeenSecrets.remember(Forms.query(URI.create(link)).get("token"));

        Browser.Response page = resetting.get(link);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"newPassword\"").contains("id=\"password-reset\"");
        Map<String, String> form = new LinkedHashMap<>(Forms.query(URI.create(link)));
        form.put("newPassword", NEW_PASSWORD);
        form.put("csrfToken", resetting.csrf());
        Browser.Response done = resetting.post("/api/auth/password/reset", form);
        Checks.clean(done);
        assertThat(done.location()).isEqualTo(resetting.base() + "/api/auth/signin?reset=done");

        JsonObject after = Database.dump();
        assertThat(sessionsOf(after, userId))
                .as("every session of the user ended")
                .isZero();
        assertThat(first.sessionEmail()).isEmpty();
        assertThat(second.sessionEmail()).isEmpty();
        Checks.refusedWith(signIn(new Browser(ItServers.DB), email, PASSWORD), "CredentialsSignin");
        Browser fresh = new Browser(ItServers.DB);
        signIn(fresh, email, NEW_PASSWORD);
        assertThat(fresh.sessionEmail()).contains(email);

        Browser replay = new Browser(ItServers.DB);
        JsonObject before = Database.dump();
        form.put("newPassword", "engine-it the attacker's password");
        form.put("csrfToken", replay.csrf());
        Checks.refusedWith(replay.post("/api/auth/password/reset", form), "Verification");
        assertThat(Database.dump()).isEqualTo(before);
    }

    @Test
    void password_posts_without_the_csrf_token_are_refused_and_change_nothing() {
        String email = Checks.uniqueEmail("pw-csrf");
        Browser owner = signedUp(email);
        Browser attacker = new Browser(ItServers.DB);
        attacker.csrf(); // the cookie, but no token in the forms
        JsonObject before = Database.dump();
        int mails = ItServers.mailbox().receivedCount();

        for (Map.Entry<String, Map<String, String>> post : Map.of(
                        "/api/auth/signup/password",
                        Map.of("email", Checks.uniqueEmail("pw-forged"), "password", PASSWORD),
                        "/api/auth/callback/password",
                        Map.of("email", email, "password", PASSWORD),
                        "/api/auth/password/forgot",
                        Map.of("email", email),
                        "/api/auth/password/reset",
                        Map.of("email", email, "token", "x", "newPassword", NEW_PASSWORD))
                .entrySet()) {
            Checks.refusedWith(attacker.post(post.getKey(), post.getValue()), "MissingCSRF");
        }
        // A forced change from the owner's own browser, as a cross-site form would send it: the session cookie
        // goes along, the token does not.
        Checks.refusedWith(
                owner.post(
                        "/api/auth/password/change", Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD)),
                "MissingCSRF");

        assertThat(Database.dump()).isEqualTo(before);
        assertThat(ItServers.mailbox().receivedCount()).isEqualTo(mails);
        assertThat(attacker.cookie(Browser.SESSION_COOKIE)).isEmpty();
        assertThat(owner.sessionEmail()).contains(email);
    }

    @Test
    void sign_up_with_a_taken_address_answers_the_same_and_mails_the_owner() {
        String email = Checks.uniqueEmail("pw-taken");
        signedUp(email);
        JsonObject before = Database.dump();
        int received = ItServers.mailbox().count(email);

        Browser attacker = new Browser(ItServers.DB);
        Browser.Response again = signUp(attacker, email, "engine-it the attacker's password");

        assertThat(again.location())
                .isEqualTo(attacker.base() + "/api/auth/verify-request?provider=password&type=credentials");
        assertThat(ItServers.mailbox().awaitText(email, received)).contains("already has one");
        assertThat(Database.dump()).isEqualTo(before);
        Checks.refusedWith(
                signIn(new Browser(ItServers.DB), email, "engine-it the attacker's password"), "CredentialsSignin");
    }

    private static void assertWithinFactor(List<Long> known, List<Long> unknown, double factor) {
        double a = median(known);
        double b = median(unknown);
        assertThat(Math.max(a, b) / Math.min(a, b))
                .as("median %.1f ms (known) vs %.1f ms (unknown)", a / 1e6, b / 1e6)
                .isLessThan(factor);
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** Prints the numbers and appends them to target/password-timing.txt. */
    private static void record(String what, List<Long> known, List<Long> unknown) {
        String line = String.format(
                "%s: %d requests each, median %.1f ms vs %.1f ms, min %.1f vs %.1f, max %.1f vs %.1f%n",
                what,
                known.size(),
                median(known) / 1e6,
                median(unknown) / 1e6,
                known.stream().mapToLong(Long::longValue).min().orElse(0) / 1e6,
                unknown.stream().mapToLong(Long::longValue).min().orElse(0) / 1e6,
                known.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6,
                unknown.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6);
        System.out.print(line);
        try {
            Files.writeString(
                    Path.of("target", "password-timing.txt"),
                    line,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
