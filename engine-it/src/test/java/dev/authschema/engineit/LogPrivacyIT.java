package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.ServerLog;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an attacker can make the engine log: the failure, never the personal data in it (the address a mail could
 * not reach, a profile value the database refused), and never a second line of the attacker's making.
 */
@ExtendWith(ItServers.class)
class LogPrivacyIT {

    @Test
    void a_mail_that_cannot_be_sent_is_logged_without_the_address() {
        Browser browser = new Browser(ItServers.DB);
        String email = Checks.uniqueEmail("smtp-down-privacy");
        JsonObject before = Database.dump();
        ServerLog log = ItServers.serverLog();

        Checks.refusedWith(
                browser.post("/api/auth/signin/broken-mail", Map.of("csrfToken", browser.csrf(), "email", email)),
                "EmailSignin");

        assertThat(log.awaitLines("sending the sign-in e-mail of provider broken-mail failed", 1))
                .hasSize(1);
        assertThat(log.since()).as("the address in the log").doesNotContainIgnoringCase(email);
        assertThat(Database.dump()).isEqualTo(before);
    }

    @Test
    void a_profile_value_the_database_refuses_is_logged_without_the_value() {
        Browser browser = new Browser(ItServers.DB);
        String marker = "Longname" + UUID.randomUUID().toString().replace("-", "");
        // Longer than any column of the built-in schema holds on Derby (32,672 characters), so the insert is refused.
        String name = marker + "n".repeat(33_000);
        String email = Checks.uniqueEmail("long-name");
        String callback = browser.authorizeAt("oidc");
        ItServers.oidc().nextSignIn(ItServers.ENGINE_ISSUER, "sub-" + UUID.randomUUID(), email, Map.of("name", name));
        JsonObject before = Database.dump();
        ServerLog log = ItServers.serverLog();

        Browser.Response done = browser.get(callback);

        Checks.clean(done);
        assertThat(done.location()).as("%s", done).contains("error=");
        assertThat(browser.cookie(Browser.SESSION_COOKIE)).isEmpty();
        assertThat(Database.dump()).isEqualTo(before);
        assertThat(log.awaitLines("[auth] unexpected failure in GET /callback/oidc", 1))
                .hasSize(1);
        // The engine's entry, with its stack trace: until the next entry's "[date]" line. (EclipseLink and Liberty's
        // FFDC log the database's message themselves: SECURITY.md, known limits.)
        String entry = log.since()
                .substring(log.since().indexOf("[auth] unexpected failure in GET /callback/oidc"))
                .split("\\R\\[")[0];
        assertThat(entry)
                .as("the engine's log entry")
                .contains("Caused by: dev.authschema.adapter" + ".InvalidValueException: createUser")
                .contains("SQLState 22001")
                .doesNotContain(marker)
                .doesNotContainIgnoringCase(email);
    }

    @Test
    void a_provider_id_with_a_line_separator_stays_on_its_own_log_line() {
        Browser attacker = new Browser(ItServers.DB);
        String token = attacker.csrf();
        String forged = "Forged" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject before = Database.dump();
        ServerLog log = ItServers.serverLog();

        Browser.Response refused = RawHttp.sendLines(
                "POST",
                "/db/api/auth/signin/a%E2%80%A8" + forged,
                java.util.List.of(
                        "Host: " + java.net.URI.create(ItServers.serverUrl()).getAuthority(),
                        "Cookie: " + attacker.cookieHeader(),
                        "Content-Type: application/x-www-form-urlencoded"),
                "csrfToken=" + token);

        Checks.refusedWith(refused, "Configuration");
        assertThat(log.awaitLines("no provider with id 'a?" + forged + "'", 1)).hasSize(1);
        assertThat(log.since()).as("the raw line separator in the log").doesNotContain("\u00e2\u0080\u00a8");
        assertThat(Database.dump()).isEqualTo(before);
    }

    @Test
    void an_oauth_error_parameter_with_a_line_break_stays_on_its_own_log_line() {
        Browser attacker = new Browser(ItServers.DB);
        String forged = "Forged" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject before = Database.dump();
        ServerLog log = ItServers.serverLog();

        Checks.refusedWith(
                attacker.get("/api/auth/callback/oidc?error=x%0D%0A%5Bauth%5D%20" + forged), "OAuthCallbackError");

        assertThat(log.awaitLines("returned error x??[auth] " + forged, 1)).hasSize(1);
        assertThat(log.since().lines().filter(line -> line.startsWith("[auth] " + forged)))
                .isEmpty();
        assertThat(Database.dump()).isEqualTo(before);
    }
}
