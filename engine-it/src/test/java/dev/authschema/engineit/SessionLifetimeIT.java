package dev.authschema.engineit;

import static dev.authschema.engineit.Checks.advanceClock;
import static dev.authschema.engineit.Checks.near;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Database sessions with the engine's defaults (maxAge 30 days, updateAge 24 hours) under a clock the test moves:
 * a read inside updateAge writes nothing, a read after it slides the expiry, a read after maxAge deletes the row.
 */
@ExtendWith(ItServers.class)
class SessionLifetimeIT {

    private static final Duration MAX_AGE = Duration.ofDays(30);
    private static final Duration SLACK = Duration.ofSeconds(30);

    @Test
    void reads_slide_the_expiry_at_most_once_per_update_age_and_an_expired_session_is_deleted() {
        Browser browser = new Browser(ItServers.DB);
        String email = Checks.uniqueEmail("lifetime");
        browser.signInByEmail(email);
        String token = browser.cookie(Browser.SESSION_COOKIE).orElseThrow();
        Instant signedInAt = Checks.clock(ItServers.DB);
        JsonObject row = sessionRow(token);
        Instant expires = dbInstant(row.getString("EXPIRES"));
        near(expires, signedInAt.plus(MAX_AGE), SLACK);

        // 1 hour later: inside updateAge, the read changes nothing, in the database or in the cookie.
        advanceClock(ItServers.DB, Duration.ofHours(1));
        JsonObject before = Database.dump();
        Browser.Response read = browser.get("/api/auth/session");
        assertThat(read.status()).isEqualTo(200);
        assertThat(Instant.parse(read.json().getString("expires"))).isEqualTo(expires);
        assertThat(read.json().getJsonObject("user").getString("email")).isEqualTo(email);
        assertThat(read.setCookies()).noneMatch(c -> c.startsWith(Browser.SESSION_COOKIE + "="));
        assertThat(Database.dump()).isEqualTo(before);

        // 25 hours after sign-in: updateAge has passed, so this read moves the expiry to now + maxAge, once.
        Instant now = advanceClock(ItServers.DB, Duration.ofHours(24));
        read = browser.get("/api/auth/session");
        Instant extended = Instant.parse(read.json().getString("expires"));
        near(extended, now.plus(MAX_AGE), SLACK);
        assertThat(extended).isAfter(expires.plus(Duration.ofHours(24)));
        assertThat(dbInstant(sessionRow(token).getString("EXPIRES"))).isEqualTo(extended);
        assertThat(read.setCookies())
                .anyMatch(c -> c.startsWith(Browser.SESSION_COOKIE + "=" + token + ";")
                        && c.contains("Max-Age=" + MAX_AGE.toSeconds()));
        JsonObject afterExtension = Database.dump();
        Browser.Response again = browser.get("/api/auth/session");
        assertThat(Instant.parse(again.json().getString("expires"))).isEqualTo(extended);
        assertThat(Database.dump())
                .as("a second read right after the extension writes nothing")
                .isEqualTo(afterExtension);

        // Past maxAge without a read: the next read deletes the row, and the caller is anonymous.
        advanceClock(ItServers.DB, MAX_AGE.plusHours(1));
        read = browser.get("/api/auth/session");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEmpty();
        assertThat(read.setCookies())
                .anyMatch(c -> c.startsWith(Browser.SESSION_COOKIE + "=;") && c.contains("Max-Age=0"));
        assertThat(Database.rowsWhere(Database.dump(), "SESSIONS", "SESSION_TOKEN", token))
                .isEmpty();
        assertThat(Database.rowsWhere(Database.dump(), "USERS", "EMAIL", email))
                .as("the user stays")
                .hasSize(1);

        // The old cookie, sent again, stays anonymous and writes nothing.
        browser.setCookie(Browser.SESSION_COOKIE, token);
        JsonObject afterExpiry = Database.dump();
        assertThat(browser.session()).isEmpty();
        assertThat(Database.dump()).isEqualTo(afterExpiry);
    }

    @Test
    void a_read_just_before_update_age_still_writes_nothing() {
        Browser browser = new Browser(ItServers.DB);
        browser.signInByEmail(Checks.uniqueEmail("boundary"));
        String expires = browser.session().getString("expires");
        advanceClock(ItServers.DB, Duration.ofHours(23).plusMinutes(55));
        JsonObject before = Database.dump();
        assertThat(browser.session().getString("expires")).isEqualTo(expires);
        assertThat(Database.dump()).isEqualTo(before);
    }

    static JsonObject sessionRow(String token) {
        List<JsonObject> rows = Database.rowsWhere(Database.dump(), "SESSIONS", "SESSION_TOKEN", token);
        assertThat(rows).as("session row of the cookie").hasSize(1);
        return rows.get(0);
    }

    /** Derby's TIMESTAMP text of a UTC value, such as {@code 2026-12-23 13:36:15.65}. */
    static Instant dbInstant(String text) {
        return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }
}
