package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12, findings 5 and 9: the runtime's web fragment refuses TRACE for the whole application (so no response
 * echoes the HttpOnly session cookie), keeps TRACE out of {@code Allow}, and puts the hardening headers on the
 * engine's endpoints and pages and on the application's own servlets, with the extra header the test app configures
 * through {@code AuthConfig.securityHeaders}.
 */
@ExtendWith(ItServers.class)
class WebHardeningIT {

    private static void hardened(Browser.Response response, String referrerPolicy) {
        Map<String, List<String>> headers = response.headers();
        assertThat(headers.get("x-content-type-options"))
                .as("nosniff on %s", response)
                .containsExactly("nosniff");
        assertThat(headers.get("x-frame-options")).as("framing on %s", response).containsExactly("DENY");
        assertThat(headers.get("content-security-policy"))
                .as("CSP on %s", response)
                .containsExactly("frame-ancestors 'none'");
        assertThat(headers.get("referrer-policy"))
                .as("referrer policy on %s", response)
                .containsExactly(referrerPolicy);
        assertThat(headers.get("permissions-policy"))
                .as("the configured extra header on %s", response)
                .containsExactly("camera=(), microphone=()");
    }

    /** Liberty adds {@code no-cache=set-cookie} to the header of a response that sets a cookie. */
    static void noStore(Browser.Response response) {
        assertThat(response.headers().get("cache-control"))
                .as("cache on %s", response)
                .singleElement()
                .asString()
                .satisfies(value -> assertThat(value.split(",\\s*")).contains("no-store"));
    }

    @Test
    void trace_is_refused_everywhere_and_never_echoes_the_session_cookie() {
        Browser browser = new Browser(ItServers.DB);
        browser.signInByEmail(Checks.uniqueEmail("trace"));
        String session = browser.cookie(Browser.SESSION_COOKIE).orElseThrow();
        for (String path : new String[] {
            "/api/auth/session", "/api/auth/signin/email", "/test/clock", "/test/db", "/no-such-page", "/"
        }) {
            Browser.Response trace = browser.method("TRACE", path);
            Checks.clean(trace);
            assertThat(trace.status()).as("TRACE %s", path).isIn(403, 405);
            assertThat(trace.body())
                    .as("TRACE %s", path)
                    .doesNotContain(session)
                    .doesNotContain("Cookie");
            if (trace.status() == 405) {
                assertThat(trace.headers().get("allow")).as("TRACE %s", path).noneMatch(a -> a.contains("TRACE"));
            }
        }
    }

    @Test
    void allow_headers_never_list_trace() {
        Browser browser = new Browser(ItServers.DB);
        for (String path : new String[] {"/api/auth/session", "/api/auth/signin/email", "/api/auth/csrf"}) {
            Browser.Response options = browser.method("OPTIONS", path);
            assertThat(options.status()).as("OPTIONS %s", path).isEqualTo(200);
            assertThat(options.headers().get("allow"))
                    .as("OPTIONS %s", path)
                    .containsExactly("GET, HEAD, POST, OPTIONS");
        }
        // An application servlet (HttpServlet lists TRACE by default): the filter takes it out.
        Browser.Response clock = browser.method("OPTIONS", "/test/clock");
        assertThat(clock.status()).isEqualTo(200);
        assertThat(String.join(",", clock.headers().get("allow")))
                .contains("GET")
                .contains("POST")
                .doesNotContain("TRACE");
    }

    @Test
    void endpoints_pages_and_application_servlets_get_the_hardening_headers() {
        Browser browser = new Browser(ItServers.DB);
        String strict = "strict-origin-when-cross-origin";
        for (String path : new String[] {
            "/api/auth/session",
            "/api/auth/csrf",
            "/api/auth/providers",
            "/api/auth/error?error=Verification",
            "/api/auth/verify-request"
        }) {
            Browser.Response response = browser.get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            hardened(response, strict);
            noStore(response);
        }
        Browser.Response page = browser.get("/api/auth/error?error=Verification");
        assertThat(page.headers().get("content-type"))
                .singleElement()
                .asString()
                .startsWith("text/html");
        // A redirect and a refusal carry them too.
        Browser.Response redirect =
                browser.post("/api/auth/signin/email", Map.of("csrfToken", browser.csrf(), "email", "not-an-address"));
        assertThat(redirect.status()).isEqualTo(302);
        hardened(redirect, strict);
        Browser.Response refusal =
                browser.postRaw("/api/auth/signin/email", "application/x-www-form-urlencoded", "email=%ZZ");
        assertThat(refusal.status()).isEqualTo(400);
        hardened(refusal, strict);
        // The whole application, not only the engine.
        hardened(browser.get("/test/clock"), strict);
    }

    @Test
    void the_confirmation_page_with_the_token_in_its_url_sends_no_referrer_and_is_not_stored() {
        Browser browser = new Browser(ItServers.DB);
        String email = Checks.uniqueEmail("referrer");
        browser.requestLink(email, null);
        String link = ItServers.mailbox().awaitSignInLink(email, 0);
        Browser.Response confirm = browser.get(link);
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("<form");
        hardened(confirm, "no-referrer");
        noStore(confirm);
        // An application page with ?token= in its URL (such as an own confirmation page) gets no-referrer too.
        hardened(browser.get("/test/clock?email=x&token=y"), "no-referrer");
        assertThat(URI.create(link).getQuery()).contains("token=");
    }

    @Test
    void a_signed_in_browser_gets_no_store_on_every_response() {
        Browser browser = new Browser(ItServers.DB);
        Browser.Response anonymous = browser.get("/test/clock");
        assertThat(anonymous.headers().get("cache-control"))
                .as("anonymous: the app decides")
                .isNull();
        browser.signInByEmail(Checks.uniqueEmail("no-store"));
        noStore(browser.get("/test/clock"));
        noStore(browser.get("/api/auth/session"));
    }
}
