package dev.authschema.engine.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.authschema.engine.testing.FakeExchange;
import dev.authschema.engine.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A window the clock cannot reach the end of is refused when the settings are read, not at the first request. */
class RateLimitWindowBoundsTest {

    private final List<String> problems = new ArrayList<>();

    @Test
    void an_iso_window_past_the_clocks_range_is_refused_at_start_up() {
        RateLimitSettings settings = RateLimitSettings.fromEnvironment(
                Map.of("AUTH_RATE_LIMIT_PASSWORD_ADDRESS", "10/PT2562047788015215H")::get, false, problems);

        assertThat(problems)
                .as("reported at start-up, naming the variable")
                .singleElement()
                .asString()
                .contains("AUTH_RATE_LIMIT_PASSWORD_ADDRESS");
        RateLimiter limiter = new RateLimiter(
                settings,
                new InMemoryRateLimitStore(),
                "bounds-test-secret-0123456789abcdef",
                new MutableClock(Instant.parse("2026-12-04T02:00:00Z")));
        assertThatCode(() -> limiter.checkPasswordAttempt(
                        FakeExchange.post(Map.of()).from("203.0.113.7"), "ann@example.com"))
                .as("a password attempt is counted, not a server error")
                .doesNotThrowAnyException();
    }

    @Test
    void a_window_of_millions_of_years_is_refused_too() {
        RateLimitSettings.fromEnvironment(
                Map.of("AUTH_RATE_LIMIT_PASSWORD_CLIENT", "30/999999999d")::get, false, problems);

        assertThat(problems).singleElement().asString().contains("AUTH_RATE_LIMIT_PASSWORD_CLIENT");
    }
}
