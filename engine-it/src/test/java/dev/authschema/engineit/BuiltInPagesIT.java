package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.Forms;
import dev.authschema.testsupport.HtmlPage;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built-in pages on a real Liberty: a protected resource sends an anonymous browser to {@code /api/auth/signin}
 * (an API client gets 401), the page's e-mail form signs in and comes back, a hostile {@code callbackUrl} never
 * reaches a form, and the sign-out page only signs out through its POST.
 */
@ExtendWith(ItServers.class)
class BuiltInPagesIT {

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static HtmlPage page(Browser.Response response) {
        return new HtmlPage(response.uri(), response.status(), response.location(), response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void an_anonymous_browser_goes_from_a_protected_page_to_the_sign_in_page_signs_in_by_e_mail_and_comes_back() {
        Browser browser = new Browser(ItServers.DB);
        Browser.Response protectedPage = browser.send("GET", "/test/protected?tab=1", Map.of("Accept", HTML));
        Checks.clean(protectedPage);
        assertThat(protectedPage.status()).isEqualTo(302);
        assertThat(protectedPage.location())
                .isEqualTo(browser.base() + "/api/auth/signin?callbackUrl=" + encode("/db/test/protected?tab=1"));

        Browser.Response signInPage = browser.get(protectedPage.location());
        Checks.clean(signInPage);
        assertThat(signInPage.status()).isEqualTo(200);
        assertThat(signInPage.headers().get("content-type"))
                .singleElement()
                .asString()
                .startsWith("text/html");
        assertThat(signInPage.body())
                .contains("Sign in with Engine OIDC", "Sign in with Trusted OIDC", "Sign in with Mail that is down")
                .doesNotContain("<script", "style=");
        HtmlPage.Form form = page(signInPage).form("signin-email");
        assertThat(form.action()).isEqualTo(browser.base() + "/api/auth/signin/email");
        assertThat(form.fields())
                .containsEntry("callbackUrl", browser.base() + "/test/protected?tab=1")
                .containsEntry(
                        "csrfToken",
                        page(signInPage).form("signin-oidc").fields().get("csrfToken"))
                .containsKey("email");
        SeenSecrets.remember(form.fields().get("csrfToken"));

        String email = Checks.uniqueEmail("pages");
        Map<String, String> fields = new LinkedHashMap<>(form.fields());
        fields.put("email", email);
        Browser.Response sent = browser.post("/api/auth/signin/email", fields);
        assertThat(sent.location()).isEqualTo(browser.base() + "/api/auth/verify-request?provider=email&type=email");
        Browser.Response verify = browser.get(sent.location());
        assertThat(verify.body()).contains("Check your e-mail", "/api/auth/theme.css");

        String link = ItServers.mailbox().awaitSignInLink(email);
        Browser.Response confirmPage = browser.get(link);
        HtmlPage.Form confirm = page(confirmPage).form("confirm");
        Browser.Response confirmed = browser.post("/api/auth/callback/email", confirm.fields());
        assertThat(confirmed.location()).isEqualTo(browser.base() + "/test/protected?tab=1");
        Browser.Response back = browser.send("GET", "/test/protected?tab=1", Map.of("Accept", HTML));
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.body()).startsWith("signed in as ");
        assertThat(browser.sessionEmail()).contains(email);
    }

    @Test
    void an_api_client_gets_401_from_a_protected_resource_and_nothing_is_written() {
        JsonObject before = Database.dump();
        Browser browser = new Browser(ItServers.DB);
        List<Browser.Response> answers = List.of(
                browser.send("GET", "/test/protected", Map.of("Accept", "application/json")),
                browser.send("GET", "/test/protected", Map.of("Accept", HTML, "X-Requested-With", "XMLHttpRequest")),
                browser.send("POST", "/test/protected", Map.of("Accept", HTML)),
                browser.send("DELETE", "/test/protected", Map.of()));
        for (Browser.Response answer : answers) {
            Checks.clean(answer);
            assertThat(answer.status()).as("%s", answer).isEqualTo(401);
            assertThat(answer.location()).as("%s", answer).isEmpty();
            assertThat(answer.headers().get("x-frame-options")).as("%s", answer).containsExactly("DENY");
        }
        assertThat(Database.dump()).isEqualTo(before);
    }

    @Test
    void a_hostile_callback_url_never_reaches_the_sign_in_forms_and_the_sign_in_it_posts_goes_home() {
        Browser browser = new Browser(ItServers.DB);
        List<String> hostile = new ArrayList<>(RedirectIT.FOREIGN);
        hostile.addAll(List.of(
                "JaVaScRiPt:alert(1)",
                " javascript:alert(1)",
                "java\tscript:alert(1)",
                "%2F%2Fevil.example",
                "https:%2F%2Fevil.example",
                "https:evil.example",
                "data:text/html,<script>alert(1)</script>",
                "http://evil.example@127.0.0.1:27080.evil.example/"));
        JsonObject before = Database.dump();
        for (String target : hostile) {
            Browser.Response response = browser.get("/api/auth/signin?callbackUrl=" + encode(target));
            Checks.clean(response);
            assertThat(response.status()).as(target).isEqualTo(200);
            assertThat(response.body()).as(target).doesNotContain("evil.example", "script:", "<script");
            for (String provider : List.of("email", "oidc", "trusted", "broken-mail")) {
                assertThat(page(response).form("signin-" + provider).fields().get("callbackUrl"))
                        .as(target + " on " + provider)
                        .isEqualTo(browser.base());
            }
        }
        // An encoded slash keeps the target a path on this origin (the browser does not decode it into "//host").
        Browser.Response encodedSlash = browser.get("/api/auth/signin?callbackUrl=" + encode("/%2F/evil.example/"));
        assertThat(page(encodedSlash).form("signin-email").fields().get("callbackUrl"))
                .isEqualTo(ItServers.serverUrl() + "/%2F/evil.example/");
        // Over 2,048 characters: refused (400) before the page, as on every endpoint, never shortened.
        for (String page : List.of("/api/auth/signin", "/api/auth/signout")) {
            Browser.Response oversized = browser.get(page + "?callbackUrl=" + encode("/db/" + "a".repeat(2045)));
            Checks.clean(oversized);
            assertThat(oversized.status()).as(page).isEqualTo(400);
            assertThat(oversized.body()).as(page).doesNotContain("aaaaaaaaaaaaaaaaaaaa", "<form");
        }
        Browser.Response signOutPage = browser.get("/api/auth/signout?callbackUrl=" + encode("//evil.example"));
        assertThat(page(signOutPage).form("signout").fields()).containsEntry("callbackUrl", browser.base());
        assertThat(Database.dump()).isEqualTo(before);

        // What the page's form then posts: the e-mail link goes home too.
        String email = Checks.uniqueEmail("pages-hostile");
        Browser.Response sent = browser.post(
                "/api/auth/signin/email",
                Map.of(
                        "csrfToken",
                        browser.csrf(),
                        "email",
                        email,
                        "callbackUrl",
                        page(browser.get("/api/auth/signin?callbackUrl=" + encode("https://evil.example/")))
                                .form("signin-email")
                                .fields()
                                .get("callbackUrl")));
        Checks.clean(sent);
        String link = ItServers.mailbox().awaitSignInLink(email);
        assertThat(Forms.query(URI.create(link)).get("callbackUrl")).isEqualTo(browser.base());
    }

    @Test
    void the_sign_out_page_signs_out_only_through_its_post_with_the_csrf_token() {
        Browser browser = new Browser(ItServers.DB);
        String email = Checks.uniqueEmail("pages-signout");
        browser.signInByEmail(email);

        Browser.Response signOutPage = browser.get("/api/auth/signout");
        Checks.clean(signOutPage);
        assertThat(signOutPage.status()).isEqualTo(200);
        assertThat(browser.sessionEmail()).as("a GET signs nobody out").contains(email);
        HtmlPage.Form form = page(signOutPage).form("signout");
        assertThat(form.action()).isEqualTo(browser.base() + "/api/auth/signout");

        JsonObject before = Database.dump();
        Map<String, String> forged = new LinkedHashMap<>(form.fields());
        forged.put("csrfToken", "forged-" + forged.get("csrfToken"));
        Checks.refusedWith(browser.post("/api/auth/signout", forged), "MissingCSRF");
        Checks.refusedWith(browser.post("/api/auth/signout", Map.of("callbackUrl", browser.base())), "MissingCSRF");
        assertThat(browser.sessionEmail()).contains(email);
        assertThat(Database.dump()).isEqualTo(before);

        Browser.Response out = browser.post("/api/auth/signout", form.fields());
        assertThat(out.location()).isEqualTo(browser.base());
        assertThat(browser.sessionEmail()).isEmpty();
    }

    @Test
    void the_stylesheet_is_css_from_the_engine_and_the_error_page_never_echoes_its_parameter() {
        Browser browser = new Browser(ItServers.DB);
        Browser.Response css = browser.get("/api/auth/theme.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.headers().get("content-type")).singleElement().asString().startsWith("text/css");
        assertThat(css.headers().get("x-content-type-options")).containsExactly("nosniff");
        assertThat(css.body()).contains("--brand: #346df1;");

        Browser.Response error = browser.get("/api/auth/error?error=" + encode("<img src=x onerror=alert(1)>"));
        assertThat(error.status()).isEqualTo(200);
        assertThat(error.body()).contains("Unable to sign in.").doesNotContain("onerror", "&lt;img");
        Browser.Response signInWithError = browser.get("/api/auth/signin?error=Verification");
        assertThat(signInWithError.body()).contains("The sign-in link is no longer valid");
    }
}
