package dev.authschema.engine.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The in-memory store's bound: a client rotating through keys cannot make it grow without end. */
class InMemoryRateLimitStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);

    @Test
    void a_full_store_refuses_new_keys_keeps_counting_known_ones_and_frees_room_when_windows_end() {
        InMemoryRateLimitStore store = new InMemoryRateLimitStore(3);
        for (String key : new String[] {"a", "b", "c"}) {
            assertThat(store.hit(key, NOW, WINDOW, 5).limited()).isFalse();
        }
        assertThat(store.hit("d", NOW, WINDOW, 5).limited())
                .as("a new key when full")
                .isTrue();
        assertThat(store.size()).isEqualTo(3);
        assertThat(store.hit("a", NOW, WINDOW, 5).count())
                .as("a known key still counts")
                .isEqualTo(2);

        Instant later = NOW.plus(WINDOW).plusSeconds(1);
        assertThat(store.hit("d", later, WINDOW, 5).limited())
                .as("after the windows ended")
                .isFalse();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void the_default_bound_holds_under_key_rotation() {
        InMemoryRateLimitStore store = new InMemoryRateLimitStore();
        for (int i = 0; i < InMemoryRateLimitStore.MAX_KEYS + 5_000; i++) {
            store.hit("client:" + i, NOW, WINDOW, 100);
        }
        assertThat(store.size()).isEqualTo(InMemoryRateLimitStore.MAX_KEYS);
    }
}
