package dev.authschema.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The clean-up timer's options: builder values, {@code AUTH_CLEANUP_*} from the environment, and their checks. */
class AuthConfigCleanupTest {

    private static final String SECRET = "test-secret-JpjzYDAjCFxw9DEaORmPWHYg__ZHY5ga";

    private static AuthConfig.Builder builder(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(settings);
        env.putIfAbsent("AUTH_SECRET", SECRET);
        env.putIfAbsent("AUTH_URL", "https://example.com");
        return AuthConfig.builder().environment(env::get);
    }

    @Test
    void by_default_hourly_with_a_random_first_delay() {
        AuthConfig config = builder(Map.of()).build();

        assertThat(config.cleanupInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(config.cleanupFirstDelay()).isEmpty();
    }

    @Test
    void iso_8601_durations_from_the_environment() {
        AuthConfig config = builder(Map.of("AUTH_CLEANUP_INTERVAL", " PT30M ", "AUTH_CLEANUP_FIRST_DELAY", "pt2m"))
                .build();

        assertThat(config.cleanupInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.cleanupFirstDelay()).contains(Duration.ofMinutes(2));
        assertThat(config.toString()).contains("cleanupInterval=PT30M");
    }

    @Test
    void a_zero_first_delay_runs_the_first_pass_at_once() {
        assertThat(builder(Map.of("AUTH_CLEANUP_FIRST_DELAY", "PT0S")).build().cleanupFirstDelay())
                .contains(Duration.ZERO);
    }

    @Test
    void blank_settings_mean_the_defaults() {
        AuthConfig config = builder(Map.of("AUTH_CLEANUP_INTERVAL", "  ", "AUTH_CLEANUP_FIRST_DELAY", ""))
                .build();

        assertThat(config.cleanupInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(config.cleanupFirstDelay()).isEmpty();
    }

    @Test
    void builder_values_win_over_the_environment_even_a_malformed_one() {
        AuthConfig config = builder(Map.of("AUTH_CLEANUP_INTERVAL", "every hour", "AUTH_CLEANUP_FIRST_DELAY", "soon"))
                .cleanupInterval(Duration.ofMinutes(5))
                .cleanupFirstDelay(Duration.ofSeconds(30))
                .build();

        assertThat(config.cleanupInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.cleanupFirstDelay()).contains(Duration.ofSeconds(30));
    }

    @Test
    void a_malformed_duration_is_refused_naming_the_variable_its_value_and_the_format() {
        assertThatThrownBy(() -> builder(Map.of("AUTH_CLEANUP_INTERVAL", "1h")).build())
                .isInstanceOf(AuthConfigurationException.class)
                .hasMessageContaining("AUTH_CLEANUP_INTERVAL is '1h', not an ISO-8601 duration")
                .hasMessageContaining("PT1H");
    }

    @Test
    void malformed_settings_are_reported_with_every_other_problem_at_once() {
        Map<String, String> env = new HashMap<>();
        env.put("AUTH_CLEANUP_INTERVAL", "3600");
        env.put("AUTH_CLEANUP_FIRST_DELAY", "10 minutes");
        assertThatThrownBy(() -> AuthConfig.builder().environment(env::get).build())
                .isInstanceOfSatisfying(
                        AuthConfigurationException.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(p ->
                                        assertThat(p).startsWith("cleanupInterval: AUTH_CLEANUP_INTERVAL is '3600'"))
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith("cleanupFirstDelay: AUTH_CLEANUP_FIRST_DELAY is '10 minutes'"))
                                .anySatisfy(p -> assertThat(p).contains("AUTH_SECRET is not set")));
    }

    @Test
    void an_interval_under_a_second_is_refused() {
        assertThatThrownBy(
                        () -> builder(Map.of("AUTH_CLEANUP_INTERVAL", "PT0.5S")).build())
                .hasMessageContaining("cleanupInterval (AUTH_CLEANUP_INTERVAL): must be at least PT1S")
                .hasMessageContaining("is PT0.5S");
        assertThatThrownBy(
                        () -> builder(Map.of()).cleanupInterval(Duration.ZERO).build())
                .hasMessageContaining("must be at least PT1S");
    }

    @Test
    void a_negative_first_delay_is_refused() {
        assertThatThrownBy(() ->
                        builder(Map.of("AUTH_CLEANUP_FIRST_DELAY", "-PT5S")).build())
                .hasMessageContaining("cleanupFirstDelay (AUTH_CLEANUP_FIRST_DELAY): must not be negative, is PT-5S");
    }

    @Test
    void one_second_and_a_zero_delay_are_the_smallest_accepted() {
        AuthConfig config = builder(Map.of("AUTH_CLEANUP_INTERVAL", "PT1S", "AUTH_CLEANUP_FIRST_DELAY", "PT0S"))
                .build();

        assertThat(config.cleanupInterval()).isEqualTo(Duration.ofSeconds(1));
    }
}
