package dev.authschema.engine.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authschema.adapter.RateLimitWindow;
import dev.authschema.engine.model.AuthErrorCode;
import dev.authschema.engine.testing.FakeExchange;
import dev.authschema.engine.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The window logic of {@link RateLimiter} over the in-memory store, with a fixed clock. */
class RateLimiterTest {

    private static final String SECRET = "rate-limiter-test-secret-0123456789abcdef";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final RecordingStore store = new RecordingStore();
    private final RateLimiter limiter = new RateLimiter(
            RateLimitSettings.defaults().withPost(RateLimitRule.of(3, Duration.ofSeconds(10))), store, SECRET, clock);

    private static FakeExchange from(String address) {
        return FakeExchange.post(Map.of()).from(address);
    }

    @Test
    void allows_the_limit_then_refuses_with_the_seconds_left_in_the_window() {
        for (int i = 0; i < 3; i++) {
            limiter.checkPost(from("198.51.100.1"));
            clock.advance(Duration.ofMillis(1500));
        }
        assertThatThrownBy(() -> limiter.checkPost(from("198.51.100.1")))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.code()).isEqualTo(AuthErrorCode.RateLimited);
                    // Window from 0 s to 10 s, now 4.5 s: 5.5 s left, rounded up.
                    assertThat(e.retryAfterSeconds()).isEqualTo(6);
                });
    }

    @Test
    void the_window_expires_and_lets_the_client_in_again_even_after_refusals() {
        for (int i = 0; i < 50; i++) {
            try {
                limiter.checkPost(from("198.51.100.2"));
            } catch (RateLimitedException expected) {
                // keep hammering within the window
            }
        }
        clock.advance(Duration.ofSeconds(10));
        assertThatCode(() -> limiter.checkPost(from("198.51.100.2"))).doesNotThrowAnyException();
    }

    @Test
    void just_before_the_end_of_the_window_is_still_refused_with_one_second() {
        for (int i = 0; i < 3; i++) {
            limiter.checkPost(from("198.51.100.3"));
        }
        clock.advance(Duration.ofMillis(9_999));
        assertThatThrownBy(() -> limiter.checkPost(from("198.51.100.3")))
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(1));
    }

    @Test
    void clients_are_counted_apart() {
        for (int i = 0; i < 3; i++) {
            limiter.checkPost(from("198.51.100.4"));
        }
        assertThatCode(() -> limiter.checkPost(from("198.51.100.5"))).doesNotThrowAnyException();
    }

    @Test
    void one_ipv6_64_counts_as_one_client() {
        limiter.checkPost(from("2001:db8:1:2:0:0:0:1"));
        limiter.checkPost(from("2001:db8:1:2::2"));
        limiter.checkPost(from("[2001:db8:1:2:ffff::3]"));
        assertThatThrownBy(() -> limiter.checkPost(from("2001:db8:1:2:abcd::4")))
                .isInstanceOf(RateLimitedException.class);
        assertThatCode(() -> limiter.checkPost(from("2001:db8:1:3::1"))).doesNotThrowAnyException();
    }

    @Test
    void email_is_limited_per_normalised_address_whatever_the_client() {
        for (int i = 0; i < 3; i++) {
            limiter.checkEmailSignIn(from("198.51.100." + (10 + i)), "victim@example.com");
        }
        assertThatThrownBy(() -> limiter.checkEmailSignIn(from("198.51.100.20"), "  VICTIM@example.COM "))
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(600));
        assertThatCode(() -> limiter.checkEmailSignIn(from("198.51.100.21"), "other@example.com"))
                .doesNotThrowAnyException();
    }

    @Test
    void email_is_limited_per_client_whatever_the_address() {
        for (int i = 0; i < 10; i++) {
            limiter.checkEmailSignIn(from("198.51.100.30"), "user" + i + "@example.com");
        }
        assertThatThrownBy(() -> limiter.checkEmailSignIn(from("198.51.100.30"), "user10@example.com"))
                .isInstanceOf(RateLimitedException.class);
        clock.advance(Duration.ofMinutes(10));
        assertThatCode(() -> limiter.checkEmailSignIn(from("198.51.100.30"), "user10@example.com"))
                .doesNotThrowAnyException();
    }

    @Test
    void a_refused_request_changes_nothing_in_the_store() {
        InMemoryRateLimitStore memory = new InMemoryRateLimitStore();
        Instant start = clock.instant();
        for (int i = 1; i <= 3; i++) {
            assertThat(memory.hit("k", start, Duration.ofSeconds(10), 3))
                    .isEqualTo(RateLimitWindow.counted("k", i, start));
        }
        for (int i = 0; i < 5; i++) {
            assertThat(memory.hit("k", start.plusSeconds(i), Duration.ofSeconds(10), 3))
                    .isEqualTo(RateLimitWindow.refused("k", 3, start));
        }
        assertThat(memory.hit("k", start.plusSeconds(10), Duration.ofSeconds(10), 3))
                .isEqualTo(RateLimitWindow.counted("k", 1, start.plusSeconds(10)));
    }

    @Test
    void a_client_over_its_mail_limit_uses_up_no_address_limit() {
        for (int i = 0; i < 10; i++) {
            limiter.checkEmailSignIn(from("198.51.100.70"), "user" + i + "@example.com");
        }
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> limiter.checkEmailSignIn(from("198.51.100.70"), "victim2@example.com"))
                    .isInstanceOf(RateLimitedException.class);
        }
        for (int i = 0; i < 3; i++) {
            limiter.checkEmailSignIn(from("198.51.100.71"), "victim2@example.com");
        }
    }

    @Test
    void keys_hold_no_address_and_depend_on_the_secret() {
        limiter.checkEmailSignIn(from("198.51.100.40"), "victim@example.com");
        assertThat(store.keys)
                .hasSize(2)
                .allSatisfy(key -> assertThat(key)
                        .doesNotContain("victim")
                        .doesNotContain("example")
                        .doesNotContain("198.51")
                        .matches("(email-address|email-client):[0-9a-f]{64}"));
        RateLimiter other = new RateLimiter(RateLimitSettings.defaults(), store, SECRET + "x", clock);
        assertThat(other.key(RateLimiter.EMAIL_ADDRESS, "victim@example.com"))
                .isNotEqualTo(limiter.key(RateLimiter.EMAIL_ADDRESS, "victim@example.com"));
    }

    @Test
    void off_counts_nothing() {
        RateLimiter off = new RateLimiter(RateLimitSettings.off(), store, SECRET, clock);
        for (int i = 0; i < 500; i++) {
            off.checkPost(from("198.51.100.50"));
            off.checkEmailSignIn(from("198.51.100.50"), "a@example.com");
        }
        assertThat(store.keys).isEmpty();
    }

    @Test
    void a_failing_store_falls_back_to_counting_in_memory() {
        RateLimiter broken = new RateLimiter(
                RateLimitSettings.defaults().withPost(RateLimitRule.of(3, Duration.ofSeconds(10))),
                new RateLimitStore() {
                    @Override
                    public RateLimitWindow hit(String key, Instant now, Duration window, int max) {
                        throw new IllegalStateException("database down");
                    }

                    @Override
                    public boolean shared() {
                        return true;
                    }
                },
                SECRET,
                clock);
        for (int i = 0; i < 3; i++) {
            broken.checkPost(from("198.51.100.60"));
        }
        assertThatThrownBy(() -> broken.checkPost(from("198.51.100.60"))).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void the_in_memory_store_drops_expired_windows() {
        InMemoryRateLimitStore memory = new InMemoryRateLimitStore();
        Instant start = clock.instant();
        for (int i = 0; i < InMemoryRateLimitStore.PRUNE_EVERY - 1; i++) {
            memory.hit("k" + i, start, Duration.ofSeconds(1), 5);
        }
        assertThat(memory.size()).isEqualTo(InMemoryRateLimitStore.PRUNE_EVERY - 1);
        memory.hit("fresh", start.plusSeconds(2), Duration.ofSeconds(1), 5);
        assertThat(memory.size()).isEqualTo(1);
    }

    @Test
    void seconds_until_rounds_up_and_is_at_least_one() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(RateLimiter.secondsUntil(now.plusMillis(1), now)).isEqualTo(1);
        assertThat(RateLimiter.secondsUntil(now.plusSeconds(60), now)).isEqualTo(60);
        assertThat(RateLimiter.secondsUntil(now.plusMillis(60_001), now)).isEqualTo(61);
        assertThat(RateLimiter.secondsUntil(now.minusSeconds(5), now)).isEqualTo(1);
    }

    /** The in-memory store, remembering the keys it saw. */
    private static final class RecordingStore implements RateLimitStore {
        final List<String> keys = new ArrayList<>();
        final InMemoryRateLimitStore delegate = new InMemoryRateLimitStore();

        @Override
        public RateLimitWindow hit(String key, Instant now, Duration window, int max) {
            keys.add(key);
            return delegate.hit(key, now, window, max);
        }

        @Override
        public boolean shared() {
            return false;
        }
    }

    @Test
    void plus_tags_count_for_the_mailbox_they_reach() {
        assertThat(RateLimiter.mailbox("victim+1@example.com")).isEqualTo("victim@example.com");
        assertThat(RateLimiter.mailbox("victim+a+b@example.com")).isEqualTo("victim@example.com");
        assertThat(RateLimiter.mailbox("victim@example.com")).isEqualTo("victim@example.com");
        assertThat(RateLimiter.mailbox("+x@example.com"))
                .as("no local part left")
                .isEqualTo("+x@example.com");
        assertThat(RateLimiter.mailbox("a@b+c.example"))
                .as("a plus in the domain")
                .isEqualTo("a@b+c.example");
    }
}
