package dev.authschema.engine.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.VerificationToken;
import dev.authschema.engine.testing.InMemoryAdapter;
import dev.authschema.engine.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiredRowsSweeperTest {

    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    @Test
    void deletes_only_expired_rows_in_batches_until_none_are_left() {
        InMemoryAdapter adapter = new InMemoryAdapter();
        for (int i = 0; i < 25; i++) {
            adapter.sessions.put("old" + i, AdapterSession.of("old" + i, "u", NOW.minusSeconds(1 + i)));
            adapter.tokens.put("t" + i, new VerificationToken("a@b.c", "t" + i, NOW.minusSeconds(5)));
        }
        adapter.sessions.put("live", AdapterSession.of("live", "u", NOW.plus(Duration.ofDays(1))));

        ExpiredRowsSweeper.Swept swept = new ExpiredRowsSweeper(adapter, new MutableClock(NOW), 10, 100).sweep();

        assertThat(swept).isEqualTo(new ExpiredRowsSweeper.Swept(25, 25));
        assertThat(adapter.sessions).containsOnlyKeys("live");
        assertThat(adapter.tokens).isEmpty();
    }

    @Test
    void a_pass_is_bounded_by_its_batch_budget() {
        InMemoryAdapter adapter = new InMemoryAdapter();
        for (int i = 0; i < 50; i++) {
            adapter.sessions.put("old" + i, AdapterSession.of("old" + i, "u", NOW.minusSeconds(1)));
        }

        assertThat(new ExpiredRowsSweeper(adapter, new MutableClock(NOW), 10, 2)
                        .sweep()
                        .sessions())
                .isEqualTo(20);
        assertThat(adapter.sessions).hasSize(30);
    }

    @Test
    void with_a_rate_limit_store_old_windows_go_too_in_batches() {
        InMemoryAdapter adapter = new InMemoryAdapter();
        java.util.List<Instant> cutOffs = new java.util.ArrayList<>();
        int[] left = {23};
        dev.authschema.adapter.AuthAdapter rateLimits = new dev.authschema.adapter.AuthAdapter() {
            @Override
            public java.util.Set<dev.authschema.adapter.AdapterCapability> capabilities() {
                return java.util.EnumSet.of(
                        dev.authschema.adapter.AdapterCapability.USERS,
                        dev.authschema.adapter.AdapterCapability.RATE_LIMITS);
            }

            @Override
            public int deleteRateLimitsBefore(Instant windowStartBefore, int limit) {
                cutOffs.add(windowStartBefore);
                int deleted = Math.min(limit, left[0]);
                left[0] -= deleted;
                return deleted;
            }

            @Override
            public dev.authschema.adapter.AdapterUser createUser(dev.authschema.adapter.AdapterUser user) {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.util.Optional<dev.authschema.adapter.AdapterUser> getUser(String id) {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<dev.authschema.adapter.AdapterUser> getUserByEmail(String email) {
                return java.util.Optional.empty();
            }

            @Override
            public dev.authschema.adapter.AdapterUser updateUser(dev.authschema.adapter.UserUpdate update) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void deleteUser(String id) {}
        };

        ExpiredRowsSweeper.Swept swept = new ExpiredRowsSweeper(
                        adapter, new MutableClock(NOW), 10, 100, rateLimits, Duration.ofMinutes(10))
                .sweep();

        assertThat(swept).isEqualTo(new ExpiredRowsSweeper.Swept(0, 0, 23));
        assertThat(cutOffs).hasSize(3).containsOnly(NOW.minus(Duration.ofMinutes(10)));
        assertThat(ExpiredRowsCleanup.passMessage(swept, 4))
                .isEqualTo("[auth] clean-up deleted 0 expired sessions and"
                        + " 0 expired verification tokens in 4 ms, and 23 expired rate-limit windows");
    }
}
