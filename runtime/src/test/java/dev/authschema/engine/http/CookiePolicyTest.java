package dev.authschema.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.engine.testing.FakeExchange;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine's one rule for Secure, prefixed cookies, and the names and flags that follow from it. */
class CookiePolicyTest {

    private static FakeExchange plain() {
        return new FakeExchange("GET", Map.of(), false, "http://127.0.0.1:9080/app");
    }

    @Test
    void secure_over_https_or_with_an_https_auth_url_or_when_forced() {
        assertThat(CookiePolicy.of(null, "http://127.0.0.1:9080", false).secure(plain()))
                .isFalse();
        assertThat(CookiePolicy.of(null, "http://127.0.0.1:9080", false)
                        .secure(new FakeExchange("GET", Map.of(), true, "https://127.0.0.1/app")))
                .isTrue();
        assertThat(CookiePolicy.of(null, "https://example.com/app", false).secure(plain()))
                .isTrue();
        assertThat(CookiePolicy.of(true, null, false).secure(plain())).isTrue();
        assertThat(CookiePolicy.of(false, "https://example.com", false)
                        .secure(new FakeExchange("GET", Map.of(), true, "https://example.com")))
                .isFalse();
    }

    @Test
    void a_forwarded_https_counts_only_with_trust_host_and_no_auth_url() {
        FakeExchange proxied = plain().header("X-Forwarded-Proto", "https");

        assertThat(CookiePolicy.of(null, null, true).secure(proxied)).isTrue();
        assertThat(CookiePolicy.of(null, null, false).secure(proxied)).isFalse();
        assertThat(CookiePolicy.of(null, "http://127.0.0.1:9080", true).secure(proxied))
                .isFalse();
    }

    @Test
    void names_and_flags_follow_the_one_decision() {
        CookiePolicy secure = exchange -> true;
        FakeExchange exchange = plain();

        secure.set(exchange, AuthCookies::sessionToken, "value", Duration.ofMinutes(5));
        secure.delete(exchange, AuthCookies::csrfToken);

        assertThat(exchange.setCookie("__Secure-" + AuthCookies.SESSION_TOKEN))
                .hasValueSatisfying(cookie -> assertThat(cookie.toSetCookieHeader())
                        .isEqualTo("__Secure-authjs.session-token=value; Path=/;"
                                + " Max-Age=300; HttpOnly; SameSite=Lax; Secure"));
        assertThat(exchange.setCookie("__Host-" + AuthCookies.CSRF_TOKEN))
                .hasValueSatisfying(cookie -> assertThat(cookie.maxAge()).isZero());
        assertThat(((CookiePolicy) e -> false).names(exchange).sessionToken()).isEqualTo(AuthCookies.SESSION_TOKEN);
    }
}
