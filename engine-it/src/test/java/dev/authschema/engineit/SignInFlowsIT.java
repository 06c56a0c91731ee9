package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.Forms;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The flows the refusals are measured against, at the JSON-API level on {@code /db}: e-mail links through a real SMTP
 * server, OpenID Connect against a real provider with account linking and {@code OAuthAccountNotLinked}, sign-out
 * and sign-out everywhere else.
 */
@ExtendWith(ItServers.class)
class SignInFlowsIT {

    /** The server's AUTH_SECRET (made for each build). */
    static final String SECRET = ItServers.authSecret();

    @Test
    void email_link_is_stored_hashed_survives_the_link_opening_and_signs_in_on_confirmation() {
        Browser browser = new Browser(ItServers.DB);
        String email = Checks.uniqueEmail("email");
        Browser.Response requested = browser.requestLink("  " + email.toUpperCase() + " ", "/db/after");
        assertThat(requested.status()).isEqualTo(302);
        assertThat(requested.location())
                .isEqualTo(browser.base() + "/api/auth/verify-request?provider=email&type=email");

        String link = ItServers.mailbox().awaitSignInLink(email);
        Map<String, String> query = Forms.query(URI.create(link));
        assertThat(query)
                .containsEntry("email", email)
                .containsEntry("callbackUrl", ItServers.serverUrl() + "/db/after");
        String token = query.get("token");
        List<JsonObject> stored = Database.rowsWhere(Database.dump(), "VERIFICATION_TOKENS", "IDENTIFIER", email);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).getString("TOKEN"))
                .as("sha256(token + secret), never the token")
                .isEqualTo(sha256Hex(token + SECRET));

        // Opening the link (as a mail scanner would) shows the confirmation page and uses nothing up.
        JsonObject beforeOpening = Database.dump();
        Browser.Response page = browser.get(link);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"").contains(email);
        assertThat(page.headers().get("referrer-policy")).containsExactly("no-referrer");
        assertThat(Database.dump()).isEqualTo(beforeOpening);

        Browser.Response confirmed = browser.confirmLink(link);
        assertThat(confirmed.status()).isEqualTo(302);
        assertThat(confirmed.location()).isEqualTo(ItServers.serverUrl() + "/db/after");
        JsonObject after = Database.dump();
        List<JsonObject> users = Database.rowsWhere(after, "USERS", "EMAIL", email);
        assertThat(users).hasSize(1);
        assertThat(users.get(0).isNull("EMAIL_VERIFIED"))
                .as("emailVerified set")
                .isFalse();
        assertThat(Database.rowsWhere(after, "VERIFICATION_TOKENS", "IDENTIFIER", email))
                .as("used up")
                .isEmpty();
        assertThat(Database.rowsWhere(after, "SESSIONS", "USER_ID", users.get(0).getString("ID")))
                .hasSize(1);
        assertThat(browser.sessionEmail()).contains(email);
    }

    @Test
    void oidc_sign_in_creates_the_user_and_the_account_and_the_second_sign_in_finds_them() {
        String subject = "sub-" + UUID.randomUUID();
        String email = Checks.uniqueEmail("oidc");
        Browser browser = new Browser(ItServers.DB);
        String callback = browser.authorizeAt("oidc");
        ItServers.oidc().nextSignIn(ItServers.ENGINE_ISSUER, subject, email);
        Browser.Response done = browser.get(callback);
        assertThat(done.status()).as("%s", done).isEqualTo(302);
        assertThat(done.location()).isEqualTo(browser.base());
        assertThat(browser.sessionEmail()).contains(email);

        JsonObject after = Database.dump();
        List<JsonObject> users = Database.rowsWhere(after, "USERS", "EMAIL", email);
        assertThat(users).hasSize(1);
        assertThat(users.get(0).getString("NAME")).isEqualTo("User " + subject);
        List<JsonObject> accounts = Database.rowsWhere(after, "ACCOUNTS", "PROVIDER_ACCOUNT_ID", subject);
        assertThat(accounts).hasSize(1);
        JsonObject account = accounts.get(0);
        assertThat(account.getString("PROVIDER")).isEqualTo("oidc");
        assertThat(account.getString("TYPE")).isEqualTo("oidc");
        assertThat(account.getString("USER_ID")).isEqualTo(users.get(0).getString("ID"));
        assertThat(account.isNull("ACCESS_TOKEN")).isFalse();
        assertThat(account.isNull("ID_TOKEN")).isFalse();
        assertThat(account.getString("TOKEN_TYPE")).isEqualTo("bearer");

        Browser again = new Browser(ItServers.DB);
        String secondCallback = again.authorizeAt("oidc");
        ItServers.oidc().nextSignIn(ItServers.ENGINE_ISSUER, subject, email);
        assertThat(again.get(secondCallback).location()).isEqualTo(again.base());
        assertThat(again.sessionEmail()).contains(email);
        JsonObject afterSecond = Database.dump();
        assertThat(Database.rows(afterSecond, "USERS")).hasSameSizeAs(Database.rows(after, "USERS"));
        assertThat(Database.rows(afterSecond, "ACCOUNTS")).hasSameSizeAs(Database.rows(after, "ACCOUNTS"));
    }

    @Test
    void same_email_is_not_linked_by_default_but_is_by_the_trusted_provider() {
        String email = Checks.uniqueEmail("linking");
        new Browser(ItServers.DB).signInByEmail(email);
        String userId = Database.rowsWhere(Database.dump(), "USERS", "EMAIL", email)
                .get(0)
                .getString("ID");

        Browser stranger = new Browser(ItServers.DB);
        String callback = stranger.authorizeAt("oidc");
        ItServers.oidc().nextSignIn(ItServers.ENGINE_ISSUER, "sub-" + UUID.randomUUID(), email);
        JsonObject before = Database.dump();
        Browser.Response refused = stranger.get(callback);
        Checks.refusedWith(refused, "OAuthAccountNotLinked");
        assertThat(Database.dump()).isEqualTo(before);
        assertThat(stranger.session()).isEmpty();

        Browser trusted = new Browser(ItServers.DB);
        String subject = "sub-" + UUID.randomUUID();
        String trustedCallback = trusted.authorizeAt("trusted");
        ItServers.oidc().nextSignIn(ItServers.TRUSTED_ISSUER, subject, email);
        Browser.Response linked = trusted.get(trustedCallback);
        assertThat(linked.location()).isEqualTo(trusted.base());
        JsonObject after = Database.dump();
        assertThat(Database.rowsWhere(after, "USERS", "EMAIL", email))
                .as("no second user")
                .hasSize(1);
        List<JsonObject> accounts = Database.rowsWhere(after, "ACCOUNTS", "PROVIDER_ACCOUNT_ID", subject);
        assertThat(accounts).hasSize(1);
        assertThat(accounts.get(0).getString("PROVIDER")).isEqualTo("trusted");
        assertThat(accounts.get(0).getString("USER_ID")).isEqualTo(userId);
    }

    @Test
    void a_signed_in_user_links_another_account_but_not_one_owned_by_someone_else() {
        String email = Checks.uniqueEmail("owner");
        Browser browser = new Browser(ItServers.DB);
        browser.signInByEmail(email);
        String userId = Database.rowsWhere(Database.dump(), "USERS", "EMAIL", email)
                .get(0)
                .getString("ID");

        String subject = "sub-" + UUID.randomUUID();
        String ownCallback = browser.authorizeAt("oidc");
        ItServers.oidc().nextSignIn(ItServers.ENGINE_ISSUER, subject, Checks.uniqueEmail("elsewhere"));
        assertThat(browser.get(ownCallback).location()).isEqualTo(browser.base());
        List<JsonObject> accounts = Database.rowsWhere(Database.dump(), "ACCOUNTS", "PROVIDER_ACCOUNT_ID", subject);
        assertThat(accounts).hasSize(1);
        assertThat(accounts.get(0).getString("USER_ID")).isEqualTo(userId);
        assertThat(browser.sessionEmail()).contains(email);

        // Another signed-in user presents the same provider account: refused, nothing written.
        Browser other = new Browser(ItServers.DB);
        other.signInByEmail(Checks.uniqueEmail("other"));
        String callback = other.authorizeAt("oidc");
        ItServers.oidc().nextSignIn(ItServers.ENGINE_ISSUER, subject, "whatever@engine-it.test");
        JsonObject before = Database.dump();
        Checks.refusedWith(other.get(callback), "OAuthAccountNotLinked");
        assertThat(Database.dump()).isEqualTo(before);
    }

    @Test
    void sign_out_deletes_the_session_row() {
        Browser browser = new Browser(ItServers.DB);
        browser.signInByEmail(Checks.uniqueEmail("signout"));
        String token = browser.cookie(Browser.SESSION_COOKIE).orElseThrow();
        Browser.Response out =
                browser.post("/api/auth/signout", Map.of("csrfToken", browser.csrf(), "callbackUrl", "/db/bye"));
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.location()).isEqualTo(ItServers.serverUrl() + "/db/bye");
        assertThat(browser.cookie(Browser.SESSION_COOKIE)).isEmpty();
        assertThat(Database.rowsWhere(Database.dump(), "SESSIONS", "SESSION_TOKEN", token))
                .isEmpty();
        browser.setCookie(Browser.SESSION_COOKIE, token);
        assertThat(browser.session()).as("the old token is dead").isEmpty();
    }

    @Test
    void sign_out_everywhere_else_ends_the_users_other_sessions_only() {
        String email = Checks.uniqueEmail("everywhere");
        Browser laptop = new Browser(ItServers.DB);
        Browser phone = new Browser(ItServers.DB);
        Browser tablet = new Browser(ItServers.DB);
        Browser stranger = new Browser(ItServers.DB);
        laptop.signInByEmail(email);
        phone.signInByEmail(email);
        tablet.signInByEmail(email);
        stranger.signInByEmail(Checks.uniqueEmail("stranger"));
        String userId = Database.rowsWhere(Database.dump(), "USERS", "EMAIL", email)
                .get(0)
                .getString("ID");
        assertThat(Database.rowsWhere(Database.dump(), "SESSIONS", "USER_ID", userId))
                .hasSize(3);

        Browser.Response ended = laptop.post("/test/sign-out-others", Map.of("csrfToken", laptop.csrf()));
        assertThat(ended.status()).as("%s", ended).isEqualTo(200);
        assertThat(ended.json().getInt("ended")).isEqualTo(2);
        assertThat(phone.session()).isEmpty();
        assertThat(tablet.session()).isEmpty();
        assertThat(laptop.sessionEmail()).contains(email);
        assertThat(stranger.session()).containsKey("user");
        List<JsonObject> left = Database.rowsWhere(Database.dump(), "SESSIONS", "USER_ID", userId);
        assertThat(left).hasSize(1);
        assertThat(left.get(0).getString("SESSION_TOKEN"))
                .isEqualTo(laptop.cookie(Browser.SESSION_COOKIE).orElseThrow());
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
