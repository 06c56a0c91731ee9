package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sessions API over HTTP in a real server: {@code GET /api/auth/sessions} lists the caller's own live database
 * sessions by handle (never by token), {@code POST /api/auth/sessions/end} ends one of them. Every way to abuse it is
 * refused, or ends nothing, with the database unchanged.
 */
@ExtendWith(ItServers.class)
class SessionsApiIT {

    private static final String LIST = "/api/auth/sessions";
    private static final String END = "/api/auth/sessions/end";

    private static List<JsonObject> sessions(Browser browser) {
        Browser.Response response = browser.get(LIST);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json().getJsonArray("sessions").stream()
                .map(JsonValue::asJsonObject)
                .toList();
    }

    private static String otherHandle(Browser browser) {
        return sessions(browser).stream()
                .filter(s -> !s.getBoolean("current"))
                .findFirst()
                .orElseThrow()
                .getString("handle");
    }

    private static Browser.Response end(Browser browser, String handle) {
        return browser.post(END, Map.of("csrfToken", browser.csrf(), "handle", handle));
    }

    private static String userId(String email) {
        return Database.rowsWhere(Database.dump(), "USERS", "EMAIL", email)
                .get(0)
                .getString("ID");
    }

    /** Ann on two devices and Bob on one, each with a CSRF cookie. */
    private record People(String annEmail, Browser laptop, Browser phone, Browser bob) {

        static People signIn(String who) {
            String annEmail = Checks.uniqueEmail(who + "-ann");
            Browser laptop = new Browser(ItServers.DB);
            Browser phone = new Browser(ItServers.DB);
            Browser bob = new Browser(ItServers.DB);
            laptop.signInByEmail(annEmail);
            phone.signInByEmail(annEmail);
            bob.signInByEmail(Checks.uniqueEmail(who + "-bob"));
            laptop.csrf();
            phone.csrf();
            bob.csrf();
            return new People(annEmail, laptop, phone, bob);
        }

        /** Nothing changed: the same rows, and every device still signed in. */
        void untouchedSince(JsonObject rows) {
            assertThat(Database.dump()).isEqualTo(rows);
            assertThat(laptop.session()).containsKey("user");
            assertThat(phone.session()).containsKey("user");
            assertThat(bob.session()).containsKey("user");
        }
    }

    @Test
    void lists_the_two_sessions_of_a_user_signed_in_twice_by_handle_and_not_another_users() {
        People people = People.signIn("sessions-list");
        JsonObject rows = Database.dump();

        Browser.Response response = people.laptop().get(LIST);

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.headers().getOrDefault("content-type", List.of()).toString())
                .contains("application/json");
        List<JsonObject> listed = sessions(people.laptop());
        assertThat(listed).hasSize(2);
        assertThat(listed).filteredOn(s -> s.getBoolean("current")).hasSize(1);
        assertThat(listed).allSatisfy(s -> assertThat(s.keySet()).contains("handle", "expires", "current"));
        for (Browser device : List.of(people.laptop(), people.phone(), people.bob())) {
            assertThat(response.body())
                    .as("no session token leaves the server")
                    .doesNotContain(device.cookie(Browser.SESSION_COOKIE).orElseThrow());
        }
        List<String> handles = listed.stream().map(s -> s.getString("handle")).toList();
        assertThat(sessions(people.phone()).stream().map(s -> s.getString("handle")))
                .containsExactlyInAnyOrderElementsOf(handles);
        List<JsonObject> bobs = sessions(people.bob());
        assertThat(bobs).hasSize(1);
        assertThat(bobs.get(0).getString("handle")).isNotIn(handles);
        assertThat(Database.dump()).as("listing writes nothing").isEqualTo(rows);
    }

    @Test
    void the_list_is_not_cached_and_not_readable_by_another_site() {
        People people = People.signIn("sessions-cors");

        Browser.Response response = people.laptop()
                .send("GET", LIST, Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"));

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.headers().getOrDefault("cache-control", List.of())).contains("no-store");
        assertThat(response.headers().keySet())
                .as("no CORS header lets another site's script read the list")
                .noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"));
    }

    @Test
    void ending_the_other_device_by_its_handle_signs_it_out_and_only_it() {
        People people = People.signIn("sessions-end");
        String phoneHandle = otherHandle(people.laptop());

        Browser.Response ended = end(people.laptop(), phoneHandle);

        assertThat(ended.status()).as("%s", ended).isEqualTo(200);
        assertThat(ended.json().getBoolean("ended")).isTrue();
        assertThat(people.phone().session()).isEmpty();
        assertThat(people.laptop().sessionEmail()).contains(people.annEmail());
        assertThat(people.bob().session()).containsKey("user");
        List<JsonObject> left = Database.rowsWhere(Database.dump(), "SESSIONS", "USER_ID", userId(people.annEmail()));
        assertThat(left)
                .singleElement()
                .satisfies(row -> assertThat(row.getString("SESSION_TOKEN"))
                        .isEqualTo(
                                people.laptop().cookie(Browser.SESSION_COOKIE).orElseThrow()));

        JsonObject rows = Database.dump();
        Browser.Response replayed = end(people.laptop(), phoneHandle);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().getBoolean("ended")).as("a handle ends once").isFalse();
        assertThat(Database.dump()).isEqualTo(rows);
    }

    @Test
    void another_users_handle_ends_nothing() {
        People people = People.signIn("sessions-foreign");
        String bobsHandle = sessions(people.bob()).get(0).getString("handle");
        JsonObject rows = Database.dump();

        Browser.Response refused = end(people.laptop(), bobsHandle);

        assertThat(refused.status()).as("%s", refused).isEqualTo(200);
        assertThat(refused.json().getBoolean("ended")).isFalse();
        people.untouchedSince(rows);
    }

    @Test
    void a_forged_or_garbage_handle_or_a_session_token_ends_nothing() {
        People people = People.signIn("sessions-forged");
        String phoneHandle = otherHandle(people.laptop());
        JsonObject rows = Database.dump();
        String flipped = (phoneHandle.charAt(0) == 'A' ? "B" : "A") + phoneHandle.substring(1);

        for (String forged : List.of(
                flipped,
                "A".repeat(43),
                "",
                "not a handle at all",
                phoneHandle + " ",
                people.phone().cookie(Browser.SESSION_COOKIE).orElseThrow(),
                people.bob().cookie(Browser.SESSION_COOKIE).orElseThrow())) {
            Browser.Response refused = end(people.laptop(), forged);
            Checks.clean(refused);
            assertThat(refused.status()).as("%s for %s", refused, forged).isEqualTo(200);
            assertThat(refused.json().getBoolean("ended")).as(forged).isFalse();
        }
        Browser.Response noHandle =
                people.laptop().post(END, Map.of("csrfToken", people.laptop().csrf()));
        assertThat(noHandle.json().getBoolean("ended")).isFalse();
        people.untouchedSince(rows);
    }

    @Test
    void without_the_csrf_token_or_with_another_browsers_it_is_403() {
        People people = People.signIn("sessions-csrf");
        String phoneHandle = otherHandle(people.laptop());
        JsonObject rows = Database.dump();

        Browser.Response missing = people.laptop().post(END, Map.of("handle", phoneHandle));
        assertThat(missing.status()).as("%s", missing).isEqualTo(403);
        assertThat(missing.json().getString("error")).isEqualTo("MissingCSRF");
        Browser.Response others =
                people.laptop().post(END, Map.of("csrfToken", new Browser(ItServers.DB).csrf(), "handle", phoneHandle));
        assertThat(others.status()).as("%s", others).isEqualTo(403);
        people.untouchedSince(rows);
    }

    @Test
    void a_cross_site_post_with_the_victims_session_cookie_from_a_foreign_origin_is_403() {
        People people = People.signIn("sessions-cross");
        String phoneHandle = otherHandle(people.laptop());
        JsonObject rows = Database.dump();
        Browser attacker = new Browser(ItServers.DB);
        attacker.setCookie(
                Browser.SESSION_COOKIE,
                people.laptop().cookie(Browser.SESSION_COOKIE).orElseThrow());
        String attackersOwnToken = new Browser(ItServers.DB).csrf();

        Browser.Response refused = attacker.post(
                END,
                Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"),
                Map.of("csrfToken", attackersOwnToken, "handle", phoneHandle));

        assertThat(refused.status()).as("%s", refused).isEqualTo(403);
        assertThat(refused.json().getString("error")).isEqualTo("MissingCSRF");
        people.untouchedSince(rows);
    }

    @Test
    void other_methods_end_nothing() {
        People people = People.signIn("sessions-method");
        String phoneHandle = otherHandle(people.laptop());
        String csrf = people.laptop().csrf();
        JsonObject rows = Database.dump();

        Browser.Response get = people.laptop().get(END + "?handle=" + phoneHandle + "&csrfToken=" + csrf);
        assertThat(get.status()).as("%s", get).isEqualTo(404);
        Browser.Response listWithHandle = people.laptop().get(LIST + "?handle=" + phoneHandle + "&csrfToken=" + csrf);
        assertThat(listWithHandle.status()).as("a GET only lists").isEqualTo(200);
        assertThat(people.laptop().method("PUT", END).status()).isEqualTo(405);
        assertThat(people.laptop().method("DELETE", END).status()).isEqualTo(405);
        Browser.Response postToList = people.laptop().post(LIST, Map.of("csrfToken", csrf, "handle", phoneHandle));
        assertThat(postToList.status()).as("%s", postToList).isEqualTo(404);
        people.untouchedSince(rows);
    }

    @Test
    void an_anonymous_caller_lists_nothing_and_ends_nothing() {
        People people = People.signIn("sessions-anonymous");
        String phoneHandle = otherHandle(people.laptop());
        JsonObject rows = Database.dump();
        Browser anonymous = new Browser(ItServers.DB);

        assertThat(sessions(anonymous)).isEmpty();
        Browser.Response refused = end(anonymous, phoneHandle);

        assertThat(refused.status()).as("%s", refused).isEqualTo(200);
        assertThat(refused.json().getBoolean("ended")).isFalse();
        Browser unknownCookie = new Browser(ItServers.DB);
        unknownCookie.setCookie(Browser.SESSION_COOKIE, "made-up-session-token");
        assertThat(sessions(unknownCookie)).isEmpty();
        assertThat(end(unknownCookie, phoneHandle).json().getBoolean("ended")).isFalse();
        people.untouchedSince(rows);
    }

    @Test
    void the_jwt_deployment_has_no_sessions_endpoints() {
        Browser browser = new Browser(ItServers.JWT);
        browser.signInByEmail(Checks.uniqueEmail("sessions-jwt"));
        String csrf = browser.csrf();
        JsonObject rows = Database.dump();

        Browser.Response list = browser.get(LIST);
        Browser.Response end = browser.post(END, Map.of("csrfToken", csrf, "handle", "A".repeat(43)));

        assertThat(list.status()).as("%s", list).isEqualTo(404);
        assertThat(end.status()).as("%s", end).isEqualTo(404);
        assertThat(browser.session()).containsKey("user");
        assertThat(Database.dump()).isEqualTo(rows);
    }
}
