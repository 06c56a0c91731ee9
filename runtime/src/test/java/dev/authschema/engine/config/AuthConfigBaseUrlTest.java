package dev.authschema.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authschema.engine.AuthEngine;
import dev.authschema.engine.testing.FakeExchange;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code AUTH_URL} and {@code AUTH_TRUST_HOST}: required outside development, validated, and what they do. */
class AuthConfigBaseUrlTest {

    private static final String SECRET = "config-test-secret-Vq3xR9tLmZ2pK7wYb4NcH8sJ";

    private static AuthConfig.Builder builder(String... settings) {
        Map<String, String> env = new HashMap<>();
        env.put("AUTH_SECRET", SECRET);
        for (int i = 0; i < settings.length; i += 2) {
            env.put(settings[i], settings[i + 1]);
        }
        return AuthConfig.builder().environment(env::get);
    }

    @Test
    void outside_development_a_missing_auth_url_is_refused_naming_both_settings() {
        assertThatThrownBy(() -> builder().build())
                .isInstanceOf(AuthConfigurationException.class)
                .hasMessageContaining("AUTH_URL is not set")
                .hasMessageContaining("Host header")
                .hasMessageContaining("AUTH_TRUST_HOST=true");
    }

    @Test
    void development_and_trust_host_may_run_without_auth_url() {
        assertThat(builder().development(true).build().url()).isEmpty();
        assertThat(builder("AUTH_TRUST_HOST", "true").build().trustHost()).isTrue();
        assertThat(builder("AUTH_TRUST_HOST", "1").build().trustHost()).isTrue();
        assertThat(builder().trustHost(true).build().trustHost()).isTrue();
    }

    @Test
    void a_malformed_trust_host_setting_is_refused() {
        assertThatThrownBy(() -> builder("AUTH_TRUST_HOST", "yes please").build())
                .hasMessageContaining("AUTH_TRUST_HOST is 'yes please'");
        assertThatThrownBy(() -> builder("AUTH_TRUST_HOST", "false").build())
                .hasMessageContaining("AUTH_URL is not set");
    }

    @Test
    void auth_url_is_normalised() {
        assertThat(builder("AUTH_URL", " https://Example.COM/app/ ").build().url())
                .contains("https://example.com/app");
        assertThat(builder().url("https://example.com/").build().url()).contains("https://example.com");
        assertThat(builder("AUTH_URL", "http://127.0.0.1:9080").build().url()).contains("http://127.0.0.1:9080");
        assertThat(builder("AUTH_URL", "http://localhost:9080/").build().url()).contains("http://localhost:9080");
        assertThat(builder("AUTH_URL", "http://192.168.1.20:9080")
                        .development(true)
                        .build()
                        .url())
                .contains("http://192.168.1.20:9080");
    }

    @Test
    void a_malformed_auth_url_is_refused_with_what_to_write() {
        assertThatThrownBy(() -> builder("AUTH_URL", "example.com/app").build())
                .hasMessageContaining("must be an absolute https://");
        assertThatThrownBy(() -> builder("AUTH_URL", "ftp://example.com").build())
                .hasMessageContaining("must be an absolute https://");
        assertThatThrownBy(() -> builder("AUTH_URL", "https://exa mple.com").build())
                .hasMessageContaining("AUTH_URL is not a URL");
        assertThatThrownBy(
                        () -> builder("AUTH_URL", "https://example.com/app?x=1").build())
                .hasMessageContaining("must not have a query");
        assertThatThrownBy(() -> builder("AUTH_URL", "https://example.com/#top").build())
                .hasMessageContaining("fragment");
        assertThatThrownBy(() ->
                        builder("AUTH_URL", "https://admin:hunter2@example.com").build())
                .hasMessageContaining("must not contain user:password@")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        assertThatThrownBy(() -> builder("AUTH_URL", "https:///app").build()).hasMessageContaining("has no host");
    }

    @Test
    void outside_development_http_is_refused_except_for_loopback_hosts() {
        assertThatThrownBy(() -> builder("AUTH_URL", "http://example.com").build())
                .hasMessageContaining("uses http:// outside development");
    }

    @Test
    void every_link_uses_auth_url_whatever_the_request_says() {
        AuthEngine engine =
                new AuthEngine(builder("AUTH_URL", "https://example.com/app").build());
        FakeExchange evil = new FakeExchange("GET", Map.of(), false, "http://evil.example/app")
                .header("Host", "evil.example")
                .header("X-Forwarded-Host", "evil.example");

        assertThat(engine.baseUrl(evil)).isEqualTo("https://example.com/app");
        assertThat(engine.errorUrl(evil, dev.authschema.engine.model.AuthErrorCode.Verification))
                .startsWith("https://example.com/app/");
        assertThat(engine.safeRedirect("http://evil.example/steal", engine.baseUrl(evil)))
                .isEqualTo("https://example.com/app");
    }

    @Test
    void with_trust_host_the_forwarded_host_is_used() {
        AuthEngine engine = new AuthEngine(builder("AUTH_TRUST_HOST", "true").build());
        FakeExchange proxied = new FakeExchange("GET", Map.of(), false, "http://10.0.0.5:8080/app")
                .header("Host", "10.0.0.5:8080")
                .header("X-Forwarded-Host", "auth.example.com")
                .header("X-Forwarded-Proto", "https");

        assertThat(engine.baseUrl(proxied)).isEqualTo("https://auth.example.com/app");
        assertThat(engine.secureCookies(proxied))
                .as("the browser's side is HTTPS")
                .isTrue();
        assertThat(new AuthEngine(builder("AUTH_URL", "http://127.0.0.1:9080").build()).secureCookies(proxied))
                .as("with AUTH_URL the forwarded proto is not trusted")
                .isFalse();
    }
}
