package dev.authschema.engineit;

import static dev.authschema.engineit.Checks.advanceClock;
import static dev.authschema.engineit.Checks.near;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code /jwt} deployment: sessions are encrypted JWT cookies. Signing in writes the user but no session row;
 * reading the session touches no table; a damaged or expired cookie is anonymous.
 */
@ExtendWith(ItServers.class)
class JwtSessionIT {

    private static final Duration MAX_AGE = Duration.ofDays(30);

    @Test
    void sign_in_writes_no_session_row_and_the_cookie_carries_the_user() {
        Browser browser = new Browser(ItServers.JWT);
        String email = Checks.uniqueEmail("jwt");
        JsonObject before = Database.dump();
        browser.signInByEmail(email);
        JsonObject after = Database.dump();

        assertThat(Database.rows(after, "SESSIONS")).as("no session row").isEqualTo(Database.rows(before, "SESSIONS"));
        assertThat(Database.rowsWhere(after, "USERS", "EMAIL", email)).hasSize(1);
        String jwt = browser.cookie(Browser.SESSION_COOKIE).orElseThrow();
        assertThat(jwt.split("\\.", -1)).as("compact JWE: five parts").hasSize(5);
        assertThat(jwt).doesNotContain(email);

        Browser.Response read = browser.get("/api/auth/session");
        assertThat(read.json().getJsonObject("user").getString("email")).isEqualTo(email);
        near(
                Instant.parse(read.json().getString("expires")),
                Checks.clock(ItServers.JWT).plus(MAX_AGE),
                Duration.ofSeconds(30));
        assertThat(Database.dump()).as("reading a JWT session touches no table").isEqualTo(after);
    }

    @Test
    void oidc_sign_in_writes_user_and_account_but_no_session_row() {
        Browser browser = new Browser(ItServers.JWT);
        String email = Checks.uniqueEmail("jwt-oidc");
        String subject = "sub-" + java.util.UUID.randomUUID();
        String callback = browser.authorizeAt("oidc");
        ItServers.oidc().nextSignIn(ItServers.ENGINE_ISSUER, subject, email);
        JsonObject before = Database.dump();
        assertThat(browser.get(callback).location()).isEqualTo(browser.base());
        JsonObject after = Database.dump();
        assertThat(Database.rows(after, "SESSIONS")).isEqualTo(Database.rows(before, "SESSIONS"));
        assertThat(Database.rowsWhere(after, "USERS", "EMAIL", email)).hasSize(1);
        assertThat(Database.rowsWhere(after, "ACCOUNTS", "PROVIDER_ACCOUNT_ID", subject))
                .hasSize(1);
        assertThat(browser.sessionEmail()).contains(email);
        assertThat(Database.dump()).isEqualTo(after);
    }

    @Test
    void tampered_truncated_and_foreign_cookies_are_anonymous() {
        Browser browser = new Browser(ItServers.JWT);
        browser.signInByEmail(Checks.uniqueEmail("jwt-damaged"));
        String jwt = browser.cookie(Browser.SESSION_COOKIE).orElseThrow();
        String[] parts = jwt.split("\\.", -1);
        String ciphertext = parts[3];
        char flipped = ciphertext.charAt(10) == 'A' ? 'B' : 'A';
        parts[3] = ciphertext.substring(0, 10) + flipped + ciphertext.substring(11);
        String tampered = String.join(".", parts);

        Map<String, String> damaged = Map.of(
                "tampered ciphertext",
                tampered,
                "truncated",
                jwt.substring(0, jwt.length() - 12),
                "header only",
                jwt.substring(0, jwt.indexOf('.')),
                "not a JWT",
                "garbage",
                "an unsigned plain JWT",
                "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsImV4cCI6OTk5OTk5OTk5OX0.");
        JsonObject before = Database.dump();
        damaged.forEach((what, value) -> {
            Browser other = new Browser(ItServers.JWT);
            other.setCookie(Browser.SESSION_COOKIE, value);
            Browser.Response read = other.get("/api/auth/session");
            Checks.clean(read);
            assertThat(read.status()).as(what).isEqualTo(200);
            assertThat(read.json()).as(what).isEmpty();
            assertThat(read.setCookies())
                    .as(what + " cookie cleared")
                    .anyMatch(c -> c.startsWith(Browser.SESSION_COOKIE + "=;") && c.contains("Max-Age=0"));
        });
        // The /db deployment's session token (a random string, same cookie name) means nothing here.
        Browser dbBrowser = new Browser(ItServers.DB);
        dbBrowser.signInByEmail(Checks.uniqueEmail("jwt-foreign"));
        JsonObject beforeForeign = Database.dump();
        Browser other = new Browser(ItServers.JWT);
        other.setCookie(
                Browser.SESSION_COOKIE, dbBrowser.cookie(Browser.SESSION_COOKIE).orElseThrow());
        assertThat(other.session()).isEmpty();
        assertThat(Database.dump()).isEqualTo(beforeForeign);
        assertThat(Database.rows(beforeForeign, "USERS"))
                .hasSize(Database.rows(before, "USERS").size() + 1);

        assertThat(browser.session()).as("the undamaged cookie still works").containsKey("user");
    }

    @Test
    void the_token_is_reissued_after_update_age_and_an_expired_one_is_anonymous() {
        Browser browser = new Browser(ItServers.JWT);
        browser.signInByEmail(Checks.uniqueEmail("jwt-expiry"));
        String first = browser.cookie(Browser.SESSION_COOKIE).orElseThrow();
        String expires = browser.session().getString("expires");

        advanceClock(ItServers.JWT, Duration.ofHours(2));
        Browser.Response early = browser.get("/api/auth/session");
        assertThat(early.json().getString("expires")).isEqualTo(expires);
        assertThat(browser.cookie(Browser.SESSION_COOKIE)).contains(first);

        Instant now = advanceClock(ItServers.JWT, Duration.ofHours(23));
        Browser.Response renewed = browser.get("/api/auth/session");
        near(Instant.parse(renewed.json().getString("expires")), now.plus(MAX_AGE), Duration.ofSeconds(30));
        String second = browser.cookie(Browser.SESSION_COOKIE).orElseThrow();
        assertThat(second).isNotEqualTo(first);

        JsonObject before = Database.dump();
        advanceClock(ItServers.JWT, MAX_AGE.plusHours(1));
        Browser.Response expired = browser.get("/api/auth/session");
        Checks.clean(expired);
        assertThat(expired.json()).isEmpty();
        assertThat(browser.cookie(Browser.SESSION_COOKIE)).as("cookie cleared").isEmpty();
        // An old copy of the first token is expired too.
        browser.setCookie(Browser.SESSION_COOKIE, first);
        assertThat(browser.session()).isEmpty();
        assertThat(Database.dump()).isEqualTo(before);
    }

    @Test
    void sign_out_clears_the_cookie_and_sign_out_everywhere_else_is_refused_for_jwt() {
        Browser browser = new Browser(ItServers.JWT);
        browser.signInByEmail(Checks.uniqueEmail("jwt-signout"));
        JsonObject before = Database.dump();

        Browser.Response others = browser.post("/test/sign-out-others", Map.of("csrfToken", browser.csrf()));
        assertThat(others.status()).as("%s", others).isEqualTo(409);
        assertThat(browser.session()).containsKey("user");

        Browser.Response signOut = browser.post("/api/auth/signout", Map.of("csrfToken", browser.csrf()));
        assertThat(signOut.status()).isEqualTo(302);
        assertThat(signOut.location()).isEqualTo(browser.base());
        assertThat(browser.cookie(Browser.SESSION_COOKIE)).isEmpty();
        assertThat(browser.session()).isEmpty();
        assertThat(Database.dump()).isEqualTo(before);
    }
}
