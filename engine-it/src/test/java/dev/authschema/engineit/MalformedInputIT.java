package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Oversized and malformed requests: each gets a 4xx or the engine's error redirect, never a 500 or a stack trace, and
 * writes nothing.
 */
@ExtendWith(ItServers.class)
class MalformedInputIT {

    @Test
    void malformed_and_huge_email_addresses_are_refused_without_mail() {
        Browser browser = new Browser(ItServers.DB);
        JsonObject before = Database.dump();
        String[] addresses = {
            "a".repeat(300) + "@engine-it.test", // a 100 KB body is refused before parsing: InputLimitsIT
            "not-an-address",
            "two@@engine-it.test",
            "victim@engine-it.test\r\nBcc: everyone@engine-it.test",
            "victim@engine-it.test, second@engine-it.test",
            "<script>@engine-it.test",
            ""
        };
        for (String address : addresses) {
            Browser.Response refused =
                    browser.post("/api/auth/signin/email", Map.of("csrfToken", browser.csrf(), "email", address));
            Checks.refusedWith(refused, "EmailSignin");
        }
        Checks.refusedWith(browser.post("/api/auth/signin/email", Map.of("csrfToken", browser.csrf())), "EmailSignin");
        assertThat(Database.dump()).isEqualTo(before);
        assertThat(ItServers.mailbox().count("victim@engine-it.test")).isZero();
        assertThat(ItServers.mailbox().count("everyone@engine-it.test")).isZero();
    }

    @Test
    void a_sign_in_mail_that_cannot_be_sent_leaves_nothing_behind() {
        Browser browser = new Browser(ItServers.DB);
        String email = Checks.uniqueEmail("smtp-down");
        JsonObject before = Database.dump();
        Checks.refusedWith(
                browser.post("/api/auth/signin/broken-mail", Map.of("csrfToken", browser.csrf(), "email", email)),
                "EmailSignin");
        assertThat(Database.dump()).isEqualTo(before);
        Checks.serverLogged("sending the sign-in e-mail of provider broken-mail failed");
    }

    @Test
    void huge_cookies_and_parameters_are_no_server_error() {
        JsonObject before = Database.dump();
        Browser browser = new Browser(ItServers.DB);
        browser.setCookie(Browser.SESSION_COOKIE, "A".repeat(30_000));
        Checks.clean(browser.get("/api/auth/session"));
        Browser csrf = new Browser(ItServers.DB);
        csrf.setCookie(Browser.CSRF_COOKIE, "A".repeat(20_000) + "|" + "0".repeat(64));
        Browser.Response token = csrf.get("/api/auth/csrf");
        Checks.clean(token);
        Browser huge = new Browser(ItServers.DB);
        Checks.clean(huge.post(
                "/api/auth/signout", Map.of("csrfToken", huge.csrf(), "callbackUrl", "/" + "a".repeat(200_000))));
        Checks.clean(huge.post("/api/auth/signin/email", Map.of("csrfToken", "x".repeat(500_000))));
        Browser jwt = new Browser(ItServers.JWT);
        jwt.setCookie(Browser.SESSION_COOKIE, "e".repeat(30_000));
        Checks.clean(jwt.get("/api/auth/session"));
        assertThat(Database.dump()).isEqualTo(before);
    }

    @Test
    void bad_bodies_are_refused() {
        Browser browser = new Browser(ItServers.DB);
        String token = browser.csrf();
        JsonObject before = Database.dump();
        // JSON is not a form: the token inside it does not count.
        Checks.refusedWith(
                browser.postRaw(
                        "/api/auth/signin/email",
                        "application/json",
                        "{\"csrfToken\":\"" + token + "\",\"email\":\"json@engine-it.test\"}"),
                "MissingCSRF");
        Checks.refusedWith(browser.postRaw("/api/auth/signin/email", "application/json", "{not json"), "MissingCSRF");
        // Broken percent-encoding and invalid UTF-8.
        Checks.clean(browser.postRaw(
                "/api/auth/signin/email",
                "application/x-www-form-urlencoded",
                "csrfToken=" + token + "&email=%E0%A4%A&x=%zz"));
        Checks.clean(browser.postRaw(
                "/api/auth/signin/email",
                "application/x-www-form-urlencoded",
                "csrfToken=" + token + "&email=%C3%28%40engine-it.test"));
        Checks.clean(browser.postRaw(
                "/api/auth/signin/email",
                "application/x-www-form-urlencoded; charset=bogus",
                "csrfToken=" + token + "&email=bogus"));
        Checks.clean(browser.postRaw("/api/auth/signin/email", "multipart/form-data; boundary=x", "--x--"));
        assertThat(Database.dump()).isEqualTo(before);
    }

    @Test
    void unknown_providers_actions_and_methods_are_refused() {
        Browser browser = new Browser(ItServers.DB);
        JsonObject before = Database.dump();
        String token = browser.csrf();
        Browser.Response unknownProvider = browser.post("/api/auth/signin/nope", Map.of("csrfToken", token));
        Checks.clean(unknownProvider);
        assertThat(unknownProvider.status()).isEqualTo(302);
        assertThat(unknownProvider.location()).contains("error=");
        Browser.Response unknownCallback = browser.get("/api/auth/callback/nope?code=x&state=y");
        Checks.clean(unknownCallback);
        assertThat(unknownCallback.location()).contains("error=");
        Checks.clean(browser.post("/api/auth/callback/nope", Map.of("csrfToken", token)));
        assertThat(browser.get("/api/auth/callback").location()).contains("error=");
        Checks.clean(browser.post("/api/auth/signin/", Map.of("csrfToken", token)));
        Checks.clean(browser.post("/api/auth/signin/%0d%0aSet-Cookie:%20x=y", Map.of("csrfToken", token)));

        for (String path : new String[] {"/api/auth/nope", "/api/auth/", "/api/auth", "/api/auth/signin/email"}) {
            Browser.Response response = browser.get(path);
            Checks.clean(response);
            assertThat(response.status()).as(path).isIn(400, 404);
        }
        // A GET of signout is the confirmation page (its form POSTs): it changes nothing, checked below.
        assertThat(browser.get("/api/auth/signout").status()).isEqualTo(200);
        for (String path : new String[] {"/api/auth/nope", "/api/auth/session/x", "/api/auth/csrf"}) {
            Browser.Response response = browser.post(path, Map.of("csrfToken", token));
            Checks.clean(response);
            assertThat(response.status()).as("POST " + path).isEqualTo(404);
        }
        // POST session is the update (SessionUpdateIT); anonymous, it answers {} and writes nothing.
        Browser.Response anonymousUpdate = browser.post("/api/auth/session", Map.of("csrfToken", token));
        Checks.clean(anonymousUpdate);
        assertThat(anonymousUpdate.status()).isEqualTo(200);
        assertThat(anonymousUpdate.json()).isEmpty();
        assertThat(Database.dump()).isEqualTo(before);

        browser.signInByEmail(Checks.uniqueEmail("methods"));
        Browser.Response trace = browser.method("TRACE", "/api/auth/session");
        Checks.clean(trace);
        assertThat(trace.status())
                .as("TRACE (Liberty refuses it before the servlet)")
                .isIn(403, 405);
        assertThat(trace.body())
                .doesNotContain(browser.cookie(Browser.SESSION_COOKIE).orElseThrow());
        JsonObject signedIn = Database.dump();
        for (String method : new String[] {"PUT", "DELETE", "PATCH", "PROPFIND"}) {
            Browser.Response response = browser.method(method, "/api/auth/session");
            Checks.clean(response);
            assertThat(response.status()).as(method).isEqualTo(405);
            assertThat(response.headers().get("allow")).as(method).containsExactly("GET, HEAD, POST, OPTIONS");
        }
        assertThat(Database.dump()).isEqualTo(signedIn);
    }
}
