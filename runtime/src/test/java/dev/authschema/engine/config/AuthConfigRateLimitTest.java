package dev.authschema.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authschema.engine.ratelimit.RateLimitRule;
import dev.authschema.engine.ratelimit.RateLimitSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rate limits' options through {@link AuthConfig}: defaults per mode, the environment, the builder. */
class AuthConfigRateLimitTest {

    private static final String SECRET = "config-test-secret-Vq3xR9tLmZ2pK7wYb4NcH8sJ";

    private static AuthConfig.Builder builder(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(settings);
        env.putIfAbsent("AUTH_SECRET", SECRET);
        env.putIfAbsent("AUTH_URL", "https://app.example.com");
        return AuthConfig.builder().environment(env::get);
    }

    @Test
    void on_with_the_defaults_outside_development_and_off_in_development() {
        assertThat(builder(Map.of()).build().rateLimits()).isEqualTo(RateLimitSettings.defaults());
        assertThat(builder(Map.of()).development(true).build().rateLimits().enabled())
                .isFalse();
        assertThat(builder(Map.of()).build().toString()).contains("rateLimits=on (POST per client 100/PT1M");
    }

    @Test
    void the_environment_sets_them_and_the_builder_wins() {
        AuthConfig fromEnvironment =
                builder(Map.of("AUTH_RATE_LIMIT_EMAIL_ADDRESS", "5/1h")).build();
        assertThat(fromEnvironment.rateLimits().emailPerAddress()).isEqualTo(RateLimitRule.of(5, Duration.ofHours(1)));

        AuthConfig fromBuilder = builder(Map.of("AUTH_RATE_LIMIT", "off"))
                .rateLimits(RateLimitSettings.defaults().withPost(RateLimitRule.of(300, Duration.ofMinutes(1))))
                .build();
        assertThat(fromBuilder.rateLimits().enabled()).isTrue();
        assertThat(fromBuilder.rateLimits().post()).isEqualTo(RateLimitRule.of(300, Duration.ofMinutes(1)));
    }

    @Test
    void an_unreadable_value_stops_the_start_naming_the_variable() {
        assertThatThrownBy(() -> builder(Map.of("AUTH_RATE_LIMIT", "sometimes", "AUTH_RATE_LIMIT_POST", "lots"))
                        .build())
                .isInstanceOfSatisfying(
                        AuthConfigurationException.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(p -> assertThat(p).contains("AUTH_RATE_LIMIT is 'sometimes'"))
                                .anySatisfy(p ->
                                        assertThat(p).contains("AUTH_RATE_LIMIT_POST is 'lots', not a rate limit")));
    }
}
