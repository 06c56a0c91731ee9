package dev.authschema.engine.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.engine.AuthEngine;
import dev.authschema.engine.config.AuthConfig;
import dev.authschema.engine.config.Providers;
import dev.authschema.engine.testing.FakeExchange;
import dev.authschema.engine.testing.InMemoryAdapter;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stored provider tokens against a real (in-process) OpenID Connect provider that rotates refresh tokens: a new
 * sign-in stores the new tokens, {@code accessToken} refreshes an expired one once for many concurrent callers, and a
 * refused refresh is reported without touching the session.
 */
class AccessTokenRefreshTest {

    private static final String SECRET = "refresh-test-secret-Hq7Vn2Lx9Ck4Zt1Rb6Wm3Pd8";
    private static final String CLIENT_ID = "authschema-client";

    private final InMemoryAdapter adapter = new InMemoryAdapter();
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private MockOAuth2Server server;
    private AuthEngine engine;

    @BeforeEach
    void start() {
        server = new MockOAuth2Server(new OAuth2Config(false, null, null, true));
        server.start();
        engine = new AuthEngine(AuthConfig.builder()
                .environment(name -> null)
                .url("http://localhost:8080/app")
                .secret(SECRET)
                .adapter(adapter)
                .provider(Providers.openIdConnect(
                                "mock", "Mock IdP", server.issuerUrl("default").toString())
                        .withClient(CLIENT_ID, "client-secret"))
                .build());
    }

    @AfterEach
    void stop() {
        server.shutdown();
    }

    @Test
    void a_second_sign_in_of_a_known_account_stores_the_new_tokens() throws Exception {
        FakeExchange first = signIn("subject-1");
        AdapterAccount before = account("subject-1");

        signIn("subject-1");

        AdapterAccount after = account("subject-1");
        assertThat(after.accessToken()).isNotEqualTo(before.accessToken());
        assertThat(after.idToken()).isNotEqualTo(before.idToken());
        assertThat(after.refreshToken()).isNotNull().isNotEqualTo(before.refreshToken());
        assertThat(after.expiresAt()).isGreaterThanOrEqualTo(before.expiresAt());
        assertThat(after.userId()).isEqualTo(before.userId());
        assertThat(adapter.accounts).hasSize(1);
        assertThat(engine.session(FakeExchange.get(first.browser()))).isPresent();
    }

    @Test
    void a_fresh_access_token_is_returned_as_stored_without_asking_the_provider() throws Exception {
        signIn("subject-2");
        AdapterAccount stored = account("subject-2");
        tokenRequests();

        assertThat(engine.accessToken(stored.userId(), "mock")).isEqualTo(stored.accessToken());

        assertThat(tokenRequests()).isEmpty();
        assertThat(account("subject-2")).isEqualTo(stored);
    }

    @Test
    void an_expired_token_is_refreshed_once_for_many_concurrent_callers_and_the_rotated_refresh_token_stored()
            throws Exception {
        signIn("subject-3");
        AdapterAccount stored = expire("subject-3");
        tokenRequests();

        List<String> tokens = concurrently(16, () -> engine.accessToken(stored.userId(), "mock"));

        List<RecordedRequest> requests = tokenRequests();
        assertThat(requests).as("token requests").hasSize(1);
        assertThat(requests.get(0).getBody().readUtf8()).contains("grant_type=refresh_token");
        AdapterAccount refreshed = account("subject-3");
        assertThat(tokens).as("every caller's token").containsOnly(refreshed.accessToken());
        assertThat(refreshed.accessToken()).isNotEqualTo(stored.accessToken());
        assertThat(refreshed.refreshToken()).as("rotated refresh token").isNotEqualTo(stored.refreshToken());
        assertThat(refreshed.expiresAt()).isGreaterThan(Instant.now().getEpochSecond() + 600);
    }

    @Test
    void a_refused_refresh_is_a_refresh_access_token_error_that_changes_nothing_and_keeps_the_session()
            throws Exception {
        FakeExchange signedIn = signIn("subject-4");
        AdapterAccount expired = expire("subject-4");
        AdapterAccount revoked = adapter.updateAccount(
                "mock",
                "subject-4",
                stored -> new AdapterAccount(
                        stored.userId(),
                        stored.type(),
                        stored.provider(),
                        stored.providerAccountId(),
                        "revoked-token",
                        stored.accessToken(),
                        stored.expiresAt(),
                        stored.tokenType(),
                        stored.scope(),
                        stored.idToken(),
                        stored.sessionState(),
                        stored.extras()));

        assertThatThrownBy(() -> engine.accessToken(expired.userId(), "mock"))
                .isInstanceOfSatisfying(RefreshAccessTokenError.class, e -> {
                    assertThat(e.reason()).isEqualTo(RefreshAccessTokenError.Reason.REFUSED);
                    assertThat(e.providerError()).isEqualTo("invalid_grant");
                })
                .hasMessageContaining("RefreshAccessTokenError")
                .hasMessageContaining("'mock'")
                .hasMessageNotContaining("revoked-token")
                .hasMessageNotContaining(expired.accessToken());

        assertThat(account("subject-4")).isEqualTo(revoked);
        assertThat(engine.session(FakeExchange.get(signedIn.browser()))).isPresent();
    }

    @Test
    void an_expired_token_without_a_refresh_token_or_a_user_without_an_account_is_reported() throws Exception {
        signIn("subject-5");
        AdapterAccount expired = expire("subject-5");
        adapter.updateAccount(
                "mock",
                "subject-5",
                stored -> new AdapterAccount(
                        stored.userId(),
                        stored.type(),
                        stored.provider(),
                        stored.providerAccountId(),
                        null,
                        stored.accessToken(),
                        stored.expiresAt(),
                        stored.tokenType(),
                        stored.scope(),
                        stored.idToken(),
                        stored.sessionState(),
                        stored.extras()));
        tokenRequests();

        assertThatThrownBy(() -> engine.accessToken(expired.userId(), "mock"))
                .isInstanceOfSatisfying(
                        RefreshAccessTokenError.class,
                        e -> assertThat(e.reason()).isEqualTo(RefreshAccessTokenError.Reason.NO_REFRESH_TOKEN));
        assertThatThrownBy(() -> engine.accessToken("no-such-user", "mock"))
                .isInstanceOfSatisfying(
                        RefreshAccessTokenError.class,
                        e -> assertThat(e.reason()).isEqualTo(RefreshAccessTokenError.Reason.NO_ACCOUNT));
        assertThatThrownBy(() -> engine.accessToken(expired.userId(), "nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nope'");
        assertThat(tokenRequests()).isEmpty();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private AdapterAccount account(String subject) {
        return adapter.getAccount(subject, "mock").orElseThrow();
    }

    /** Makes the stored access token one that expired a minute ago. */
    private AdapterAccount expire(String subject) {
        return adapter.updateAccount(
                "mock",
                subject,
                stored -> new AdapterAccount(
                        stored.userId(),
                        stored.type(),
                        stored.provider(),
                        stored.providerAccountId(),
                        stored.refreshToken(),
                        stored.accessToken(),
                        Instant.now().getEpochSecond() - 60,
                        stored.tokenType(),
                        stored.scope(),
                        stored.idToken(),
                        stored.sessionState(),
                        stored.extras()));
    }

    /** Takes every request the provider recorded so far and returns those to its token endpoint. */
    private List<RecordedRequest> tokenRequests() {
        List<RecordedRequest> token = new ArrayList<>();
        for (RecordedRequest r = nextRequest(); r != null; r = nextRequest()) {
            if (r.getPath() != null && r.getPath().endsWith("/token")) {
                token.add(r);
            }
        }
        return token;
    }

    /** mock-oauth2-server reports an empty queue with an exception. */
    private RecordedRequest nextRequest() {
        try {
            return server.takeRequest(50, TimeUnit.MILLISECONDS);
        } catch (RuntimeException empty) {
            return null;
        }
    }

    private static <T> List<T> concurrently(int threads, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private FakeExchange signIn(String subject) throws Exception {
        FakeExchange start = FakeExchange.post(Map.of()).param("callbackUrl", "/app/after");
        URI authorization = URI.create(engine.signIn(start, "mock"));
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> back =
                query(URI.create(response.headers().firstValue("Location").orElseThrow()));
        server.enqueueCallback(new DefaultOAuth2TokenCallback(
                "default",
                subject,
                "JWT",
                List.of(CLIENT_ID),
                Map.of("email", subject + "@example.com", "name", "Ann", "email_verified", true),
                3600));
        FakeExchange callback = FakeExchange.get(start.browser())
                .param("code", back.get("code"))
                .param("state", back.get("state"));
        assertThat(engine.callback(callback, "mock")).isEqualTo("http://localhost:8080/app/after");
        return callback;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            parameters.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }
}
