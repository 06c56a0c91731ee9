package dev.authschema.engine.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.engine.AuthEngine;
import dev.authschema.engine.actions.AuthRouter.Method;
import dev.authschema.engine.config.AuthConfig;
import dev.authschema.engine.config.CallbackTrigger;
import dev.authschema.engine.config.Callbacks;
import dev.authschema.engine.config.JwtCallback;
import dev.authschema.engine.config.Providers;
import dev.authschema.engine.config.SessionCallback;
import dev.authschema.engine.config.SessionStrategy;
import dev.authschema.engine.mail.VerificationEmail;
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

/** {@code POST /api/auth/session} and {@code AuthService.updateSession}: the callbacks see UPDATE and the data. */
class SessionUpdateTest {

    private static final String SECRET = "update-test-secret-Hq8vT2mXc5LpR9wZb3NdK7sJ";
    private static final String BASE = "http://localhost:8080/app";

    private final InMemoryAdapter adapter = new InMemoryAdapter();
    private final List<VerificationEmail> outbox = new ArrayList<>();
    private final List<CallbackTrigger> jwtTriggers = new ArrayList<>();
    private final List<CallbackTrigger> sessionTriggers = new ArrayList<>();

    /** The application's callbacks: a checked nickname goes into the token; the JSON shows the trigger. */
    private AuthRouter router(SessionStrategy strategy) {
        JwtCallback jwt = JwtCallback.withTrigger(input -> {
            jwtTriggers.add(input.trigger());
            Map<String, Object> token = new LinkedHashMap<>(input.token());
            if (input.trigger() == CallbackTrigger.UPDATE
                    && input.session().get("nickname") instanceof String n
                    && n.length() <= 20) {
                token.put("nickname", n);
            }
            if (input.trigger() == CallbackTrigger.UPDATE && input.session().get("bio") instanceof String bio) {
                token.put("bio", bio); // careless: unbounded, as some application will write it
            }
            return token;
        });
        SessionCallback session = SessionCallback.withTrigger(input -> {
            sessionTriggers.add(input.trigger());
            Map<String, Object> json = new LinkedHashMap<>(input.session());
            json.put("trigger", String.valueOf(input.trigger()));
            json.put("nickname", input.user().attributes().get("nickname"));
            if (input.newSession() != null) {
                json.put("asked", input.newSession().get("nickname"));
            }
            return json;
        });
        AuthConfig config = AuthConfig.builder()
                .environment(name -> null)
                .url(BASE)
                .secret(SECRET)
                .adapter(adapter)
                .sessionStrategy(strategy)
                .provider(Providers.email("noreply@example.com").withSender(outbox::add))
                .callbacks(Callbacks.defaults().withJwt(jwt).withSession(session))
                .build();
        return new AuthEngine(config).router();
    }

    private Map<String, String> signIn(AuthRouter router) {
        FakeExchange start = FakeExchange.post(Map.of());
        router.service(start, new SignIn.Request("email", null, "ann@example.com"));
        Map<String, String> link = query(outbox.get(outbox.size() - 1).url());
        FakeExchange confirm = FakeExchange.post(start.browser());
        router.service(confirm, new Callback.EmailRequest("email", link.get("email"), link.get("token"), null));
        FakeExchange csrf = FakeExchange.get(confirm.browser());
        router.endpoint(csrf, Method.GET, "/csrf");
        return csrf.browser();
    }

    private static String csrfToken(Map<String, String> browser) {
        return browser.get("authjs.csrf-token").split("\\|")[0];
    }

    @Test
    void a_jwt_session_update_runs_both_callbacks_with_update_and_reissues_the_cookie() {
        AuthRouter router = router(SessionStrategy.JWT);
        Map<String, String> browser = signIn(router);
        assertThat(jwtTriggers).containsExactly(CallbackTrigger.SIGN_UP);

        FakeExchange update = FakeExchange.post(browser)
                .param("csrfToken", csrfToken(browser))
                .param("data", "{\"nickname\":\"annie\"}");
        Reply reply = router.endpoint(update, Method.POST, "/session");

        assertThat(reply).isInstanceOfSatisfying(Reply.Json.class, json -> {
            assertThat(json.status()).isEqualTo(200);
            assertThat(body(json))
                    .containsEntry("trigger", "UPDATE")
                    .containsEntry("nickname", "annie")
                    .containsEntry("asked", "annie");
        });
        assertThat(jwtTriggers).containsExactly(CallbackTrigger.SIGN_UP, CallbackTrigger.UPDATE);
        assertThat(update.setCookie("authjs.session-token")).isPresent();
        Reply.Json read = (Reply.Json) router.endpoint(FakeExchange.get(update.browser()), Method.GET, "/session");
        assertThat(body(read))
                .as("the next read has the new claim and no trigger")
                .containsEntry("nickname", "annie")
                .containsEntry("trigger", "null");
    }

    @Test
    void an_update_whose_token_outgrows_a_cookie_is_a_400_and_keeps_the_old_cookie() {
        AuthRouter router = router(SessionStrategy.JWT);
        Map<String, String> browser = signIn(router);
        String before = browser.get("authjs.session-token");

        FakeExchange update = FakeExchange.post(browser)
                .param("csrfToken", csrfToken(browser))
                .param("data", "{\"bio\":\"" + "b".repeat(4000) + "\"}");
        Reply reply = router.endpoint(update, Method.POST, "/session");

        assertThat(reply).isInstanceOfSatisfying(Reply.Refusal.class, refusal -> {
            assertThat(refusal.status()).isEqualTo(400);
            assertThat(refusal.text()).contains("more than the 4096 a browser keeps", "JWT callback must copy less");
        });
        assertThat(update.setCookie("authjs.session-token")).isEmpty();
        assertThat(update.browser()).containsEntry("authjs.session-token", before);
        FakeExchange small = FakeExchange.post(browser)
                .param("csrfToken", csrfToken(browser))
                .param("data", "{\"bio\":\"" + "b".repeat(500) + "\"}");
        assertThat(router.endpoint(small, Method.POST, "/session")).isInstanceOf(Reply.Json.class);
        assertThat(small.setCookie("authjs.session-token"))
                .as("what fits is still issued")
                .isPresent();
    }

    @Test
    void a_database_session_update_gives_the_session_callback_update_and_the_data_and_writes_no_row() {
        AuthRouter router = router(SessionStrategy.DATABASE);
        Map<String, String> browser = signIn(router);
        Map<String, Object> rowsBefore = new HashMap<>(adapter.sessions);

        Reply reply = router.endpoint(
                FakeExchange.post(browser)
                        .param("csrfToken", csrfToken(browser))
                        .param("data", "{\"nickname\":\"annie\"}"),
                Method.POST,
                "/session");

        assertThat(reply)
                .isInstanceOfSatisfying(
                        Reply.Json.class,
                        json -> assertThat(body(json))
                                .containsEntry("trigger", "UPDATE")
                                .containsEntry("asked", "annie"));
        assertThat(sessionTriggers).containsExactly(CallbackTrigger.UPDATE);
        assertThat(adapter.sessions).isEqualTo(rowsBefore);
    }

    @Test
    void without_the_csrf_token_the_update_is_a_403_and_the_cookie_stays() {
        AuthRouter router = router(SessionStrategy.JWT);
        Map<String, String> browser = signIn(router);

        FakeExchange forged = FakeExchange.post(browser).param("data", "{\"nickname\":\"evil\"}");
        Reply reply = router.endpoint(forged, Method.POST, "/session");
        FakeExchange wrong =
                FakeExchange.post(browser).param("csrfToken", "not-the-token").param("data", "{\"nickname\":\"evil\"}");
        Reply wrongReply = router.endpoint(wrong, Method.POST, "/session");

        assertThat(reply).isEqualTo(new Reply.Json(403, Map.of("error", "MissingCSRF"), Map.of()));
        assertThat(wrongReply).isEqualTo(reply);
        assertThat(forged.setCookies()).isEmpty();
        assertThat(wrong.setCookies()).isEmpty();
        assertThat(jwtTriggers).doesNotContain(CallbackTrigger.UPDATE);
    }

    @Test
    void data_that_is_not_a_json_object_is_a_400_naming_the_field() {
        AuthRouter router = router(SessionStrategy.JWT);
        Map<String, String> browser = signIn(router);

        FakeExchange update = FakeExchange.post(browser)
                .param("csrfToken", csrfToken(browser))
                .param("data", "[1");
        Reply reply = router.endpoint(update, Method.POST, "/session");

        assertThat(reply).isInstanceOfSatisfying(Reply.Refusal.class, refusal -> {
            assertThat(refusal.status()).isEqualTo(400);
            assertThat(refusal.text()).contains("data", "JSON object");
        });
        assertThat(update.setCookies()).isEmpty();
    }

    @Test
    void an_anonymous_update_answers_an_empty_object_and_writes_nothing() {
        AuthRouter router = router(SessionStrategy.JWT);
        FakeExchange csrf = FakeExchange.get(Map.of());
        router.endpoint(csrf, Method.GET, "/csrf");

        FakeExchange update = FakeExchange.post(csrf.browser())
                .param("csrfToken", csrfToken(csrf.browser()))
                .param("data", "{\"sub\":\"someone-else\"}");
        Reply reply = router.endpoint(update, Method.POST, "/session");

        assertThat(reply).isEqualTo(Reply.Json.ok(Map.of()));
        assertThat(update.setCookies()).isEmpty();
        assertThat(jwtTriggers).isEmpty();
    }

    @Test
    void the_default_callbacks_copy_nothing_of_the_data_into_the_session() {
        AuthConfig config = AuthConfig.builder()
                .environment(name -> null)
                .url(BASE)
                .secret(SECRET)
                .adapter(adapter)
                .sessionStrategy(SessionStrategy.JWT)
                .provider(Providers.email("noreply@example.com").withSender(outbox::add))
                .build();
        AuthEngine engine = new AuthEngine(config);
        Map<String, String> browser = signIn(engine.router());
        String userId = adapter.users.keySet().iterator().next();

        FakeExchange update = FakeExchange.post(browser);
        UpdateSession.Outcome outcome = engine.updateSession(
                update, Map.of("sub", "another-user", "email", "mallory@example.com", "name", "Mallory"));

        assertThat(outcome.session()).hasValueSatisfying(session -> {
            assertThat(session.user().id()).isEqualTo(userId);
            assertThat(session.user().email()).isEqualTo("ann@example.com");
            assertThat(session.user().name()).isNull();
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Reply.Json json) {
        return (Map<String, Object>) json.body();
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
