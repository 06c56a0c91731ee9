package dev.authschema.engine.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.engine.AuthEngine;
import dev.authschema.engine.actions.AuthRouter.Method;
import dev.authschema.engine.config.AuthConfig;
import dev.authschema.engine.config.AuthEvents;
import dev.authschema.engine.config.CallbackTrigger;
import dev.authschema.engine.config.Callbacks;
import dev.authschema.engine.config.JwtCallback;
import dev.authschema.engine.config.Providers;
import dev.authschema.engine.config.SessionStrategy;
import dev.authschema.engine.config.SignInCallback;
import dev.authschema.engine.config.SignInDecision;
import dev.authschema.engine.mail.VerificationEmail;
import dev.authschema.engine.model.AuthSession;
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

/** Auth.js's events on every path, the JWT callback's trigger, and the signIn callback's redirect. */
class EventsAndCallbacksTest {

    private static final String SECRET = "events-test-secret-Hq8vT2mXc5LpR9wZb3NdK7sJ";
    private static final String BASE = "http://localhost:8080/app";

    private final InMemoryAdapter adapter = new InMemoryAdapter();
    private final List<VerificationEmail> outbox = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final List<CallbackTrigger> jwtTriggers = new ArrayList<>();

    private final AuthEvents recorder = new AuthEvents() {
        @Override
        public void signIn(AdapterUser user, AdapterAccount account, String provider, boolean isNewUser) {
            events.add("signIn:" + provider + ":" + isNewUser);
        }

        @Override
        public void signOut(String userId) {
            events.add("signOut");
        }

        @Override
        public void createUser(AdapterUser user) {
            events.add("createUser:" + user.email());
        }

        @Override
        public void updateUser(AdapterUser user) {
            events.add("updateUser:" + (user.emailVerified() != null));
        }

        @Override
        public void session(AuthSession session) {
            events.add("session");
        }
    };

    private AuthConfig.Builder config() {
        return AuthConfig.builder()
                .environment(name -> null)
                .url(BASE)
                .secret(SECRET)
                .adapter(adapter)
                .provider(Providers.email("noreply@example.com").withSender(outbox::add))
                .events(recorder);
    }

    private FakeExchange signIn(AuthRouter router, String email) {
        FakeExchange start = FakeExchange.post(Map.of());
        router.service(start, new SignIn.Request("email", null, email));
        Map<String, String> link = query(outbox.get(outbox.size() - 1).url());
        FakeExchange confirm = FakeExchange.post(start.browser());
        router.service(confirm, new Callback.EmailRequest("email", link.get("email"), link.get("token"), null));
        return confirm;
    }

    @Test
    void an_e_mail_sign_up_fires_create_user_then_sign_in_and_a_known_address_fires_neither_create_nor_update() {
        AuthRouter router = new AuthEngine(config().build()).router();

        signIn(router, "ann@example.com");
        signIn(router, "ann@example.com");

        assertThat(events).containsExactly("createUser:ann@example.com", "signIn:email:true", "signIn:email:false");
    }

    @Test
    void an_e_mail_sign_in_that_verifies_a_stored_address_fires_update_user() {
        adapter.createUser(new AdapterUser(null, null, "bob@example.com", null, null, Map.of()));
        AuthRouter router = new AuthEngine(config().build()).router();

        signIn(router, "bob@example.com");

        assertThat(events).containsExactly("updateUser:true", "signIn:email:false");
    }

    @Test
    void the_session_endpoint_fires_the_session_event_only_with_a_session_and_sign_out_fires_sign_out() {
        AuthRouter router = new AuthEngine(config().build()).router();
        router.endpoint(FakeExchange.get(Map.of()), Method.GET, "/session");
        FakeExchange signedIn = signIn(router, "ann@example.com");
        events.clear();

        router.endpoint(FakeExchange.get(signedIn.browser()), Method.GET, "/session");
        router.service(FakeExchange.post(signedIn.browser()), new SignOut.Request(null));

        assertThat(events).containsExactly("session", "signOut");
    }

    @Test
    void a_throwing_listener_is_logged_and_the_sign_in_still_happens() {
        AuthRouter router = new AuthEngine(config().events(new AuthEvents() {
                            @Override
                            public void createUser(AdapterUser user) {
                                throw new IllegalStateException("audit log down");
                            }
                        })
                        .build())
                .router();

        FakeExchange signedIn = signIn(router, "ann@example.com");

        assertThat(signedIn.setCookie("authjs.session-token")).isPresent();
        assertThat(adapter.sessions).hasSize(1);
    }

    @Test
    void the_jwt_callback_sees_sign_up_on_the_first_sign_in_and_sign_in_afterwards() {
        AuthRouter router = new AuthEngine(config().sessionStrategy(SessionStrategy.JWT)
                        .callbacks(Callbacks.defaults().withJwt(JwtCallback.withTrigger(input -> {
                            jwtTriggers.add(input.trigger());
                            return input.token();
                        })))
                        .build())
                .router();

        signIn(router, "ann@example.com");
        signIn(router, "ann@example.com");

        assertThat(jwtTriggers).containsExactly(CallbackTrigger.SIGN_UP, CallbackTrigger.SIGN_IN);
    }

    @Test
    void a_sign_in_callback_redirect_sends_the_browser_there_and_sends_no_mail() {
        SignInCallback waitlist = SignInCallback.deciding((user, account, profile, provider) ->
                user.id() == null ? SignInDecision.redirect("/app/waitlist") : SignInDecision.allow());
        AuthRouter router = new AuthEngine(
                        config().callbacks(Callbacks.defaults().withSignIn(waitlist))
                                .build())
                .router();

        String service =
                router.service(FakeExchange.post(Map.of()), new SignIn.Request("email", null, "new@example.com"));

        assertThat(service).isEqualTo(BASE + "/waitlist");
        assertThat(outbox).isEmpty();
        assertThat(adapter.tokens).isEmpty();
    }

    @Test
    void a_sign_in_callback_redirect_to_another_site_is_replaced_by_the_redirect_policy() {
        SignInCallback offsite = SignInCallback.deciding(
                (user, account, profile, provider) -> SignInDecision.redirect("https://evil.example/phish"));
        AuthRouter router = new AuthEngine(
                        config().callbacks(Callbacks.defaults().withSignIn(offsite))
                                .build())
                .router();
        FakeExchange csrf = FakeExchange.get(Map.of());
        router.endpoint(csrf, Method.GET, "/csrf");

        Reply reply = router.endpoint(
                FakeExchange.post(csrf.browser())
                        .param("email", "new@example.com")
                        .param(
                                "csrfToken",
                                csrf.browser().get("authjs.csrf-token").split("\\|")[0]),
                Method.POST,
                "/signin/email");

        assertThat(reply).isEqualTo(new Reply.Redirect(BASE));
        assertThat(outbox).isEmpty();
    }

    @Test
    void a_plain_boolean_sign_in_callback_still_denies_with_access_denied() {
        AuthRouter router = new AuthEngine(
                        config().callbacks(Callbacks.defaults().withSignIn((user, account, profile, provider) -> false))
                                .build())
                .router();

        String service =
                router.service(FakeExchange.post(Map.of()), new SignIn.Request("email", null, "new@example.com"));

        assertThat(service).isEqualTo(BASE + "/api/auth/error?error=AccessDenied");
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
