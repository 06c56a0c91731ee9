package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.ServerLog;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an attacker can make the engine log: never a second line of the attacker's making.
 */
@ExtendWith(ItServers.class)
class LogPrivacyIT {

    @Test
    void a_provider_id_with_a_line_separator_stays_on_its_own_log_line() {
        Browser attacker = new Browser(ItServers.DB);
        String token = attacker.csrf();
        String forged = "Forged" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject before = Database.dump();
        ServerLog log = ItServers.serverLog();

        Browser.Response refused = RawHttp.sendLines("POST", "/db/api/auth/signin/a%E2%80%A8" + forged,
                java.util.List.of("Host: " + java.net.URI.create(ItServers.serverUrl()).getAuthority(),
                        "Cookie: " + attacker.cookieHeader(), "Content-Type: application/x-www-form-urlencoded"),
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

        Checks.refusedWith(attacker.get("/api/auth/callback/oidc?error=x%0D%0A%5Bauth%5D%20" + forged),
                "OAuthCallbackError");

        assertThat(log.awaitLines("returned error x??[auth] " + forged, 1)).hasSize(1);
        assertThat(log.since().lines().filter(line -> line.startsWith("[auth] " + forged))).isEmpty();
        assertThat(Database.dump()).isEqualTo(before);
    }
}
