package dev.authschema.engine.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.engine.config.AuthConfig;
import dev.authschema.engine.config.Providers;
import dev.authschema.engine.testing.InMemoryAdapter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitRetentionTest {

    private static AuthConfig.Builder config() {
        return AuthConfig.builder().development(true).adapter(new InMemoryAdapter());
    }

    @Test
    void rate_limit_rows_are_kept_for_the_longest_window_without_codes() {
        assertThat(ExpiredRowsCleanup.rateLimitRetention(
                        config().provider(Providers.email("a@example.com")).build()))
                .isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void a_code_attempt_budget_outlives_its_code_so_the_clean_up_never_hands_out_a_fresh_one() {
        AuthConfig config = config().provider(
                        Providers.emailCode("a@example.com").withMaxAge(Duration.ofMinutes(45)))
                .build();

        assertThat(ExpiredRowsCleanup.rateLimitRetention(config)).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void with_a_passkey_provider_used_challenge_marks_are_kept_twice_a_challenges_longest_lifetime() {
        AuthConfig config = config().provider(Providers.passkey()).build();

        assertThat(ExpiredRowsCleanup.rateLimitRetention(config)).isEqualTo(Duration.ofMinutes(30));
    }
}
