package dev.authschema.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.engine.actions.AuthRouter.Method;
import dev.authschema.engine.actions.Callback;
import dev.authschema.engine.actions.Reply;
import dev.authschema.engine.actions.SignIn;
import dev.authschema.engine.config.AuthConfig;
import dev.authschema.engine.config.Providers;
import dev.authschema.engine.config.SessionStrategy;
import dev.authschema.engine.mail.VerificationEmail;
import dev.authschema.engine.testing.FakeExchange;
import dev.authschema.engine.testing.InMemoryAdapter;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One application before, during and after a rotation (three engines on one adapter, as three restarts of a server):
 * what the old secret made keeps working while it is listed second, and stops once it is removed.
 */
class RotationFlowTest {

    private static final String OLD = "old-secret-Hq8vT2mXc5LpR9wZb3NdK7sJyF4aGe1u";
    private static final String NEW = "new-secret-2K-KizgkO7p9kGUXzKFVI3wZ782MtJrR";
    private static final String BASE = "http://localhost:8080/app";

    private final InMemoryAdapter adapter = new InMemoryAdapter();
    private final List<VerificationEmail> outbox = new ArrayList<>();

    private AuthEngine engine(String secrets) {
        return new AuthEngine(AuthConfig.builder()
                .environment(name -> "AUTH_SECRET".equals(name) ? secrets : null)
                .url(BASE)
                .adapter(adapter)
                .sessionStrategy(SessionStrategy.JWT)
                .provider(Providers.email("noreply@example.com").withSender(outbox::add))
                .build());
    }

    private Map<String, String> requestLink(AuthEngine engine) {
        engine.router().service(FakeExchange.post(Map.of()), new SignIn.Request("email", null, "ann@example.com"));
        return query(outbox.get(outbox.size() - 1).url());
    }

    private static FakeExchange confirm(AuthEngine engine, Map<String, String> link) {
        FakeExchange confirm = FakeExchange.post(Map.of());
        engine.router()
                .service(confirm, new Callback.EmailRequest("email", link.get("email"), link.get("token"), null));
        return confirm;
    }

    @Test
    void a_link_mailed_before_the_rotation_signs_in_during_it_and_is_dead_after_it() {
        AuthEngine before = engine(OLD);
        Map<String, String> early = requestLink(before);
        Map<String, String> late = requestLink(before);

        FakeExchange during = confirm(engine(NEW + "," + OLD), early);
        assertThat(during.setCookie("authjs.session-token")).isPresent();

        FakeExchange after = confirm(engine(NEW), late);
        assertThat(after.setCookie("authjs.session-token")).isEmpty();
        assertThat(adapter.tokens)
                .as("the refused link's row is left as it was")
                .hasSize(1);
    }

    @Test
    void a_jwt_session_of_the_old_secret_is_read_and_resealed_during_the_rotation_and_refused_after_it() {
        FakeExchange signedIn = confirm(engine(OLD), requestLink(engine(OLD)));
        Map<String, String> oldCookies = signedIn.browser();
        AuthEngine during = engine(NEW + "," + OLD);

        FakeExchange read = FakeExchange.get(oldCookies);
        assertThat(during.session(read)).isPresent();
        assertThat(read.setCookie("authjs.session-token"))
                .as("re-sealed with the new secret at once")
                .isPresent();

        AuthEngine after = engine(NEW);
        assertThat(after.session(FakeExchange.get(oldCookies)))
                .as("the old cookie after the rotation")
                .isEmpty();
        assertThat(after.session(FakeExchange.get(read.browser())))
                .as("the re-sealed cookie")
                .isPresent();
    }

    @Test
    void a_csrf_cookie_of_the_old_secret_passes_during_the_rotation_and_fails_after_it() {
        FakeExchange csrf = FakeExchange.get(Map.of());
        String token = engine(OLD).csrfToken(csrf);

        Reply during = engine(NEW + "," + OLD)
                .router()
                .endpoint(FakeExchange.post(csrf.browser()).param("csrfToken", token), Method.POST, "/signout");
        Reply after = engine(NEW)
                .router()
                .endpoint(FakeExchange.post(csrf.browser()).param("csrfToken", token), Method.POST, "/signout");

        assertThat(during).isEqualTo(new Reply.Redirect(BASE));
        assertThat(after).isEqualTo(new Reply.Redirect(BASE + "/api/auth/error?error=MissingCSRF"));
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
