package dev.authschema.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.engine.config.AuthConfig;
import dev.authschema.engine.config.Callbacks;
import dev.authschema.engine.config.OAuthProfile;
import dev.authschema.engine.config.Pages;
import dev.authschema.engine.config.Providers;
import dev.authschema.engine.config.SessionStrategy;
import dev.authschema.engine.http.AuthCookies;
import dev.authschema.engine.mail.VerificationEmail;
import dev.authschema.engine.model.AuthErrorCode;
import dev.authschema.engine.model.AuthFlowException;
import dev.authschema.engine.testing.FakeExchange;
import dev.authschema.engine.testing.InMemoryAdapter;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine's flows end to end over in-memory exchanges: CSRF, e-mail sign-in, session JSON, sign-out, errors. */
class AuthEngineFlowTest {

    static final String SECRET = "flow-test-secret-bEp5Mrq2Upkz7kXNecZtk5Yg-4tQF9sg";

    private final InMemoryAdapter adapter = new InMemoryAdapter();
    private final List<VerificationEmail> outbox = new ArrayList<>();

    private AuthEngine engine(SessionStrategy strategy) {
        return new AuthEngine(AuthConfig.builder()
                .environment(name -> null)
                .url("http://localhost:8080/app")
                .secret(SECRET)
                .adapter(adapter)
                .sessionStrategy(strategy)
                .provider(Providers.email("noreply@example.com").withSender(outbox::add))
                .provider(Providers.gitHub().withClient("id", "secret"))
                .rolesField("role")
                .callbacks(Callbacks.defaults().withSession((session, user) -> {
                    Map<String, Object> copy = new LinkedHashMap<>(session);
                    copy.put("userId", user.id());
                    return copy;
                }))
                .build());
    }

    static Map<String, String> query(String url) {
        Map<String, String> parameters = new HashMap<>();
        String raw = URI.create(url).getRawQuery();
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            parameters.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private Map<String, String> signInByEmail(AuthEngine engine) {
        FakeExchange csrf = FakeExchange.get(Map.of());
        String token = engine.csrfToken(csrf);
        FakeExchange signIn = FakeExchange.post(csrf.browser())
                .param("csrfToken", token)
                .param("email", " Ann@Example.com")
                .param("callbackUrl", "/app/home");
        engine.requireCsrf(signIn);
        assertThat(engine.signIn(signIn, "email"))
                .isEqualTo("http://localhost:8080/app/api/auth/verify-request?provider=email&type=email");

        Map<String, String> link = query(outbox.get(outbox.size() - 1).url());
        FakeExchange confirm = FakeExchange.post(signIn.browser())
                .param("csrfToken", token)
                .param("email", link.get("email"))
                .param("token", link.get("token"))
                .param("callbackUrl", link.get("callbackUrl"));
        engine.requireCsrf(confirm);
        assertThat(engine.callback(confirm, "email")).isEqualTo("http://localhost:8080/app/home");
        return confirm.browser();
    }

    @Test
    void email_sign_in_then_session_json_then_sign_out_with_database_sessions() {
        AuthEngine engine = engine(SessionStrategy.DATABASE);
        Map<String, String> browser = signInByEmail(engine);

        Map<String, Object> session = engine.sessionJson(FakeExchange.get(browser));
        assertThat(session).containsKeys("user", "expires", "userId");
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) session.get("user");
        assertThat(user).containsOnlyKeys("name", "email", "image").containsEntry("email", "ann@example.com");

        String token = engine.csrfToken(FakeExchange.get(browser));
        FakeExchange out =
                FakeExchange.post(browser).param("csrfToken", token).param("callbackUrl", "https://evil.example/");
        engine.requireCsrf(out);
        assertThat(engine.signOut(out)).isEqualTo("http://localhost:8080/app");
        assertThat(engine.sessionJson(FakeExchange.get(out.browser()))).isEmpty();
        assertThat(adapter.sessions).isEmpty();
    }

    @Test
    void email_sign_in_with_jwt_sessions_needs_no_session_rows() {
        AuthEngine engine = engine(SessionStrategy.JWT);
        Map<String, String> browser = signInByEmail(engine);

        assertThat(adapter.sessions).isEmpty();
        assertThat(engine.session(FakeExchange.get(browser)))
                .hasValueSatisfying(s -> assertThat(s.user().email()).isEqualTo("ann@example.com"));
    }

    @Test
    void posts_without_a_matching_csrf_token_are_refused() {
        AuthEngine engine = engine(SessionStrategy.DATABASE);
        FakeExchange csrf = FakeExchange.get(Map.of());
        String token = engine.csrfToken(csrf);

        assertThatThrownBy(() -> engine.requireCsrf(FakeExchange.post(Map.of()).param("csrfToken", token)))
                .isInstanceOfSatisfying(
                        AuthFlowException.class, e -> assertThat(e.code()).isEqualTo(AuthErrorCode.MissingCSRF));
        assertThatThrownBy(() ->
                        engine.requireCsrf(FakeExchange.post(csrf.browser()).param("csrfToken", "x")))
                .isInstanceOf(AuthFlowException.class);
        engine.requireCsrf(FakeExchange.post(csrf.browser()).header("X-CSRF-Token", token));
        assertThat(engine.csrfToken(FakeExchange.get(csrf.browser()))).isEqualTo(token);
    }

    @Test
    void a_malformed_address_is_an_email_signin_error_and_an_unknown_provider_a_configuration_error() {
        AuthEngine engine = engine(SessionStrategy.DATABASE);

        assertThatThrownBy(() -> engine.signIn(FakeExchange.post(Map.of()).param("email", "nope"), "email"))
                .isInstanceOfSatisfying(
                        AuthFlowException.class, e -> assertThat(e.code()).isEqualTo(AuthErrorCode.EmailSignin));
        assertThatThrownBy(() -> engine.signIn(FakeExchange.post(Map.of()), "nope"))
                .isInstanceOfSatisfying(
                        AuthFlowException.class, e -> assertThat(e.code()).isEqualTo(AuthErrorCode.Configuration));
    }

    @Test
    void errors_go_to_the_error_page_or_the_custom_sign_in_page_like_auth_js() {
        AuthEngine builtIn = engine(SessionStrategy.DATABASE);
        assertThat(builtIn.errorUrl(FakeExchange.get(Map.of()), AuthErrorCode.Verification))
                .isEqualTo("http://localhost:8080/app/api/auth/error?error=Verification");

        AuthEngine custom = new AuthEngine(AuthConfig.builder()
                .environment(n -> null)
                .url("http://localhost:8080/app")
                .secret(SECRET)
                .pages(Pages.defaults().withSignIn("/login.xhtml").withError("/oops.xhtml"))
                .build());
        assertThat(custom.errorUrl(FakeExchange.get(Map.of()), AuthErrorCode.OAuthAccountNotLinked))
                .isEqualTo("http://localhost:8080/app/login.xhtml?error=OAuthAccountNotLinked");
        assertThat(custom.errorUrl(FakeExchange.get(Map.of()), AuthErrorCode.AccessDenied))
                .isEqualTo("http://localhost:8080/app/oops.xhtml?error=AccessDenied");
    }

    @Test
    void providers_json_has_auth_js_shape() {
        Map<String, Object> providers = engine(SessionStrategy.DATABASE).providersJson(FakeExchange.get(Map.of()));

        assertThat(providers).containsOnlyKeys("email", "github");
        assertThat(providers.get("github"))
                .isEqualTo(Map.of(
                        "id",
                        "github",
                        "name",
                        "GitHub",
                        "type",
                        "oauth",
                        "signinUrl",
                        "http://localhost:8080/app/api/auth/signin/github",
                        "callbackUrl",
                        "http://localhost:8080/app/api/auth/callback/github"));
    }

    @Test
    void groups_come_from_the_roles_field() {
        AuthEngine engine = engine(SessionStrategy.DATABASE);
        AdapterUser user = adapter.createUser(
                new AdapterUser(null, "A", "a@example.com", null, null, Map.of("role", "admin, editor")));
        FakeExchange signIn = FakeExchange.post(Map.of());
        new dev.authschema.engine.session.DatabaseSessionStore(
                        adapter,
                        java.time.Duration.ofDays(1),
                        java.time.Duration.ZERO,
                        java.time.Clock.systemUTC(),
                        e -> false,
                        new dev.authschema.engine.log.FlowLog(false))
                .start(signIn, user, (AdapterAccount) null);

        assertThat(engine.groups(engine.session(FakeExchange.get(signIn.browser()))
                        .orElseThrow()
                        .user()))
                .containsExactly("admin", "editor");
    }

    @Test
    void https_requests_get_prefixed_secure_cookies() {
        AuthEngine engine = engine(SessionStrategy.DATABASE);
        FakeExchange secure = new FakeExchange("GET", Map.of(), true, "https://example.com");
        engine.csrfToken(secure);

        assertThat(secure.setCookie("__Host-" + AuthCookies.CSRF_TOKEN))
                .hasValueSatisfying(c ->
                        assertThat(c.toSetCookieHeader()).contains("Secure", "HttpOnly", "SameSite=Lax", "Path=/"));
        assertThat(new OAuthProfile("x", null, null, null, null).extras()).isEmpty();
    }
}
