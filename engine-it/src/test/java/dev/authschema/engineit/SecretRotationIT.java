package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.Forms;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A rotation of {@code AUTH_SECRET} in a real server: {@code /jwt} runs with the old secret, {@code /rotating} with
 * {@code new,old} and {@code /rotated} with {@code new} alone (the same app, one database; cookies have
 * {@code Path=/}, so a browser carries them from one to the next as it would across the operator's restarts). What
 * the old secret made (JWT sessions, CSRF cookies, pending e-mail links) keeps working while it is listed second, and
 * stops once it is removed; what is made during the rotation uses the new one.
 */
@ExtendWith(ItServers.class)
class SecretRotationIT {

    @Test
    void a_jwt_session_of_the_old_secret_works_during_the_rotation_is_resealed_and_is_refused_after_it() {
        Browser old = new Browser(ItServers.JWT);
        String email = Checks.uniqueEmail("rotate-session");
        old.signInByEmail(email);
        String oldCookie = old.cookie(Browser.SESSION_COOKIE).orElseThrow();

        Browser during = old.at(ItServers.ROTATING);
        assertThat(during.sessionEmail()).contains(email);
        String resealed = during.cookie(Browser.SESSION_COOKIE).orElseThrow();
        assertThat(resealed)
                .as("re-sealed with the new secret on the first read")
                .isNotEqualTo(oldCookie);

        Browser after = old.at(ItServers.ROTATED);
        JsonObject rows = Database.dump();
        Browser.Response refused = after.get("/api/auth/session");
        assertThat(refused.json())
                .as("the old secret's cookie after the rotation")
                .isEmpty();
        assertThat(after.cookie(Browser.SESSION_COOKIE)).as("and it is cleared").isEmpty();
        assertThat(Database.dump()).isEqualTo(rows);

        assertThat(during.at(ItServers.ROTATED).sessionEmail())
                .as("the re-sealed cookie")
                .contains(email);
        assertThat(during.at(ItServers.JWT).session())
                .as("a server with only the old secret cannot read it")
                .isEmpty();
    }

    @Test
    void a_csrf_cookie_of_the_old_secret_passes_during_the_rotation_and_is_refused_after_it() {
        Browser old = new Browser(ItServers.JWT);
        String token = old.csrf();

        String accepted = Checks.uniqueEmail("rotate-csrf");
        Browser.Response during = old.at(ItServers.ROTATING)
                .post("/api/auth/signin/email", Map.of("csrfToken", token, "email", accepted));
        assertThat(during.location()).as("%s", during).doesNotContain("error=");
        ItServers.mailbox().awaitSignInLink(accepted, 0);

        String refusedEmail = Checks.uniqueEmail("rotate-csrf-after");
        JsonObject rows = Database.dump();
        Browser.Response after = old.at(ItServers.ROTATED)
                .post("/api/auth/signin/email", Map.of("csrfToken", token, "email", refusedEmail));
        assertThat(after.location()).contains("error=MissingCSRF");
        assertThat(Database.dump()).as("no token row").isEqualTo(rows);
        assertThat(ItServers.mailbox().count(refusedEmail)).as("no mail").isZero();
    }

    @Test
    void a_link_mailed_before_the_rotation_signs_in_during_it_and_is_dead_after_it() {
        String early = Checks.uniqueEmail("rotate-link");
        String late = Checks.uniqueEmail("rotate-link-late");
        String earlyLink = requestLink(ItServers.JWT, early);
        String lateLink = requestLink(ItServers.JWT, late);

        Browser during = new Browser(ItServers.ROTATING);
        Browser.Response signedIn = confirm(during, earlyLink);
        assertThat(signedIn.location()).as("%s", signedIn).doesNotContain("error=");
        assertThat(during.sessionEmail()).contains(early);

        Browser after = new Browser(ItServers.ROTATED);
        JsonObject rows = Database.dump();
        Browser.Response refused = confirm(after, lateLink);
        assertThat(refused.location()).contains("error=Verification");
        assertThat(after.session()).isEmpty();
        assertThat(Database.dump())
                .as("the link's row is left as it was, no user created")
                .isEqualTo(rows);
        assertThat(Database.rowsWhere(rows, "VERIFICATION_TOKENS", "IDENTIFIER", late))
                .hasSize(1);
    }

    @Test
    void a_link_mailed_during_the_rotation_is_hashed_with_the_new_secret() {
        String email = Checks.uniqueEmail("rotate-new-link");
        String link = requestLink(ItServers.ROTATING, email);

        JsonObject rows = Database.dump();
        assertThat(confirm(new Browser(ItServers.JWT), link).location())
                .as("the old secret alone")
                .contains("error=Verification");
        assertThat(Database.dump()).isEqualTo(rows);

        Browser after = new Browser(ItServers.ROTATED);
        assertThat(confirm(after, link).location()).doesNotContain("error=");
        assertThat(after.sessionEmail()).contains(email);
    }

    private static String requestLink(String context, String email) {
        Browser browser = new Browser(context);
        int received = ItServers.mailbox().count(email);
        Browser.Response requested = browser.requestLink(email, null);
        assertThat(requested.location()).as("%s", requested).doesNotContain("error=");
        return ItServers.mailbox().awaitSignInLink(email, received);
    }

    /** The confirmation form's POST, at the browser's own deployment, of a link that another one mailed. */
    private static Browser.Response confirm(Browser browser, String link) {
        Map<String, String> form = new LinkedHashMap<>(Forms.query(URI.create(link)));
        form.put("csrfToken", browser.csrf());
        return browser.post("/api/auth/callback/email", form);
    }
}
