package dev.authschema.engine.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.engine.AuthEngine;
import dev.authschema.engine.actions.AuthRouter.Method;
import dev.authschema.engine.config.AuthConfig;
import dev.authschema.engine.config.Callbacks;
import dev.authschema.engine.config.Providers;
import dev.authschema.engine.mail.VerificationEmail;
import dev.authschema.engine.ratelimit.RateLimitRule;
import dev.authschema.engine.ratelimit.RateLimitSettings;
import dev.authschema.engine.testing.FakeExchange;
import dev.authschema.engine.testing.InMemoryAdapter;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The router's two entrances: the same actions, the endpoints' guards, and one error policy for both. */
class AuthRouterTest {

    private static final String SECRET = "router-test-secret-Hq8vT2mXc5LpR9wZb3NdK7sJ";
    private static final String BASE = "http://localhost:8080/app";

    private final InMemoryAdapter adapter = new InMemoryAdapter();
    private final List<VerificationEmail> outbox = new ArrayList<>();

    private AuthConfig.Builder config() {
        return AuthConfig.builder()
                .environment(name -> null)
                .url(BASE)
                .secret(SECRET)
                .adapter(adapter)
                .provider(Providers.email("noreply@example.com").withSender(outbox::add))
                .provider(Providers.gitHub().withClient("id", "secret"));
    }

    private AuthRouter router(AuthConfig.Builder config) {
        return new AuthEngine(config.build()).router();
    }

    @Test
    void the_endpoint_asks_for_the_csrf_token_and_the_service_runs_the_same_sign_in_without_it() {
        AuthRouter router = router(config());

        Reply refused = router.endpoint(
                FakeExchange.post(Map.of()).param("email", "ann@example.com"), Method.POST, "/signin/email");
        assertThat(refused).isEqualTo(new Reply.Redirect(BASE + "/api/auth/error?error=MissingCSRF"));
        assertThat(outbox).isEmpty();

        String target = router.service(
                FakeExchange.post(Map.of()), new SignIn.Request("email", "/app/home", "ann@example.com"));
        assertThat(target).isEqualTo(BASE + "/api/auth/verify-request?provider=email&type=email");
        assertThat(outbox).hasSize(1);
        assertThat(query(outbox.get(0).url())).containsEntry("callbackUrl", BASE + "/home");
    }

    @Test
    void a_token_from_the_csrf_endpoint_lets_the_post_through_and_api_clients_get_the_url_as_json() {
        AuthRouter router = router(config());
        FakeExchange csrf = FakeExchange.get(Map.of());
        Reply.Json token = (Reply.Json) router.endpoint(csrf, Method.GET, "/csrf");

        Reply signIn = router.endpoint(
                FakeExchange.post(csrf.browser())
                        .header("X-Auth-Return-Redirect", "1")
                        .param("csrfToken", (String) token.body().get("csrfToken"))
                        .param("email", "ann@example.com"),
                Method.POST,
                "/signin/email");

        assertThat(signIn)
                .isEqualTo(Reply.Json.ok(Map.of("url", BASE + "/api/auth/verify-request?provider=email&type=email")));
        assertThat(outbox).hasSize(1);
    }

    @Test
    void the_e_mail_link_shows_the_confirmation_page_and_uses_nothing_up() {
        AuthRouter router = router(config());
        router.service(FakeExchange.post(Map.of()), new SignIn.Request("email", null, "ann@example.com"));
        String link = outbox.get(0).url();
        FakeExchange open = FakeExchange.get(Map.of());
        query(link).forEach(open::param);

        Reply page = router.endpoint(open, Method.GET, "/callback/email");

        assertThat(page).isInstanceOfSatisfying(Reply.Html.class, html -> {
            assertThat(html.headers()).containsEntry("Referrer-Policy", "no-referrer");
            assertThat(html.page()).contains("action=\"" + BASE + "/api/auth/callback/email\"", "csrfToken");
        });
        assertThat(adapter.tokens).hasSize(1);
    }

    @Test
    void an_untrusted_host_is_a_400_on_the_endpoint_and_the_error_path_through_the_service() {
        AuthRouter router = router(config().url(null).development(true));
        FakeExchange evil = new FakeExchange("POST", Map.of(), false, "http://evil.example/app");

        Reply endpoint = router.endpoint(evil, Method.GET, "/providers");
        String service = router.service(evil, new SignOut.Request("/app/home"));

        assertThat(endpoint).isInstanceOfSatisfying(Reply.Refusal.class, refusal -> {
            assertThat(refusal.status()).isEqualTo(400);
            assertThat(refusal.text()).doesNotContain("evil.example");
        });
        assertThat(service).isEqualTo("/app/api/auth/error?error=Configuration");
    }

    @Test
    void over_the_post_limit_the_endpoint_answers_429_and_the_service_the_rate_limited_error_page() {
        AuthRouter router = router(
                config().rateLimits(RateLimitSettings.defaults().withPost(RateLimitRule.of(1, Duration.ofMinutes(1)))));
        router.endpoint(FakeExchange.post(Map.of()), Method.POST, "/signout");

        Reply page = router.endpoint(FakeExchange.post(Map.of()), Method.POST, "/signout");
        Reply json = router.endpoint(
                FakeExchange.post(Map.of()).header("Accept", "application/json"), Method.POST, "/signout");
        Reply oauthCallback = router.endpoint(FakeExchange.get(Map.of()), Method.GET, "/callback/github");

        assertThat(page).isInstanceOfSatisfying(Reply.Html.class, html -> {
            assertThat(html.status()).isEqualTo(429);
            assertThat(html.headers()).containsKey("Retry-After").containsEntry("Cache-Control", "no-store");
        });
        assertThat(json).isEqualTo(new Reply.Json(429, Map.of("error", "RateLimited"), ((Reply.Json) json).headers()));
        assertThat(oauthCallback)
                .as("an OAuth callback counts like a POST")
                .isInstanceOfSatisfying(
                        Reply.Html.class, html -> assertThat(html.status()).isEqualTo(429));
        assertThat(router.endpoint(FakeExchange.get(Map.of()), Method.GET, "/session"))
                .as("other GETs are not limited")
                .isEqualTo(Reply.Json.ok(Map.of()));
        assertThat(router.service(FakeExchange.post(Map.of()), new SignOut.Request(null)))
                .as("the POST limit is the endpoints' own")
                .isEqualTo(BASE);
    }

    @Test
    void unknown_actions_are_404_and_unknown_providers_and_unexpected_failures_the_configuration_error() {
        AuthRouter router = router(config());
        AuthRouter broken = router(config().callbacks(Callbacks.defaults().withRedirect((url, base) -> {
            throw new IllegalStateException("a broken redirect callback");
        })));
        String configuration = BASE + "/api/auth/error?error=Configuration";

        assertThat(router.endpoint(FakeExchange.get(Map.of()), Method.GET, "/nope"))
                .isEqualTo(new Reply.NotFound());
        assertThat(router.endpoint(FakeExchange.post(Map.of()), Method.POST, "/csrf"))
                .isEqualTo(new Reply.NotFound());
        assertThat(router.endpoint(FakeExchange.get(Map.of()), Method.GET, "/callback/nope"))
                .isEqualTo(new Reply.Redirect(configuration));
        assertThat(router.service(FakeExchange.post(Map.of()), new SignIn.Request("nope", null, null)))
                .isEqualTo(configuration);
        assertThat(broken.service(FakeExchange.post(Map.of()), new SignOut.Request(null)))
                .isEqualTo(configuration);
        assertThat(broken.endpoint(FakeExchange.post(Map.of()), Method.POST, "/signout"))
                .as("the CSRF check comes first")
                .isEqualTo(new Reply.Redirect(BASE + "/api/auth/error?error=MissingCSRF"));
    }

    @Test
    void a_failing_json_endpoint_answers_500_with_the_code() {
        AuthRouter router = router(config().callbacks(Callbacks.defaults().withSession((session, user) -> {
            throw new IllegalStateException("a broken session callback");
        })));
        FakeExchange signIn = FakeExchange.post(Map.of());
        router.service(signIn, new SignIn.Request("email", null, "ann@example.com"));
        FakeExchange confirm = FakeExchange.post(signIn.browser());
        Map<String, String> link = query(outbox.get(0).url());
        router.service(confirm, new Callback.EmailRequest("email", link.get("email"), link.get("token"), null));

        Reply session = router.endpoint(FakeExchange.get(confirm.browser()), Method.GET, "/session");

        assertThat(session).isEqualTo(new Reply.Json(500, Map.of("error", "Configuration"), Map.of()));
    }

    private static Map<String, String> query(String url) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            parameters.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
