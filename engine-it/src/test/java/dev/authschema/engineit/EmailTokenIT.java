package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.Forms;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sign-in links that are used, expired, for another address or made up: refused with {@code Verification}. */
@ExtendWith(ItServers.class)
class EmailTokenIT {

    @Test
    void a_used_link_is_refused_the_second_time() {
        String email = Checks.uniqueEmail("reused");
        Browser owner = new Browser(ItServers.DB);
        owner.requestLink(email, null);
        String link = ItServers.mailbox().awaitSignInLink(email);
        owner.confirmLink(link);
        assertThat(owner.sessionEmail()).contains(email);

        Browser replay = new Browser(ItServers.DB);
        JsonObject before = Database.dump();
        Browser.Response refused = replay.confirmLink(link);
        Checks.refusedWith(refused, "Verification");
        assertThat(replay.cookie(Browser.SESSION_COOKIE)).isEmpty();
        assertThat(Database.dump()).isEqualTo(before);
    }

    @Test
    void a_link_for_another_address_is_refused_and_stays_usable_by_its_owner() {
        String email = Checks.uniqueEmail("identifier");
        Browser browser = new Browser(ItServers.DB);
        browser.requestLink(email, null);
        String link = ItServers.mailbox().awaitSignInLink(email);
        Map<String, String> form = new LinkedHashMap<>(Forms.query(URI.create(link)));

        JsonObject before = Database.dump();
        for (String other : new String[] {Checks.uniqueEmail("attacker"), "not-an-address", ""}) {
            form.put("email", other);
            form.put("csrfToken", browser.csrf());
            Checks.refusedWith(browser.post("/api/auth/callback/email", form), "Verification");
            assertThat(Database.dump()).as(other).isEqualTo(before);
        }
        form.remove("email");
        form.put("csrfToken", browser.csrf());
        Checks.refusedWith(browser.post("/api/auth/callback/email", form), "Verification");
        assertThat(Database.dump()).isEqualTo(before);
        assertThat(browser.cookie(Browser.SESSION_COOKIE)).isEmpty();

        assertThat(browser.confirmLink(link).location()).isEqualTo(browser.base());
        assertThat(browser.sessionEmail()).contains(email);
    }

    @Test
    void made_up_and_missing_tokens_are_refused() {
        String email = Checks.uniqueEmail("made-up");
        Browser browser = new Browser(ItServers.DB);
        browser.requestLink(email, null);
        ItServers.mailbox().awaitSignInLink(email);
        JsonObject before = Database.dump();
        for (String token : new String[] {"made-up-token", "", "A".repeat(128)}) {
            Checks.refusedWith(
                    browser.post(
                            "/api/auth/callback/email",
                            Map.of("csrfToken", browser.csrf(), "email", email, "token", token)),
                    "Verification");
        }
        // Over InputLimits.MAX_TOKEN: refused before the engine looks (InputLimitsIT).
        Browser.Response huge = browser.post(
                "/api/auth/callback/email",
                Map.of("csrfToken", browser.csrf(), "email", email, "token", "A".repeat(10_000)));
        Checks.clean(huge);
        assertThat(huge.status()).isEqualTo(400);
        Checks.refusedWith(
                browser.post("/api/auth/callback/email", Map.of("csrfToken", browser.csrf(), "email", email)),
                "Verification");
        assertThat(Database.dump()).isEqualTo(before);
        assertThat(browser.cookie(Browser.SESSION_COOKIE)).isEmpty();
    }

    @Test
    void an_expired_link_is_refused_and_signs_nobody_in() {
        String email = Checks.uniqueEmail("expired-link");
        Browser browser = new Browser(ItServers.DB);
        browser.requestLink(email, null);
        String link = ItServers.mailbox().awaitSignInLink(email);
        Checks.advanceClock(ItServers.DB, Duration.ofHours(25));

        JsonObject before = Database.dump();
        Checks.refusedWith(browser.confirmLink(link), "Verification");
        assertThat(browser.cookie(Browser.SESSION_COOKIE)).isEmpty();
        JsonObject after = Database.dump();
        // No user, session or account is written. The token row itself is gone: the adapter's
        // useVerificationToken takes a token atomically before its expiry is looked at (as in Auth.js), and an
        // expired token is garbage the periodic clean-up would delete anyway.
        for (String table : new String[] {"USERS", "SESSIONS", "ACCOUNTS", "AUTHENTICATORS"}) {
            assertThat(Database.rows(after, table)).as(table).isEqualTo(Database.rows(before, table));
        }
        assertThat(Database.rowsWhere(after, "USERS", "EMAIL", email)).isEmpty();
        assertThat(Database.rowsWhere(before, "VERIFICATION_TOKENS", "IDENTIFIER", email))
                .hasSize(1);
        assertThat(Database.rows(after, "VERIFICATION_TOKENS"))
                .containsExactlyInAnyOrderElementsOf(Database.rows(before, "VERIFICATION_TOKENS").stream()
                        .filter(r -> !r.getString("IDENTIFIER").equals(email))
                        .toList());
        Checks.refusedWith(new Browser(ItServers.DB).confirmLink(link), "Verification");
        assertThat(Database.dump()).isEqualTo(after);
    }
}
