package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code POST /api/auth/session} (Auth.js's {@code update()}) on both strategies, with the app's callbacks
 * ({@code ItCallbacks}: a checked {@code nickname} of the data goes into the JWT; the JSON shows the trigger), and
 * every way to abuse it refused with the database and the session cookie unchanged.
 */
@ExtendWith(ItServers.class)
class SessionUpdateIT {

    private static Browser.Response update(Browser browser, String data) {
        return browser.post("/api/auth/session", Map.of("csrfToken", browser.csrf(), "data", data));
    }

    @Test
    void a_jwt_session_update_reaches_both_callbacks_with_update_and_the_new_cookie_keeps_the_claim() {
        Browser browser = new Browser(ItServers.JWT);
        browser.signInByEmail(Checks.uniqueEmail("update-jwt"));
        JsonObject signedIn = browser.session();
        assertThat(signedIn.getString("trigger")).isEqualTo("none");
        assertThat(signedIn.getString("signedInAs"))
                .as("the JWT callback saw SIGN_UP")
                .isEqualTo("SIGN_UP");
        String before = browser.cookie(Browser.SESSION_COOKIE).orElseThrow();
        JsonObject rows = Database.dump();

        Browser.Response updated = update(browser, "{\"nickname\":\"annie\"}");

        assertThat(updated.status()).as("%s", updated).isEqualTo(200);
        assertThat(updated.json().getString("trigger")).isEqualTo("UPDATE");
        assertThat(updated.json().getString("asked")).isEqualTo("annie");
        assertThat(updated.json().getString("nickname")).isEqualTo("annie");
        assertThat(browser.cookie(Browser.SESSION_COOKIE)).get().isNotEqualTo(before);
        JsonObject next = browser.session();
        assertThat(next.getString("nickname")).isEqualTo("annie");
        assertThat(next.getString("trigger")).isEqualTo("none");
        assertThat(next.getString("signedInAs")).isEqualTo("SIGN_UP");
        assertThat(Database.dump()).as("a JWT update touches no table").isEqualTo(rows);
    }

    @Test
    void a_database_session_update_reaches_the_session_callback_and_writes_no_row() {
        Browser browser = new Browser(ItServers.DB);
        browser.signInByEmail(Checks.uniqueEmail("update-db"));
        String cookie = browser.cookie(Browser.SESSION_COOKIE).orElseThrow();
        browser.csrf();
        JsonObject rows = Database.dump();

        Browser.Response updated = update(browser, "{\"nickname\":\"annie\"}");

        assertThat(updated.status()).as("%s", updated).isEqualTo(200);
        assertThat(updated.json().getString("trigger")).isEqualTo("UPDATE");
        assertThat(updated.json().getString("asked")).isEqualTo("annie");
        assertThat(browser.cookie(Browser.SESSION_COOKIE)).contains(cookie);
        assertThat(Database.dump()).isEqualTo(rows);
    }

    @Test
    void a_second_sign_in_is_sign_in_for_the_jwt_callback() {
        String email = Checks.uniqueEmail("update-again");
        new Browser(ItServers.JWT).signInByEmail(email);
        Browser again = new Browser(ItServers.JWT);
        again.signInByEmail(email);

        assertThat(again.session().getString("signedInAs")).isEqualTo("SIGN_IN");
    }

    /** What each refused request must have left alone. */
    private record Untouched(Browser browser, String cookie, JsonObject rows, JsonObject session) {

        static Untouched of(Browser browser) {
            browser.csrf();
            return new Untouched(
                    browser, browser.cookie(Browser.SESSION_COOKIE).orElseThrow(), Database.dump(), browser.session());
        }

        void check(Browser.Response refused, int status) {
            assertThat(refused.status()).as("%s", refused).isEqualTo(status);
            assertThat(refused.setCookies())
                    .as("no cookie set")
                    .noneMatch(c -> c.startsWith(Browser.SESSION_COOKIE + "="));
            assertThat(browser.cookie(Browser.SESSION_COOKIE)).contains(cookie);
            assertThat(Database.dump()).isEqualTo(rows);
            assertThat(browser.session()).isEqualTo(session);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ItServers.JWT, ItServers.DB})
    void an_update_without_the_csrf_token_or_with_a_wrong_one_is_403(String context) {
        Browser browser = new Browser(context);
        browser.signInByEmail(Checks.uniqueEmail("update-csrf"));
        Untouched untouched = Untouched.of(browser);

        Browser.Response missing = browser.post("/api/auth/session", Map.of("data", "{\"nickname\":\"evil\"}"));
        untouched.check(missing, 403);
        assertThat(missing.json().getString("error")).isEqualTo("MissingCSRF");
        untouched.check(
                browser.post(
                        "/api/auth/session",
                        Map.of("csrfToken", new Browser(context).csrf(), "data", "{\"nickname\":\"evil\"}")),
                403);
    }

    @ParameterizedTest
    @ValueSource(strings = {ItServers.JWT, ItServers.DB})
    void a_cross_site_post_with_the_victims_session_cookie_but_not_its_csrf_cookie_is_403(String context) {
        Browser victim = new Browser(context);
        victim.signInByEmail(Checks.uniqueEmail("update-cross"));
        Untouched untouched = Untouched.of(victim);
        Browser attacker = new Browser(context);
        attacker.setCookie(
                Browser.SESSION_COOKIE, victim.cookie(Browser.SESSION_COOKIE).orElseThrow());
        String attackersOwnToken = new Browser(context).csrf();

        Browser.Response refused = attacker.post(
                "/api/auth/session",
                Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"),
                Map.of("csrfToken", attackersOwnToken, "data", "{\"nickname\":\"evil\"}"));

        untouched.check(refused, 403);
    }

    @ParameterizedTest
    @ValueSource(strings = {ItServers.JWT, ItServers.DB})
    void an_oversized_body_and_oversized_data_are_refused_before_any_callback(String context) {
        Browser browser = new Browser(context);
        browser.signInByEmail(Checks.uniqueEmail("update-big"));
        Untouched untouched = Untouched.of(browser);
        String csrf = browser.csrf();

        untouched.check(
                browser.postRaw(
                        "/api/auth/session",
                        "application/x-www-form-urlencoded",
                        "csrfToken=" + csrf + "&data=" + "x".repeat(17 * 1024)),
                413);
        untouched.check(
                browser.post(
                        "/api/auth/session",
                        Map.of("csrfToken", csrf, "data", "{\"nickname\":\"" + "n".repeat(5000) + "\"}")),
                400);
        untouched.check(browser.post("/api/auth/session", Map.of("csrfToken", csrf, "data", "[not json")), 400);
    }

    @Test
    void data_that_a_careless_jwt_callback_makes_outgrow_a_cookie_is_a_400_and_the_old_cookie_stays() {
        Browser browser = new Browser(ItServers.JWT);
        browser.signInByEmail(Checks.uniqueEmail("update-huge"));
        Untouched untouched = Untouched.of(browser);

        Browser.Response refused = browser.post(
                "/api/auth/session",
                Map.of("csrfToken", browser.csrf(), "data", "{\"bio\":\"" + "b".repeat(4000) + "\"}"));

        untouched.check(refused, 400);
        assertThat(refused.body()).contains("more than the 4096 a browser keeps");
    }

    @ParameterizedTest
    @ValueSource(strings = {ItServers.JWT, ItServers.DB})
    void other_methods_do_not_update(String context) {
        Browser browser = new Browser(context);
        browser.signInByEmail(Checks.uniqueEmail("update-method"));
        Untouched untouched = Untouched.of(browser);

        untouched.check(browser.method("PUT", "/api/auth/session"), 405);
        untouched.check(browser.method("DELETE", "/api/auth/session"), 405);
        Browser.Response get = browser.get(
                "/api/auth/session?csrfToken=" + browser.csrf() + "&data=%7B%22nickname%22%3A%22evil%22%7D");
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.json().getString("trigger")).as("a GET only reads").isEqualTo("none");
        assertThat(get.json().containsKey("nickname")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {ItServers.JWT, ItServers.DB})
    void data_naming_another_user_changes_neither_session(String context) {
        Browser ann = new Browser(context);
        String annEmail = Checks.uniqueEmail("update-ann");
        ann.signInByEmail(annEmail);
        Browser bob = new Browser(context);
        String bobEmail = Checks.uniqueEmail("update-bob");
        bob.signInByEmail(bobEmail);
        String annId = Database.rowsWhere(Database.dump(), "USERS", "EMAIL", annEmail)
                .get(0)
                .getString("ID");
        JsonObject annSession = ann.session();
        JsonObject rows = Database.dump();

        Browser.Response updated = update(
                bob,
                "{\"sub\":\"" + annId + "\",\"email\":\"" + annEmail
                        + "\",\"id\":\"" + annId + "\",\"sessionToken\":\""
                        + ann.cookie(Browser.SESSION_COOKIE).orElseThrow() + "\"}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().getJsonObject("user").getString("email")).isEqualTo(bobEmail);
        assertThat(bob.sessionEmail()).contains(bobEmail);
        assertThat(ann.session()).isEqualTo(annSession);
        assertThat(Database.dump()).isEqualTo(rows);
    }

    // ---- a JSON body, as Auth.js's client sends update() ---------------------------------------------------

    private static Browser.Response updateJson(Browser browser, String contentType, String body) {
        return browser.postRaw("/api/auth/session", contentType, body);
    }

    @ParameterizedTest
    @ValueSource(strings = {ItServers.JWT, ItServers.DB})
    void a_json_update_with_the_csrf_token_in_the_body_works_like_the_form(String context) {
        Browser browser = new Browser(context);
        browser.signInByEmail(Checks.uniqueEmail("update-json"));
        String csrf = browser.csrf();

        Browser.Response updated = updateJson(
                browser,
                "application/json; charset=UTF-8",
                "{\"csrfToken\":\"" + csrf + "\",\"data\":{\"nickname\":\"jason\"}}");

        assertThat(updated.status()).as("%s", updated).isEqualTo(200);
        assertThat(updated.json().getString("trigger")).isEqualTo("UPDATE");
        assertThat(updated.json().getString("asked")).isEqualTo("jason");
    }

    @ParameterizedTest
    @ValueSource(strings = {ItServers.JWT, ItServers.DB})
    void a_json_update_without_the_token_or_sent_as_text_plain_by_another_site_is_403(String context) {
        Browser browser = new Browser(context);
        browser.signInByEmail(Checks.uniqueEmail("update-json-csrf"));
        Untouched untouched = Untouched.of(browser);
        String csrf = browser.csrf();
        String withToken = "{\"csrfToken\":\"" + csrf + "\",\"data\":{\"nickname\":\"evil\"}}";

        untouched.check(updateJson(browser, "application/json", "{\"data\":{\"nickname\":\"evil\"}}"), 403);
        // A cross-site form or fetch without a preflight can only send text/plain: it is not read as JSON.
        untouched.check(updateJson(browser, "text/plain", withToken), 403);
        untouched.check(
                updateJson(
                        browser,
                        "application/json",
                        "{\"csrfToken\":\"" + new Browser(context).csrf() + "\",\"data\":{\"nickname\":\"evil\"}}"),
                403);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "[1, 2]",
                "{\"csrfToken\": \"TOKEN\", \"data\": [1]}",
                "{\"csrfToken\": \"TOKEN\", \"csrfToken\": \"TOKEN\", \"data\": {}}",
                "{\"csrfToken\": \"TOKEN\", \"data\": {\"nickname\": \"x\"}",
            })
    void a_json_body_that_is_not_one_object_with_each_member_once_is_400(String body) {
        Browser browser = new Browser(ItServers.DB);
        browser.signInByEmail(Checks.uniqueEmail("update-json-bad"));
        Untouched untouched = Untouched.of(browser);

        untouched.check(updateJson(browser, "application/json", body.replace("TOKEN", browser.csrf())), 400);
    }

    @Test
    void a_json_body_in_another_charset_twice_named_or_too_large_is_refused() {
        Browser browser = new Browser(ItServers.DB);
        browser.signInByEmail(Checks.uniqueEmail("update-json-limits"));
        Untouched untouched = Untouched.of(browser);
        String csrf = browser.csrf();
        String body = "{\"csrfToken\":\"" + csrf + "\",\"data\":{\"nickname\":\"x\"}}";

        untouched.check(updateJson(browser, "application/json; charset=ISO-8859-1", body), 400);
        untouched.check(browser.postRaw("/api/auth/session?csrfToken=" + csrf, "application/json", body), 400);
        untouched.check(
                updateJson(
                        browser,
                        "application/json",
                        "{\"csrfToken\":\"" + csrf + "\",\"data\":{\"nickname\":\"" + "x".repeat(17_000) + "\"}}"),
                413);
    }
}
