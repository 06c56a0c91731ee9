package dev.authschema.engine.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.engine.AuthEngine;
import dev.authschema.engine.config.AuthConfig;
import dev.authschema.engine.config.OAuthProfile;
import dev.authschema.engine.config.Providers;
import dev.authschema.engine.model.AuthErrorCode;
import dev.authschema.engine.model.AuthFlowException;
import dev.authschema.engine.testing.FakeExchange;
import dev.authschema.engine.testing.InMemoryAdapter;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenID Connect flow against a real (in-process) OIDC server: discovery, PKCE, state and nonce cookies, token
 * exchange, ID token validation via JWKS, user info, and the account linking rules.
 */
class OidcFlowTest {

    private static final String SECRET = "oidc-test-secret-prG4u7T8I5cit8b_JLgdKwHwVBndVzso";
    private static final String CLIENT_ID = "authschema-client";
    private MockOAuth2Server server;

    private final InMemoryAdapter adapter = new InMemoryAdapter();
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** A fresh server per test: its queue of prepared logins must not leak from one test into the next. */
    @BeforeEach
    void startServer() {
        server = new MockOAuth2Server();
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.shutdown();
    }

    private AuthEngine engine(boolean allowEmailLinking) {
        return new AuthEngine(AuthConfig.builder()
                .environment(name -> null)
                .url("http://localhost:8080/app")
                .secret(SECRET)
                .adapter(adapter)
                .provider(Providers.openIdConnect(
                                "mock", "Mock IdP", server.issuerUrl("default").toString())
                        .withClient(CLIENT_ID, "client-secret")
                        .withAllowDangerousEmailAccountLinking(allowEmailLinking)
                        .withProfile(claims -> new OAuthProfile(
                                (String) claims.get("sub"),
                                (String) claims.get("name"),
                                (String) claims.get("email"),
                                null,
                                Map.of("role", "member"),
                                Boolean.TRUE.equals(claims.get("email_verified")))))
                .build());
    }

    private void nextLogin(String subject, String email) {
        nextLogin(subject, email, true);
    }

    private void nextLogin(String subject, String email, boolean verified) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(
                "default",
                subject,
                "JWT",
                List.of(CLIENT_ID),
                Map.of("email", email, "name", "Ann Example", "email_verified", verified),
                3600));
    }

    /** Runs the browser's part: start, follow to the provider, come back with code and state. */
    private FakeExchange signIn(AuthEngine engine, Map<String, String> browser) throws Exception {
        FakeExchange start = FakeExchange.post(browser).param("callbackUrl", "/app/after");
        URI authorization = URI.create(engine.signIn(start, "mock"));
        Map<String, String> authParams = query(authorization);
        assertThat(authParams)
                .containsEntry("code_challenge_method", "S256")
                .containsKeys("state", "nonce", "code_challenge");

        Map<String, String> back = query(providerRedirect(authorization));
        FakeExchange callback = FakeExchange.get(start.browser())
                .param("code", back.get("code"))
                .param("state", back.get("state"));
        assertThat(engine.callback(callback, "mock")).isEqualTo("http://localhost:8080/app/after");
        return callback;
    }

    private URI providerRedirect(URI authorization) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            parameters.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }

    @Test
    void first_sign_in_creates_the_user_and_links_the_account_then_signs_in_the_same_user() throws Exception {
        AuthEngine engine = engine(false);
        nextLogin("subject-1", "Ann@Example.com");
        FakeExchange first = signIn(engine, Map.of());

        assertThat(adapter.users).hasSize(1);
        AdapterUser user = adapter.users.values().iterator().next();
        assertThat(user.id()).matches("[0-9a-f-]{36}");
        assertThat(user.email()).isEqualTo("ann@example.com");
        assertThat(user.name()).isEqualTo("Ann Example");
        assertThat(user.extras()).containsEntry("role", "member");
        AdapterAccount account = adapter.getAccount("subject-1", "mock").orElseThrow();
        assertThat(account.type()).isEqualTo("oidc");
        assertThat(account.userId()).isEqualTo(user.id());
        assertThat(account.accessToken()).isNotBlank();
        assertThat(account.idToken()).isNotBlank();
        assertThat(account.tokenType()).isEqualTo("bearer");
        assertThat(account.expiresAt())
                .isBetween(Instant.now().getEpochSecond() + 3000, Instant.now().getEpochSecond() + 3700);
        assertThat(engine.session(FakeExchange.get(first.browser())))
                .hasValueSatisfying(s -> assertThat(s.user().id()).isEqualTo(user.id()));

        nextLogin("subject-1", "ann@example.com");
        signIn(engine, Map.of());
        assertThat(adapter.users).hasSize(1);
        assertThat(adapter.sessions).hasSize(2);
    }

    @Test
    void same_email_without_dangerous_linking_is_oauth_account_not_linked() {
        adapter.createUser(AdapterUser.of("existing", "Ann", "ann@example.com", null, null));
        nextLogin("subject-2", "ann@example.com");

        assertThatThrownBy(() -> signIn(engine(false), Map.of()))
                .isInstanceOfSatisfying(
                        AuthFlowException.class,
                        e -> assertThat(e.code()).isEqualTo(AuthErrorCode.OAuthAccountNotLinked));
        assertThat(adapter.accounts).isEmpty();
    }

    @Test
    void same_email_with_dangerous_linking_links_to_the_existing_user() throws Exception {
        adapter.createUser(AdapterUser.of("existing", "Ann", "ann@example.com", null, null));
        nextLogin("subject-3", "ann@example.com");

        signIn(engine(true), Map.of());

        assertThat(adapter.getAccount("subject-3", "mock"))
                .map(AdapterAccount::userId)
                .contains("existing");
    }

    @Test
    void dangerous_linking_to_a_never_confirmed_user_drops_the_password_a_stranger_set_and_its_sessions()
            throws Exception {
        AdapterUser stranger = adapter.createUser(AdapterUser.of("unconfirmed", null, "ann@example.com", null, null));
        adapter.setPasswordHash(stranger.id(), "$argon2id$v=19$m=19456,t=2,p=1$c3RyYW5nZXI$aGFzaA");
        adapter.createSession(AdapterSession.of(
                "stranger-session", stranger.id(), Instant.now().plusSeconds(3600)));
        AdapterUser other =
                adapter.createUser(AdapterUser.of("confirmed", null, "bob@example.com", Instant.now(), null));
        adapter.setPasswordHash(other.id(), "$argon2id$v=19$m=19456,t=2,p=1$Ym9i$aGFzaA");
        nextLogin("subject-7", "ann@example.com");

        signIn(engine(true), Map.of());

        assertThat(adapter.getAccount("subject-7", "mock"))
                .map(AdapterAccount::userId)
                .contains("unconfirmed");
        assertThat(adapter.getPasswordHash("unconfirmed"))
                .as("the stranger's password")
                .isEmpty();
        assertThat(adapter.sessions).doesNotContainKey("stranger-session");
        assertThat(adapter.getPasswordHash("confirmed"))
                .as("another user's password")
                .isPresent();
    }

    @Test
    void dangerous_linking_to_a_confirmed_user_keeps_the_password() throws Exception {
        AdapterUser owner = adapter.createUser(AdapterUser.of("owner", null, "ann@example.com", Instant.now(), null));
        adapter.setPasswordHash(owner.id(), "$argon2id$v=19$m=19456,t=2,p=1$b3duZXI$aGFzaA");
        nextLogin("subject-8", "ann@example.com");

        signIn(engine(true), Map.of());

        assertThat(adapter.getPasswordHash("owner")).isPresent();
    }

    @Test
    void a_forged_state_or_missing_flow_cookies_fail_the_callback() throws Exception {
        AuthEngine engine = engine(false);
        nextLogin("subject-4", "x@example.com");
        FakeExchange start = FakeExchange.post(Map.of());
        URI authorization = URI.create(engine.signIn(start, "mock"));
        Map<String, String> back = query(providerRedirect(authorization));

        assertThatThrownBy(() -> engine.callback(
                        FakeExchange.get(start.browser())
                                .param("code", back.get("code"))
                                .param("state", "forged"),
                        "mock"))
                .isInstanceOfSatisfying(
                        AuthFlowException.class, e -> assertThat(e.code()).isEqualTo(AuthErrorCode.OAuthCallbackError));
        assertThatThrownBy(() -> engine.callback(
                        FakeExchange.get(Map.of())
                                .param("code", back.get("code"))
                                .param("state", back.get("state")),
                        "mock"))
                .hasMessageContaining("no valid state/PKCE cookies");
        assertThat(adapter.users).isEmpty();
    }

    @Test
    void another_node_with_the_same_secret_finishes_the_flow() throws Exception {
        AuthEngine nodeA = engine(false);
        AuthEngine nodeB = engine(false);
        nextLogin("subject-5", "node@example.com");
        FakeExchange start = FakeExchange.post(Map.of());
        Map<String, String> back = query(providerRedirect(URI.create(nodeA.signIn(start, "mock"))));

        nodeB.callback(
                FakeExchange.get(start.browser())
                        .param("code", back.get("code"))
                        .param("state", back.get("state")),
                "mock");

        assertThat(adapter.getUserByEmail("node@example.com")).isPresent();
    }

    @Test
    void an_unverified_address_links_to_nobody_even_with_dangerous_linking_and_the_new_user_has_no_address()
            throws Exception {
        adapter.createUser(AdapterUser.of("existing", "Ann", "ann@example.com", null, null));
        nextLogin("subject-6", "ann@example.com", false);

        signIn(engine(true), Map.of());

        String owner = adapter.getAccount("subject-6", "mock")
                .map(AdapterAccount::userId)
                .orElseThrow();
        assertThat(owner).isNotEqualTo("existing");
        assertThat(adapter.getUser(owner).orElseThrow().email()).isNull();
        assertThat(adapter.getUser(owner).orElseThrow().emailVerified()).isNull();
        assertThat(adapter.getUserByEmail("ann@example.com"))
                .map(AdapterUser::id)
                .contains("existing");
    }

    @Test
    void a_verified_address_gives_the_new_user_email_verified() throws Exception {
        nextLogin("subject-7", "new@example.com", true);

        signIn(engine(false), Map.of());

        assertThat(adapter.getUserByEmail("new@example.com").orElseThrow().emailVerified())
                .isNotNull();
    }

    @Test
    void a_callback_without_the_nonce_cookie_fails_before_the_code_is_redeemed() throws Exception {
        AuthEngine engine = engine(false);
        FakeExchange start = FakeExchange.post(Map.of());
        Map<String, String> back = query(providerRedirect(URI.create(engine.signIn(start, "mock"))));
        Map<String, String> withoutNonce = new HashMap<>(start.browser());
        withoutNonce.remove(dev.authschema.engine.http.AuthCookies.NONCE);

        assertThatThrownBy(() -> engine.callback(
                        FakeExchange.get(withoutNonce)
                                .param("code", back.get("code"))
                                .param("state", back.get("state")),
                        "mock"))
                .isInstanceOfSatisfying(
                        AuthFlowException.class, e -> assertThat(e.code()).isEqualTo(AuthErrorCode.OAuthCallbackError))
                .hasMessageContaining("no valid nonce cookie");
        assertThat(adapter.users).isEmpty();
    }

    @Test
    void the_provider_refusing_is_access_denied() {
        AuthEngine engine = engine(false);
        FakeExchange start = FakeExchange.post(Map.of());
        engine.signIn(start, "mock");

        assertThatThrownBy(() ->
                        engine.callback(FakeExchange.get(start.browser()).param("error", "access_denied"), "mock"))
                .isInstanceOfSatisfying(
                        AuthFlowException.class, e -> assertThat(e.code()).isEqualTo(AuthErrorCode.AccessDenied));
    }
}
