package dev.authschema.engine.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AdapterUser;
import dev.authschema.engine.AuthEngine;
import dev.authschema.engine.actions.AuthRouter.Method;
import dev.authschema.engine.config.AuthConfig;
import dev.authschema.engine.config.Callbacks;
import dev.authschema.engine.config.Providers;
import dev.authschema.engine.config.SignInCallback;
import dev.authschema.engine.mail.VerificationEmail;
import dev.authschema.engine.ratelimit.RateLimitSettings;
import dev.authschema.engine.testing.FakeExchange;
import dev.authschema.engine.testing.InMemoryAdapter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A signIn callback that decides on the address (a domain allow-list) answers a sign-up with a taken address as it
 * answers one with a new address: else the refusal tells which addresses outside the list have an account.
 */
class SignUpCallbackEnumerationTest {

    private final InMemoryAdapter adapter = new InMemoryAdapter();
    private final List<VerificationEmail> outbox = new ArrayList<>();
    private final SignInCallback corpOnly = (user, account, profile, provider) ->
            user.email() != null && user.email().endsWith("@corp.example");
    private final AuthEngine engine = new AuthEngine(AuthConfig.builder()
            .rateLimits(RateLimitSettings.off())
            .environment(name -> null)
            .url("http://localhost:8080/app")
            .secret("sign-up-callback-secret-Hq8vT2mXc5LpR9wZb3NdK7sJ")
            .adapter(adapter)
            .callbacks(Callbacks.defaults().withSignIn(corpOnly))
            .provider(Providers.email("noreply@example.com").withSender(outbox::add))
            .provider(Providers.password())
            .build());

    private String signUp(String email) {
        FakeExchange csrf = FakeExchange.get(Map.of());
        engine.router().endpoint(csrf, Method.GET, "/csrf");
        Map<String, String> browser = csrf.browser();
        FakeExchange post = FakeExchange.post(browser)
                .param("csrfToken", browser.get("authjs.csrf-token").split("\\|")[0])
                .param("email", email)
                .param("password", "correct horse battery staple");
        return ((Reply.Redirect) engine.router().endpoint(post, Method.POST, "/signup/password")).url();
    }

    @Test
    void a_taken_address_outside_the_allow_list_is_answered_as_a_new_one() {
        // An account the allow-list does not cover: made before the list, by an administrator or by a provider.
        adapter.createUser(new AdapterUser(
                null, null, "ann@gmail.example", Instant.parse("2026-01-01T00:00:00Z"), null, Map.of()));

        String taken = signUp("ann@gmail.example");
        String fresh = signUp("bob@gmail.example");

        assertThat(fresh)
                .as("the callback refuses a new address outside the list")
                .contains("AccessDenied");
        assertThat(taken).as("the same answer for a taken one").isEqualTo(fresh);
        assertThat(outbox).as("nobody outside the list gets mail").isEmpty();
        assertThat(adapter.users).hasSize(1);
    }
}
