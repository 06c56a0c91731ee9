package dev.authschema.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AdapterUser;
import dev.authschema.engine.crypto.SecretRing;
import dev.authschema.engine.http.AuthCookies;
import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.log.FlowLog;
import dev.authschema.engine.model.AuthSession;
import dev.authschema.engine.testing.FakeExchange;
import dev.authschema.engine.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtSessionStoreTest {

    private static final String COOKIE = AuthCookies.SESSION_TOKEN;
    private static final String SECRET = "jwt-test-secret-that-is-long-enough-1234";

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final JwtSessionStore store = store(SECRET);
    private final AdapterUser user = new AdapterUser(
            "u-1", "Ann", "ann@example.com", null, "https://img", Map.of("role", "editor", "internal", "not-copied"));

    private JwtSessionStore store(String secret) {
        return new JwtSessionStore(
                SecretRing.parse(secret),
                Duration.ofDays(30),
                Duration.ofHours(24),
                clock,
                HttpExchange::secure,
                (token, u, account) -> {
                    Map<String, Object> copy = new HashMap<>(token);
                    if (u != null) {
                        copy.put("plan", "pro");
                    }
                    return copy;
                },
                "role",
                new FlowLog(false));
    }

    private Map<String, String> signIn() {
        FakeExchange exchange = FakeExchange.post(Map.of());
        store.start(exchange, user, null);
        return exchange.browser();
    }

    @Test
    void the_cookie_is_an_encrypted_jwt_that_reads_back_the_user_and_claims() {
        Map<String, String> browser = signIn();

        assertThat(browser.get(COOKIE).split("\\.")).hasSize(5);
        assertThat(browser.get(COOKIE)).doesNotContain("ann");
        AuthSession session = store.read(FakeExchange.get(browser)).orElseThrow();
        assertThat(session.user().id()).isEqualTo("u-1");
        assertThat(session.user().email()).isEqualTo("ann@example.com");
        assertThat(session.user().image()).isEqualTo("https://img");
        assertThat(session.user().attributes())
                .containsEntry("role", "editor")
                .containsEntry("plan", "pro")
                .doesNotContainKey("internal");
    }

    @Test
    void tampered_truncated_and_foreign_tokens_are_anonymous() {
        String token = signIn().get(COOKIE);

        assertThat(store.read(FakeExchange.get(Map.of(COOKIE, token.substring(0, token.length() - 3)))))
                .isEmpty();
        assertThat(store.read(FakeExchange.get(Map.of(COOKIE, token.replace('.', '_')))))
                .isEmpty();
        assertThat(store.read(FakeExchange.get(Map.of(COOKIE, "garbage")))).isEmpty();
        assertThat(store("another-secret-that-is-long-enough-0000").read(FakeExchange.get(Map.of(COOKIE, token))))
                .isEmpty();
    }

    @Test
    void an_expired_token_is_anonymous_and_cleared() {
        Map<String, String> browser = signIn();
        clock.advance(Duration.ofDays(30));

        FakeExchange read = FakeExchange.get(browser);
        assertThat(store.read(read)).isEmpty();
        assertThat(read.browser()).doesNotContainKey(COOKIE);
    }

    @Test
    void the_token_is_reissued_after_update_age_only() {
        Map<String, String> browser = signIn();
        clock.advance(Duration.ofHours(1));
        FakeExchange early = FakeExchange.get(browser);
        store.read(early);
        assertThat(early.setCookies()).isEmpty();

        clock.advance(Duration.ofHours(24));
        FakeExchange late = FakeExchange.get(browser);
        AuthSession renewed = store.read(late).orElseThrow();
        assertThat(renewed.expires()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        assertThat(late.setCookie(COOKIE)).isPresent();
        assertThat(renewed.user().attributes()).containsEntry("plan", "pro");
    }

    @Test
    void sign_out_clears_the_cookie() {
        FakeExchange out = FakeExchange.post(signIn());

        assertThat(store.end(out)).contains("u-1");
        assertThat(out.browser()).doesNotContainKey(COOKIE);
    }
}
