package dev.authschema.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void the_defaults_refuse_sniffing_framing_and_cross_origin_referrers() {
        assertThat(SecurityHeaders.defaults().headers())
                .containsExactly(
                        java.util.Map.entry("X-Content-Type-Options", "nosniff"),
                        java.util.Map.entry("Referrer-Policy", "strict-origin-when-cross-origin"),
                        java.util.Map.entry("X-Frame-Options", "DENY"),
                        java.util.Map.entry("Content-Security-Policy", "frame-ancestors 'none'"));
        assertThat(SecurityHeaders.defaults().noStoreWhenSignedIn()).isTrue();
        assertThat(AuthConfig.builder()
                        .secret("s".repeat(40))
                        .development(true)
                        .environment(name -> null)
                        .build()
                        .securityHeaders())
                .isEqualTo(SecurityHeaders.defaults());
    }

    @Test
    void with_replaces_whatever_the_case_and_without_removes() {
        SecurityHeaders changed = SecurityHeaders.defaults()
                .with("content-security-policy", "default-src 'self'; frame-ancestors 'none'")
                .with("Strict-Transport-Security", "max-age=31536000")
                .without("x-frame-options");
        assertThat(changed.headers())
                .containsEntry("content-security-policy", "default-src 'self'; frame-ancestors 'none'")
                .containsEntry("Strict-Transport-Security", "max-age=31536000")
                .doesNotContainKeys("Content-Security-Policy", "X-Frame-Options");
        assertThat(SecurityHeaders.defaults().headers()).containsKey("X-Frame-Options");
        assertThat(SecurityHeaders.none().headers()).isEmpty();
        assertThat(SecurityHeaders.none().noStoreWhenSignedIn()).isFalse();
    }

    @Test
    void header_injection_is_refused_with_a_message() {
        assertThatThrownBy(() -> SecurityHeaders.defaults().with("X-A", "1\r\nSet-Cookie: x=y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line break");
        assertThatThrownBy(() -> SecurityHeaders.defaults().with("Bad Name:", "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid header name");
    }
}
