package dev.authschema.engine.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the rate limits from the environment, and the messages for unreadable values. */
class RateLimitSettingsTest {

    private final List<String> problems = new ArrayList<>();

    private RateLimitSettings read(Map<String, String> env, boolean development) {
        return RateLimitSettings.fromEnvironment(env::get, development, problems);
    }

    @Test
    void on_with_better_auth_like_defaults_outside_development_and_off_in_development() {
        RateLimitSettings production = read(Map.of(), false);
        assertThat(production.enabled()).isTrue();
        assertThat(production.post()).isEqualTo(RateLimitRule.of(100, Duration.ofSeconds(60)));
        assertThat(production.emailPerAddress()).isEqualTo(RateLimitRule.of(3, Duration.ofMinutes(10)));
        assertThat(production.emailPerClient()).isEqualTo(RateLimitRule.of(10, Duration.ofMinutes(10)));
        assertThat(read(Map.of(), true).enabled()).isFalse();
        assertThat(problems).isEmpty();
    }

    @Test
    void the_switch_overrides_the_mode() {
        assertThat(read(Map.of("AUTH_RATE_LIMIT", "off"), false).enabled()).isFalse();
        assertThat(read(Map.of("AUTH_RATE_LIMIT", " ON "), true).enabled()).isTrue();
        assertThat(read(Map.of("AUTH_RATE_LIMIT", "false"), false).enabled()).isFalse();
        assertThat(problems).isEmpty();
    }

    @Test
    void rules_in_short_and_iso_8601_form() {
        RateLimitSettings settings = read(
                Map.of(
                        "AUTH_RATE_LIMIT_POST",
                        "300/2m",
                        "AUTH_RATE_LIMIT_EMAIL_ADDRESS",
                        "5 / PT1H",
                        "AUTH_RATE_LIMIT_EMAIL_CLIENT",
                        "20/1d",
                        "AUTH_RATE_LIMIT_PASSWORD_ADDRESS",
                        "5/15m",
                        "AUTH_RATE_LIMIT_PASSWORD_CLIENT",
                        "50/2d"),
                false);
        assertThat(problems).isEmpty();
        assertThat(settings.post()).isEqualTo(RateLimitRule.of(300, Duration.ofMinutes(2)));
        assertThat(settings.emailPerAddress()).isEqualTo(RateLimitRule.of(5, Duration.ofHours(1)));
        assertThat(settings.emailPerClient()).isEqualTo(RateLimitRule.of(20, Duration.ofDays(1)));
        assertThat(settings.passwordPerAddress()).isEqualTo(RateLimitRule.of(5, Duration.ofMinutes(15)));
        assertThat(settings.passwordPerClient()).isEqualTo(RateLimitRule.of(50, Duration.ofDays(2)));
        assertThat(settings.longestWindow())
                .as("the clean-up keeps the password rules' windows too")
                .isEqualTo(Duration.ofDays(2));
    }

    @Test
    void every_unreadable_value_is_reported_naming_its_variable() {
        read(
                Map.of(
                        "AUTH_RATE_LIMIT",
                        "maybe",
                        "AUTH_RATE_LIMIT_POST",
                        "100",
                        "AUTH_RATE_LIMIT_EMAIL_ADDRESS",
                        "three/10m",
                        "AUTH_RATE_LIMIT_EMAIL_CLIENT",
                        "0/10m",
                        "AUTH_RATE_LIMIT_PASSWORD_ADDRESS",
                        "ten"),
                false);
        assertThat(problems).hasSize(5);
        assertThat(problems.get(0)).contains("AUTH_RATE_LIMIT is 'maybe'").contains("on or AUTH_RATE_LIMIT=off");
        assertThat(String.join("\n", problems))
                .contains("AUTH_RATE_LIMIT_POST is '100', not a rate limit; write <requests>/<window>")
                .contains("AUTH_RATE_LIMIT_EMAIL_ADDRESS is 'three/10m': 'three' is not a whole number")
                .contains("AUTH_RATE_LIMIT_EMAIL_CLIENT is '0/10m': a rate limit allows at least 1 request")
                .contains("AUTH_RATE_LIMIT_PASSWORD_ADDRESS is 'ten', not a rate limit");
    }

    @Test
    void a_window_under_a_second_or_unreadable_is_refused() {
        read(Map.of("AUTH_RATE_LIMIT_POST", "10/PT0.5S", "AUTH_RATE_LIMIT_EMAIL_CLIENT", "10/soon"), false);
        assertThat(String.join("\n", problems))
                .contains("AUTH_RATE_LIMIT_POST is '10/PT0.5S': a rate-limit window lasts at least one second")
                .contains("AUTH_RATE_LIMIT_EMAIL_CLIENT is '10/soon': 'soon' is not a duration");
    }
}
