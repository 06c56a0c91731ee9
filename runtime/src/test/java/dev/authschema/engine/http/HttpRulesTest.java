package dev.authschema.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpRulesTest {

    private static final String BASE = "https://example.com/app";

    @Test
    void cookie_names_are_auth_js_names_prefixed_under_https() {
        AuthCookies plain = new AuthCookies(false);
        AuthCookies secure = new AuthCookies(true);

        assertThat(plain.sessionToken()).isEqualTo("authjs.session-token");
        assertThat(plain.csrfToken()).isEqualTo("authjs.csrf-token");
        assertThat(secure.sessionToken()).isEqualTo("__Secure-authjs.session-token");
        assertThat(secure.csrfToken()).isEqualTo("__Host-authjs.csrf-token");
        assertThat(secure.callbackUrl()).isEqualTo("__Secure-authjs.callback-url");
        assertThat(secure.pkceCodeVerifier()).isEqualTo("__Secure-authjs.pkce.code_verifier");
        assertThat(secure.state()).isEqualTo("__Secure-authjs.state");
        assertThat(secure.nonce()).isEqualTo("__Secure-authjs.nonce");
    }

    @Test
    void cookies_are_http_only_lax_and_secure_when_asked() {
        assertThat(new CookieSpec("__Secure-a", "v", Duration.ofMinutes(15), true).toSetCookieHeader())
                .isEqualTo("__Secure-a=v; Path=/; Max-Age=900; HttpOnly; SameSite=Lax; Secure");
        assertThat(new CookieSpec("a", "v", null, false).toSetCookieHeader())
                .isEqualTo("a=v; Path=/; HttpOnly; SameSite=Lax");
        assertThat(CookieSpec.delete("a", false).toSetCookieHeader()).contains("Max-Age=0");
        assertThat(new CookieSpec("a", "secret-value", null, false).toString()).doesNotContain("secret-value");
    }

    @ParameterizedTest
    @CsvSource({
        "/dashboard, https://example.com/dashboard",
        "/app/page?x=1, https://example.com/app/page?x=1",
        "https://example.com/app/x, https://example.com/app/x",
        "https://EXAMPLE.com:443/y, https://EXAMPLE.com:443/y"
    })
    void relative_paths_and_same_origin_urls_are_allowed(String url, String expected) {
        assertThat(RedirectPolicy.sameOrigin(url, BASE)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://evil.example/",
                "//evil.example/x",
                "/\\evil.example",
                "http://example.com/x",
                "https://example.com:8443/x",
                "javascript:alert(1)",
                "https://example.com.evil.example/",
                "https://example.com@evil.example/",
                "/x\r\nSet-Cookie: a=b",
                "",
                "not a url"
            })
    void anything_else_goes_to_the_base_url(String url) {
        assertThat(RedirectPolicy.sameOrigin(url, BASE)).isEqualTo(BASE);
    }

    @Test
    void null_goes_to_the_base_url() {
        assertThat(RedirectPolicy.sameOrigin(null, BASE)).isEqualTo(BASE);
    }

    @Test
    void csrf_token_round_trips_and_rejects_forgeries() {
        CsrfTokens csrf = new CsrfTokens("secret-one-that-is-long-enough-123456");
        CsrfTokens.Issued issued = csrf.issue();

        assertThat(csrf.verify(issued.cookieValue(), issued.token())).isTrue();
        assertThat(csrf.tokenOf(issued.cookieValue())).contains(issued.token());
        assertThat(csrf.verify(issued.cookieValue(), "other")).isFalse();
        assertThat(csrf.verify(issued.cookieValue(), null)).isFalse();
        assertThat(csrf.verify(null, issued.token())).isFalse();
        assertThat(csrf.verify("attacker|" + "0".repeat(64), "attacker")).isFalse();
        assertThat(new CsrfTokens("another-secret-that-is-long-enough-1234")
                        .verify(issued.cookieValue(), issued.token()))
                .isFalse();
        assertThat(issued.toString()).doesNotContain(issued.token());
    }
}
