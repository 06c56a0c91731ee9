package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.ServerLog;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Auth.js's events on every sign-in path, as the app's listener ({@code RecordedEvents}) saw them, and the signIn
 * callback's redirect ({@code ItCallbacks}: {@code waitlist.test} to the app's own page, {@code offsite.test} to
 * another site, which the redirect policy replaces).
 */
@ExtendWith(ItServers.class)
class EventsIT {

    private static List<String> events(Browser browser, String userId) {
        return browser
                .get("/test/events?user=" + userId)
                .json()
                .getJsonArray("events")
                .getValuesAs(JsonString.class)
                .stream()
                .map(JsonString::getString)
                .toList();
    }

    private static String userId(String column, String value) {
        return Database.rowsWhere(Database.dump(), "USERS", column, value)
                .get(0)
                .getString("ID");
    }

    @Test
    void an_e_mail_sign_up_fires_create_user_and_sign_in_and_the_next_sign_in_only_sign_in() {
        Browser browser = new Browser(ItServers.DB);
        String email = Checks.uniqueEmail("events-email");
        browser.signInByEmail(email);
        String id = userId("EMAIL", email);
        new Browser(ItServers.DB).signInByEmail(email);
        browser.session();
        browser.post("/api/auth/signout", Map.of("csrfToken", browser.csrf()));

        assertThat(events(browser, id))
                .containsExactly(
                        "createUser:" + id,
                        "signIn:" + id + ":email:new",
                        "signIn:" + id + ":email:known",
                        "session:" + id,
                        "signOut:" + id);
    }

    @Test
    void a_listener_that_throws_quoting_the_address_is_logged_without_it_and_the_sign_up_goes_on() {
        Browser browser = new Browser(ItServers.DB);
        String email = Checks.uniqueEmail("listener-fails");
        ServerLog log = ItServers.serverLog();

        browser.signInByEmail(email);

        assertThat(browser.sessionEmail()).contains(email);
        String id = userId("EMAIL", email);
        assertThat(events(browser, id)).startsWith("createUser:" + id, "signIn:" + id + ":email:new");
        assertThat(log.awaitLines("[auth] createUser event listener failed", 1)).hasSize(1);
        String entry = log.since()
                .substring(log.since().indexOf("[auth] createUser event listener failed"))
                .split("\\R\\[")[0];
        assertThat(entry).contains("java.lang.IllegalStateException: no CRM contact for <redacted>");
        assertThat(log.since()).as("the address in the log").doesNotContainIgnoringCase(email);
    }

    @Test
    void an_oidc_sign_up_fires_create_user_link_account_and_sign_in() {
        Browser browser = new Browser(ItServers.JWT);
        String email = Checks.uniqueEmail("events-oidc");
        String subject = "sub-" + UUID.randomUUID();
        String callback = browser.authorizeAt("oidc");
        ItServers.oidc().nextSignIn(ItServers.ENGINE_ISSUER, subject, email);
        assertThat(browser.get(callback).location()).isEqualTo(browser.base());
        String id = Database.rowsWhere(Database.dump(), "ACCOUNTS", "PROVIDER_ACCOUNT_ID", subject)
                .get(0)
                .getString("USER_ID");

        assertThat(events(browser, id))
                .containsExactly("createUser:" + id, "linkAccount:" + id + ":oidc", "signIn:" + id + ":oidc:new");
        assertThat(browser.session().getString("signedInAs")).isEqualTo("SIGN_UP");
    }

    @Test
    void a_sign_in_callback_redirect_goes_to_the_apps_page_and_sends_no_mail() {
        Browser browser = new Browser(ItServers.DB);
        String email = "someone-" + UUID.randomUUID().toString().substring(0, 8) + "@waitlist.test";
        JsonObject rows = Database.dump();

        Browser.Response response = browser.requestLink(email, null);

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.location()).isEqualTo(browser.base() + "/waitlist");
        assertThat(ItServers.mailbox().count(email)).isZero();
        assertThat(Database.dump()).isEqualTo(rows);
    }

    @Test
    void a_sign_in_callback_redirect_to_another_site_is_replaced_by_the_base_url() {
        Browser browser = new Browser(ItServers.DB);
        String email = "someone-" + UUID.randomUUID().toString().substring(0, 8) + "@offsite.test";
        JsonObject rows = Database.dump();

        Browser.Response response = browser.requestLink(email, null);

        assertThat(response.location()).isEqualTo(browser.base());
        assertThat(ItServers.mailbox().count(email)).isZero();
        assertThat(Database.dump()).isEqualTo(rows);
    }
}
