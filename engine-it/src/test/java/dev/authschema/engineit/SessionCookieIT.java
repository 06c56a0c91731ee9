package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Database session cookies that are not a live session make the caller anonymous, on a read and on a sign-out, and
 * never touch another session.
 */
@ExtendWith(ItServers.class)
class SessionCookieIT {

    @Test
    void tampered_truncated_unknown_and_oversized_cookies_are_anonymous_and_write_nothing() {
        Browser owner = new Browser(ItServers.DB);
        String email = Checks.uniqueEmail("cookie-owner");
        owner.signInByEmail(email);
        String token = owner.cookie(Browser.SESSION_COOKIE).orElseThrow();
        char last = token.charAt(token.length() - 1);

        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("one character changed", token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'));
        bad.put("truncated", token.substring(0, token.length() / 2));
        bad.put("extended", token + "A");
        bad.put("unknown", "Zm9yZ2VkLXNlc3Npb24tdG9rZW4tb2YtdGhlLXJpZ2h0LXNoYXBl");
        bad.put("SQL-ish", "x' OR '1'='1");
        bad.put("oversized (4 KB)", "A".repeat(4096));

        JsonObject before = Database.dump();
        bad.forEach((what, value) -> {
            Browser attacker = new Browser(ItServers.DB);
            attacker.setCookie(Browser.SESSION_COOKIE, value);
            Browser.Response read = attacker.get("/api/auth/session");
            Checks.clean(read);
            assertThat(read.status()).as(what).isEqualTo(200);
            assertThat(read.json()).as(what).isEmpty();

            attacker.setCookie(Browser.SESSION_COOKIE, value);
            Browser.Response out = attacker.post("/api/auth/signout", Map.of("csrfToken", attacker.csrf()));
            Checks.clean(out);
            assertThat(out.status()).as(what).isEqualTo(302);
            assertThat(out.location()).as(what).isEqualTo(attacker.base());
            assertThat(Database.dump()).as(what).isEqualTo(before);
        });
        assertThat(owner.sessionEmail()).as("the real session is untouched").contains(email);
    }

    @Test
    void an_expired_session_cookie_is_anonymous_and_only_its_own_row_goes() {
        Browser expired = new Browser(ItServers.DB);
        expired.signInByEmail(Checks.uniqueEmail("cookie-expired"));
        String token = expired.cookie(Browser.SESSION_COOKIE).orElseThrow();
        Checks.advanceClock(ItServers.DB, Duration.ofDays(31));
        Browser fresh = new Browser(ItServers.DB);
        String freshEmail = Checks.uniqueEmail("cookie-fresh");
        fresh.signInByEmail(freshEmail);

        JsonObject before = Database.dump();
        Browser.Response out = expired.post("/api/auth/signout", Map.of("csrfToken", expired.csrf()));
        Checks.clean(out);
        assertThat(out.status()).isEqualTo(302);
        assertThat(expired.session()).isEmpty();
        JsonObject after = Database.dump();
        // The expired row is deleted on read, as the engine promises (and as Auth.js does); nothing else changes.
        assertThat(Database.rowsWhere(after, "SESSIONS", "SESSION_TOKEN", token))
                .isEmpty();
        assertThat(Database.rows(after, "SESSIONS"))
                .containsExactlyInAnyOrderElementsOf(Database.rows(before, "SESSIONS").stream()
                        .filter(r -> !r.getString("SESSION_TOKEN").equals(token))
                        .toList());
        for (String table : new String[] {"USERS", "ACCOUNTS", "VERIFICATION_TOKENS", "AUTHENTICATORS"}) {
            assertThat(Database.rows(after, table)).as(table).isEqualTo(Database.rows(before, table));
        }
        assertThat(fresh.sessionEmail()).contains(freshEmail);
    }
}
