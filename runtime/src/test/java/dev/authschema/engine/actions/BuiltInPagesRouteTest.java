package dev.authschema.engine.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.engine.AuthEngine;
import dev.authschema.engine.actions.AuthRouter.Method;
import dev.authschema.engine.config.AuthConfig;
import dev.authschema.engine.config.Pages;
import dev.authschema.engine.config.Providers;
import dev.authschema.engine.config.Theme;
import dev.authschema.engine.http.CsrfTokens;
import dev.authschema.engine.testing.FakeExchange;
import dev.authschema.engine.testing.InMemoryAdapter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The built-in sign-in and sign-out pages, the stylesheet, and the redirects to an application's own pages. */
class BuiltInPagesRouteTest {

    private static final String SECRET = "pages-test-secret-Hq8vT2mXc5LpR9wZb3NdK7sJxy";
    private static final String BASE = "http://localhost:8080/app";

    private static AuthConfig.Builder config() {
        return AuthConfig.builder()
                .environment(name -> null)
                .url(BASE)
                .secret(SECRET)
                .adapter(new InMemoryAdapter())
                .provider(Providers.gitHub().withClient("id", "secret"))
                .provider(Providers.email("noreply@example.com").withSender(email -> {}));
    }

    private static AuthRouter router(AuthConfig.Builder config) {
        return new AuthEngine(config.build()).router();
    }

    private static String html(Reply reply) {
        assertThat(reply).isInstanceOf(Reply.Html.class);
        return ((Reply.Html) reply).page();
    }

    private static List<String> hiddenValues(String page, String name) {
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"" + name + "\" value=\"([^\"]*)\">")
                .matcher(page);
        return m.results().map(r -> r.group(1)).toList();
    }

    @Test
    void the_sign_in_page_has_a_form_per_provider_with_the_csrf_token_of_its_cookie_and_the_callback_url() {
        FakeExchange get = FakeExchange.get(Map.of()).param("callbackUrl", "/app/account?tab=1");

        String page = html(router(config()).endpoint(get, Method.GET, "/signin"));

        assertThat(page)
                .contains(
                        "action=\"" + BASE + "/api/auth/signin/github\"",
                        "Sign in with GitHub",
                        "action=\"" + BASE + "/api/auth/signin/email\"",
                        "type=\"email\" name=\"email\"",
                        "Sign in with Email",
                        "<link rel=\"stylesheet\" href=\"" + BASE + "/api/auth/theme.css\">");
        String cookie = get.setCookie("authjs.csrf-token").orElseThrow().value();
        assertThat(hiddenValues(page, "csrfToken"))
                .hasSize(2)
                .allSatisfy(token ->
                        assertThat(new CsrfTokens(SECRET).verify(cookie, token)).isTrue());
        assertThat(hiddenValues(page, "callbackUrl")).containsExactly(BASE + "/account?tab=1", BASE + "/account?tab=1");
    }

    @Test
    void a_callback_url_to_another_site_or_over_the_limit_becomes_the_base_url_on_the_page() {
        AuthRouter router = router(config());
        for (String hostile : List.of(
                "https://evil.example/x",
                "//evil.example/x",
                "javascript:alert(1)",
                "/\\evil.example",
                "https:evil.example",
                "/app/" + "a".repeat(2100))) {
            String page = html(
                    router.endpoint(FakeExchange.get(Map.of()).param("callbackUrl", hostile), Method.GET, "/signin"));
            assertThat(hiddenValues(page, "callbackUrl")).as(hostile).containsOnly(BASE);
            assertThat(page).as(hostile).doesNotContain("evil.example", "javascript:", "aaaaaaaaaa");
        }
    }

    @Test
    void no_page_has_inline_script_or_style_and_a_known_error_is_shown_but_never_the_raw_parameter() {
        AuthRouter router = router(config().theme(Theme.defaults().withLogo("/img/logo.svg")));
        String signIn =
                html(router.endpoint(FakeExchange.get(Map.of()).param("error", "OAuthSignin"), Method.GET, "/signin"));
        String unknown =
                html(router.endpoint(FakeExchange.get(Map.of()).param("error", "<b>x</b>"), Method.GET, "/signin"));
        String signOut = html(router.endpoint(FakeExchange.get(Map.of()), Method.GET, "/signout"));
        String error =
                html(router.endpoint(FakeExchange.get(Map.of()).param("error", "Verification"), Method.GET, "/error"));
        String verify = html(router.endpoint(FakeExchange.get(Map.of()), Method.GET, "/verify-request"));

        assertThat(signIn)
                .contains(
                        "role=\"alert\">Could not start the sign-in with this provider.",
                        "<img class=\"logo\" src=\"" + BASE + "/img/logo.svg\" alt=\"\">");
        assertThat(unknown).contains("Unable to sign in.").doesNotContain("<b>x", "&lt;b&gt;");
        assertThat(signOut).contains("action=\"" + BASE + "/api/auth/signout\"", "Are you sure");
        assertThat(error).contains("The sign-in link is no longer valid", "href=\"" + BASE + "/api/auth/signin\"");
        assertThat(verify).contains("Check your e-mail");
        for (String page : List.of(signIn, unknown, signOut, error, verify)) {
            assertThat(page).startsWith("<!DOCTYPE html>").doesNotContain("<script", "<style", "style=", " on");
        }
    }

    @Test
    void the_stylesheet_holds_the_theme_colours_and_only_the_sign_in_page_itself_is_served() {
        AuthRouter router =
                router(config().theme(Theme.defaults().withBrandColor("#0b5fff").withButtonText("rgb(1, 2, 3)")));

        Reply css = router.endpoint(FakeExchange.get(Map.of()), Method.GET, "/theme.css");

        assertThat(css)
                .isInstanceOfSatisfying(
                        Reply.Stylesheet.class,
                        sheet -> assertThat(sheet.css()).contains("--brand: #0b5fff;", "--button-text: rgb(1, 2, 3);"));
        assertThat(router.endpoint(FakeExchange.get(Map.of()), Method.GET, "/signin/github"))
                .isEqualTo(new Reply.NotFound());
    }

    @Test
    void with_pages_of_its_own_the_built_in_urls_redirect_there_keeping_the_checked_callback_url() {
        AuthRouter router = router(
                config().pages(Pages.defaults().withSignIn("/login.xhtml").withSignOut("/bye.xhtml")));

        Reply signIn = router.endpoint(
                FakeExchange.get(Map.of()).param("callbackUrl", "/app/a").param("error", "nonsense"),
                Method.GET,
                "/signin");
        Reply evil = router.endpoint(
                FakeExchange.get(Map.of()).param("callbackUrl", "https://evil.example"), Method.GET, "/signout");

        assertThat(signIn)
                .isEqualTo(new Reply.Redirect(
                        BASE + "/login.xhtml?callbackUrl=" + "http%3A%2F%2Flocalhost%3A8080%2Fapp%2Fa&error=Default"));
        assertThat(evil)
                .isEqualTo(
                        new Reply.Redirect(BASE + "/bye.xhtml?callbackUrl=" + "http%3A%2F%2Flocalhost%3A8080%2Fapp"));
    }
}
