package dev.authschema.engine.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authschema.adapter.AdapterSession;
import dev.authschema.engine.AuthEngine;
import dev.authschema.engine.actions.AuthRouter.Method;
import dev.authschema.engine.config.AuthConfig;
import dev.authschema.engine.config.Providers;
import dev.authschema.engine.config.SessionStrategy;
import dev.authschema.engine.mail.VerificationEmail;
import dev.authschema.engine.model.ActiveSession;
import dev.authschema.engine.ratelimit.RateLimitRule;
import dev.authschema.engine.ratelimit.RateLimitSettings;
import dev.authschema.engine.testing.FakeExchange;
import dev.authschema.engine.testing.InMemoryAdapter;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sessions API ({@code AuthEngine.sessions}/{@code endSession}, {@code GET /api/auth/sessions},
 * {@code POST /api/auth/sessions/end}): the caller's own live sessions by handle, never by token, and only the
 * caller's own can be ended.
 */
class SessionsApiTest {

    private static final String SECRET = "sessions-test-secret-Hq8vT2mXc5LpR9wZb3NdK7sJ";
    private static final String NEW_SECRET = "sessions-test-newer-secret-Wm4kP8qZr2TyN6vBx9";
    private static final String BASE = "http://localhost:8080/app";
    private static final String SESSION_COOKIE = "authjs.session-token";

    private final InMemoryAdapter adapter = new InMemoryAdapter();
    private final List<VerificationEmail> outbox = new ArrayList<>();
    private final AuthEngine engine = engine(SessionStrategy.DATABASE, List.of(SECRET));

    private AuthEngine engine(SessionStrategy strategy, List<String> secrets) {
        return engine(strategy, secrets, RateLimitSettings.off());
    }

    private AuthEngine engine(SessionStrategy strategy, List<String> secrets, RateLimitSettings limits) {
        AuthConfig config = AuthConfig.builder()
                .rateLimits(limits)
                .environment(name -> null)
                .url(BASE)
                .secrets(secrets)
                .adapter(adapter)
                .sessionStrategy(strategy)
                .provider(Providers.email("noreply@example.com").withSender(outbox::add))
                .build();
        return new AuthEngine(config);
    }

    /** A browser of {@code email} signed in by e-mail link, with a CSRF cookie. */
    private Map<String, String> signIn(AuthEngine engine, String email) {
        AuthRouter router = engine.router();
        FakeExchange start = FakeExchange.post(Map.of());
        router.service(start, new SignIn.Request("email", null, email));
        Map<String, String> link = query(outbox.get(outbox.size() - 1).url());
        FakeExchange confirm = FakeExchange.post(start.browser());
        router.service(confirm, new Callback.EmailRequest("email", link.get("email"), link.get("token"), null));
        FakeExchange csrf = FakeExchange.get(confirm.browser());
        router.endpoint(csrf, Method.GET, "/csrf");
        return csrf.browser();
    }

    private Map<String, String> signIn(String email) {
        return signIn(engine, email);
    }

    private List<ActiveSession> sessions(Map<String, String> browser) {
        return engine.sessions(FakeExchange.get(browser));
    }

    private boolean end(Map<String, String> browser, String handle) {
        return engine.endSession(FakeExchange.post(browser), handle);
    }

    private static String csrfToken(Map<String, String> browser) {
        return browser.get("authjs.csrf-token").split("\\|")[0];
    }

    private String userIdOf(Map<String, String> browser) {
        return adapter.sessions.get(browser.get(SESSION_COOKIE)).userId();
    }

    @Test
    void lists_the_live_sessions_of_the_callers_user_by_handle_and_marks_the_current_one() {
        Map<String, String> laptop = signIn("ann@example.com");
        Map<String, String> phone = signIn("ann@example.com");
        Map<String, String> bob = signIn("bob@example.com");
        adapter.createSession(AdapterSession.of(
                "expired-token", userIdOf(laptop), Instant.now().minus(Duration.ofMinutes(1))));

        List<ActiveSession> listed = sessions(laptop);

        assertThat(listed).hasSize(2);
        assertThat(listed).filteredOn(ActiveSession::current).hasSize(1);
        assertThat(listed)
                .extracting(ActiveSession::handle)
                .doesNotHaveDuplicates()
                .allSatisfy(handle -> {
                    assertThat(handle).matches("[A-Za-z0-9_-]{43}");
                    assertThat(adapter.sessions.keySet())
                            .as("a handle is no token")
                            .noneMatch(token -> handle.contains(token) || token.contains(handle));
                });
        assertThat(sessions(phone))
                .as("the same sessions, from the other device")
                .extracting(ActiveSession::handle)
                .containsExactlyInAnyOrderElementsOf(
                        listed.stream().map(ActiveSession::handle).toList());
        assertThat(sessions(bob)).hasSize(1).allMatch(ActiveSession::current);
        assertThat(sessions(bob).get(0).handle())
                .isNotIn(listed.stream().map(ActiveSession::handle).toList());
    }

    @Test
    void ending_another_device_by_its_handle_deletes_that_session_only() {
        Map<String, String> laptop = signIn("ann@example.com");
        Map<String, String> phone = signIn("ann@example.com");
        Map<String, String> bob = signIn("bob@example.com");
        String phoneHandle = sessions(laptop).stream()
                .filter(s -> !s.current())
                .findFirst()
                .orElseThrow()
                .handle();

        assertThat(end(laptop, phoneHandle)).isTrue();

        assertThat(adapter.sessions)
                .containsKeys(laptop.get(SESSION_COOKIE), bob.get(SESSION_COOKIE))
                .doesNotContainKey(phone.get(SESSION_COOKIE));
        assertThat(engine.session(FakeExchange.get(phone))).isEmpty();
        assertThat(sessions(laptop)).hasSize(1).allMatch(ActiveSession::current);
        assertThat(end(laptop, phoneHandle)).as("a handle ends once").isFalse();
    }

    @Test
    void a_handle_of_another_users_session_a_forged_one_or_a_token_ends_nothing() {
        Map<String, String> ann = signIn("ann@example.com");
        Map<String, String> bob = signIn("bob@example.com");
        String bobsHandle = sessions(bob).get(0).handle();
        Map<String, AdapterSession> before = new LinkedHashMap<>(adapter.sessions);

        assertThat(end(ann, bobsHandle)).isFalse();
        assertThat(end(ann, bob.get(SESSION_COOKIE))).as("bob's token").isFalse();
        assertThat(end(ann, ann.get(SESSION_COOKIE)))
                .as("ann's own token is no handle")
                .isFalse();
        assertThat(end(ann, "A".repeat(43))).isFalse();
        assertThat(end(ann, "")).isFalse();
        assertThat(end(ann, null)).isFalse();

        assertThat(adapter.sessions).isEqualTo(before);
    }

    @Test
    void ending_the_callers_own_session_signs_it_out_and_clears_the_cookie() {
        Map<String, String> ann = signIn("ann@example.com");
        String own = sessions(ann).get(0).handle();

        FakeExchange exchange = FakeExchange.post(ann);
        assertThat(engine.endSession(exchange, own)).isTrue();

        assertThat(adapter.sessions).doesNotContainKey(ann.get(SESSION_COOKIE));
        assertThat(exchange.browser()).doesNotContainKey(SESSION_COOKIE);
    }

    @Test
    void an_anonymous_caller_has_no_sessions_and_ends_none() {
        signIn("ann@example.com");
        Map<String, AdapterSession> before = new LinkedHashMap<>(adapter.sessions);

        assertThat(sessions(Map.of())).isEmpty();
        assertThat(sessions(Map.of(SESSION_COOKIE, "made-up"))).isEmpty();
        assertThat(end(Map.of(), "A".repeat(43))).isFalse();
        assertThat(adapter.sessions).isEqualTo(before);
    }

    @Test
    void a_handle_made_before_a_secret_rotation_still_ends_its_session() {
        Map<String, String> laptop = signIn("ann@example.com");
        Map<String, String> phone = signIn("ann@example.com");
        String phoneHandle = sessions(laptop).stream()
                .filter(s -> !s.current())
                .findFirst()
                .orElseThrow()
                .handle();
        AuthEngine rotated = engine(SessionStrategy.DATABASE, List.of(NEW_SECRET, SECRET));

        assertThat(rotated.sessions(FakeExchange.get(laptop)))
                .as("new handles are made under the new secret")
                .extracting(ActiveSession::handle)
                .doesNotContain(phoneHandle);
        assertThat(rotated.endSession(FakeExchange.post(laptop), phoneHandle)).isTrue();
        assertThat(adapter.sessions).doesNotContainKey(phone.get(SESSION_COOKIE));
    }

    @Test
    void jwt_sessions_are_not_listed_the_service_says_why_and_the_endpoints_are_404() {
        AuthEngine jwt = engine(SessionStrategy.JWT, List.of(SECRET));
        Map<String, String> browser = signIn(jwt, "ann@example.com");

        assertThatThrownBy(() -> jwt.sessions(FakeExchange.get(browser)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only with SessionStrategy.DATABASE");
        assertThatThrownBy(() -> jwt.endSession(FakeExchange.post(browser), "A".repeat(43)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only with SessionStrategy.DATABASE");
        assertThat(jwt.router().endpoint(FakeExchange.get(browser), Method.GET, "/sessions"))
                .isInstanceOf(Reply.NotFound.class);
        FakeExchange post = FakeExchange.post(browser).param("csrfToken", csrfToken(browser));
        assertThat(jwt.router().endpoint(post, Method.POST, "/sessions/end")).isInstanceOf(Reply.NotFound.class);
    }

    @Test
    void the_json_shows_handle_expiry_current_and_only_the_conventional_extras() {
        Map<String, String> ann = signIn("ann@example.com");
        String token = ann.get(SESSION_COOKIE);
        AdapterSession stored = adapter.sessions.get(token);
        adapter.sessions.put(
                token,
                new AdapterSession(
                        token,
                        stored.userId(),
                        stored.expires(),
                        Map.of("userAgent", "Firefox", "ipAddress", "192.0.2.1", "deviceSecret", "s3cret")));

        Reply reply = engine.router().endpoint(FakeExchange.get(ann), Method.GET, "/sessions");

        assertThat(reply).isInstanceOfSatisfying(Reply.Json.class, json -> {
            assertThat(json.status()).isEqualTo(200);
            List<Map<String, Object>> listed = list(json);
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0))
                    .containsOnlyKeys("handle", "expires", "current", "userAgent", "ipAddress")
                    .containsEntry("current", true)
                    .containsEntry("userAgent", "Firefox")
                    .containsEntry("expires", stored.expires().toString());
            assertThat(listed.get(0).values()).doesNotContain(token);
        });
        assertThat(sessions(ann).get(0).extras()).containsEntry("deviceSecret", "s3cret");
        Reply anonymous = engine.router().endpoint(FakeExchange.get(Map.of()), Method.GET, "/sessions");
        assertThat(list((Reply.Json) anonymous)).isEmpty();
    }

    @Test
    void the_end_endpoint_needs_the_csrf_token_and_answers_whether_it_ended_one() {
        Map<String, String> laptop = signIn("ann@example.com");
        Map<String, String> phone = signIn("ann@example.com");
        String phoneHandle = sessions(laptop).stream()
                .filter(s -> !s.current())
                .findFirst()
                .orElseThrow()
                .handle();
        Map<String, AdapterSession> before = new LinkedHashMap<>(adapter.sessions);
        AuthRouter router = engine.router();

        Reply noCsrf =
                router.endpoint(FakeExchange.post(laptop).param("handle", phoneHandle), Method.POST, "/sessions/end");
        assertThat(noCsrf).isInstanceOfSatisfying(Reply.Json.class, json -> {
            assertThat(json.status()).isEqualTo(403);
            assertThat(json.body().get("error")).isEqualTo("MissingCSRF");
        });
        Reply get = router.endpoint(
                FakeExchange.get(laptop).param("handle", phoneHandle).param("csrfToken", csrfToken(laptop)),
                Method.GET,
                "/sessions/end");
        assertThat(get).isInstanceOf(Reply.NotFound.class);
        assertThat(adapter.sessions).isEqualTo(before);

        FakeExchange post =
                FakeExchange.post(laptop).param("handle", phoneHandle).param("csrfToken", csrfToken(laptop));
        assertThat(router.endpoint(post, Method.POST, "/sessions/end"))
                .isInstanceOfSatisfying(
                        Reply.Json.class,
                        json -> assertThat(json.body().get("ended")).isEqualTo(true));
        assertThat(adapter.sessions).doesNotContainKey(phone.get(SESSION_COOKIE));
        FakeExchange again =
                FakeExchange.post(laptop).param("handle", phoneHandle).param("csrfToken", csrfToken(laptop));
        assertThat(router.endpoint(again, Method.POST, "/sessions/end"))
                .isInstanceOfSatisfying(
                        Reply.Json.class,
                        json -> assertThat(json.body().get("ended")).isEqualTo(false));
    }

    @Test
    void the_end_endpoint_counts_against_the_post_limit_and_ends_nothing_over_it() {
        AuthEngine limited = engine(
                SessionStrategy.DATABASE,
                List.of(SECRET),
                RateLimitSettings.defaults().withPost(RateLimitRule.of(2, Duration.ofMinutes(1))));
        Map<String, String> laptop = signIn(limited, "ann@example.com");
        Map<String, String> phone = signIn(limited, "ann@example.com");
        String phoneHandle = limited.sessions(FakeExchange.get(laptop)).stream()
                .filter(s -> !s.current())
                .findFirst()
                .orElseThrow()
                .handle();
        AuthRouter router = limited.router();
        for (int i = 0; i < 2; i++) {
            FakeExchange garbage =
                    FakeExchange.post(laptop).param("handle", "garbage").param("csrfToken", csrfToken(laptop));
            assertThat(router.endpoint(garbage, Method.POST, "/sessions/end")).isInstanceOf(Reply.Json.class);
        }

        FakeExchange over = FakeExchange.post(laptop)
                .param("handle", phoneHandle)
                .param("csrfToken", csrfToken(laptop))
                .header("Accept", "application/json");
        Reply refused = router.endpoint(over, Method.POST, "/sessions/end");

        assertThat(refused).as("an API client is told in JSON").isInstanceOfSatisfying(Reply.Json.class, json -> {
            assertThat(json.status()).isEqualTo(429);
            assertThat(json.body().get("error")).isEqualTo("RateLimited");
        });
        FakeExchange form =
                FakeExchange.post(laptop).param("handle", phoneHandle).param("csrfToken", csrfToken(laptop));
        assertThat(router.endpoint(form, Method.POST, "/sessions/end"))
                .as("a browser's form gets the rate-limit page")
                .isInstanceOfSatisfying(
                        Reply.Html.class, html -> assertThat(html.status()).isEqualTo(429));
        assertThat(adapter.sessions).containsKey(phone.get(SESSION_COOKIE));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Reply.Json json) {
        return (List<Map<String, Object>>) json.body().get("sessions");
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
