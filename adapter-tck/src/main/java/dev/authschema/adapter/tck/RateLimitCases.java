package dev.authschema.adapter.tck;

import static dev.authschema.adapter.AdapterCapability.RATE_LIMITS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.RateLimitWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The optional RateLimit role: the engine's request counters, shared by every server on the database. Not part of
 * the Auth.js suite; the window rules are those of {@link AuthAdapter#hitRateLimit}.
 */
public interface RateLimitCases extends ConformanceCases {

    /** Threads hitting one key at once. */
    int RATE_LIMIT_CONTENDERS = 16;

    /** Races on a fresh key, where the threads also race to insert its first row. */
    int RATE_LIMIT_ROUNDS = 20;

    /** A window long enough that no case's window ends while it runs. */
    Duration WINDOW = Duration.ofMinutes(10);

    /** More than any case counts: the cases that are not about refusals never reach it. */
    int ROOMY = 1000;

    private static String freshKey() {
        return "tck:" + UUID.randomUUID().toString().replace("-", "");
    }

    /** The first hit on a key starts its window at {@code now}, with count 1; later hits count up in it. */
    @Test
    @Tag(EXTENDED)
    @Requires(RATE_LIMITS)
    default void hits_count_up_within_the_window_that_the_first_hit_started() {
        AuthAdapter adapter = context().adapter();
        String key = freshKey();
        Instant start = context().fixtures().now();

        assertThat(adapter.hitRateLimit(key, start, WINDOW, ROOMY)).isEqualTo(RateLimitWindow.counted(key, 1, start));
        assertThat(adapter.hitRateLimit(key, start.plusSeconds(1), WINDOW, ROOMY))
                .isEqualTo(RateLimitWindow.counted(key, 2, start));
        assertThat(adapter.hitRateLimit(key, start.plus(WINDOW).minusMillis(1), WINDOW, ROOMY))
                .as("the last millisecond of the window")
                .isEqualTo(RateLimitWindow.counted(key, 3, start));
    }

    /** A full window refuses, and a refusal writes nothing: the count stays at the limit. */
    @Test
    @Tag(EXTENDED)
    @Requires(RATE_LIMITS)
    default void a_full_window_refuses_without_counting() {
        AuthAdapter adapter = context().adapter();
        String key = freshKey();
        Instant start = context().fixtures().now();
        for (int i = 1; i <= 3; i++) {
            assertThat(adapter.hitRateLimit(key, start, WINDOW, 3)).isEqualTo(RateLimitWindow.counted(key, i, start));
        }
        for (int i = 0; i < 5; i++) {
            assertThat(adapter.hitRateLimit(key, start.plusSeconds(i), WINDOW, 3))
                    .as("refusal %d", i)
                    .isEqualTo(RateLimitWindow.refused(key, 3, start));
        }
        assertThat(adapter.hitRateLimit(key, start, WINDOW, 4))
                .as("a higher limit has room again")
                .isEqualTo(RateLimitWindow.counted(key, 4, start));
        assertThat(adapter.hitRateLimit(key, start, WINDOW, 2))
                .as("a lower limit refuses")
                .isEqualTo(RateLimitWindow.refused(key, 4, start));
    }

    /** A hit at or after the end of the window starts a new one with count 1: nobody is locked out for good. */
    @Test
    @Tag(EXTENDED)
    @Requires(RATE_LIMITS)
    default void a_hit_at_the_end_of_the_window_starts_a_new_one() {
        AuthAdapter adapter = context().adapter();
        String key = freshKey();
        Instant start = context().fixtures().now();
        for (int i = 0; i < 5; i++) {
            adapter.hitRateLimit(key, start, WINDOW, 2);
        }
        Instant end = start.plus(WINDOW);

        assertThat(adapter.hitRateLimit(key, end, WINDOW, 2)).isEqualTo(RateLimitWindow.counted(key, 1, end));
        Instant muchLater = end.plus(WINDOW).plusSeconds(30);
        assertThat(adapter.hitRateLimit(key, muchLater, WINDOW, 2))
                .as("long after")
                .isEqualTo(RateLimitWindow.counted(key, 1, muchLater));
    }

    /** Keys are counted apart, and compared exactly (case matters). */
    @Test
    @Tag(EXTENDED)
    @Requires(RATE_LIMITS)
    default void keys_are_counted_apart() {
        AuthAdapter adapter = context().adapter();
        String key = freshKey();
        Instant now = context().fixtures().now();
        adapter.hitRateLimit(key, now, WINDOW, ROOMY);
        adapter.hitRateLimit(key, now, WINDOW, ROOMY);

        assertThat(adapter.hitRateLimit(key.toUpperCase(), now, WINDOW, ROOMY).count())
                .as("upper-case key")
                .isEqualTo(1);
        assertThat(adapter.hitRateLimit(freshKey(), now, WINDOW, ROOMY).count())
                .as("another key")
                .isEqualTo(1);
        assertThat(adapter.hitRateLimit(key, now, WINDOW, ROOMY).count()).isEqualTo(3);
    }

    /**
     * {@value #RATE_LIMIT_CONTENDERS} threads hit a fresh key at once, {@value #RATE_LIMIT_ROUNDS} times: the counts
     * they get are exactly 1 to {@value #RATE_LIMIT_CONTENDERS}, none lost and none twice, also while they race to
     * insert the key's first row; a second race on the same key continues from there.
     */
    @Test
    @Tag(EXTENDED)
    @Requires(RATE_LIMITS)
    default void concurrent_hits_on_one_key_each_get_their_own_count() {
        AuthAdapter adapter = context().adapter();
        List<Integer> firstRace =
                IntStream.rangeClosed(1, RATE_LIMIT_CONTENDERS).boxed().toList();
        List<Integer> secondRace = IntStream.rangeClosed(RATE_LIMIT_CONTENDERS + 1, 2 * RATE_LIMIT_CONTENDERS)
                .boxed()
                .toList();
        try (Race race = new Race(RATE_LIMIT_CONTENDERS)) {
            for (int round = 1; round <= RATE_LIMIT_ROUNDS; round++) {
                String key = freshKey();
                Instant now = context().fixtures().now();

                List<RateLimitWindow> first = race.run(() -> adapter.hitRateLimit(key, now, WINDOW, ROOMY));
                assertThat(first.stream().map(RateLimitWindow::count).sorted().toList())
                        .as("counts of the first race in round %d", round)
                        .isEqualTo(firstRace);
                assertThat(first)
                        .as("window starts in round %d", round)
                        .allSatisfy(window -> assertThat(window)
                                .extracting(RateLimitWindow::windowStart, RateLimitWindow::limited)
                                .containsExactly(now, false));

                List<RateLimitWindow> second =
                        race.run(() -> adapter.hitRateLimit(key, now.plusSeconds(1), WINDOW, ROOMY));
                assertThat(second.stream().map(RateLimitWindow::count).sorted().toList())
                        .as("counts of the second race in round %d", round)
                        .isEqualTo(secondRace);
            }
        }
    }

    /**
     * {@value #RATE_LIMIT_CONTENDERS} threads hit a key whose window has room for 5 more: exactly 5 are counted and
     * the others refused, and the stored count ends at the limit.
     */
    @Test
    @Tag(EXTENDED)
    @Requires(RATE_LIMITS)
    default void concurrent_hits_on_a_nearly_full_window_let_exactly_the_room_through() {
        AuthAdapter adapter = context().adapter();
        int limit = 8;
        try (Race race = new Race(RATE_LIMIT_CONTENDERS)) {
            for (int round = 1; round <= RATE_LIMIT_ROUNDS / 2; round++) {
                String key = freshKey();
                Instant now = context().fixtures().now();
                for (int i = 0; i < 3; i++) {
                    adapter.hitRateLimit(key, now, WINDOW, limit);
                }

                List<RateLimitWindow> results = race.run(() -> adapter.hitRateLimit(key, now, WINDOW, limit));
                assertThat(results.stream()
                                .filter(w -> !w.limited())
                                .map(RateLimitWindow::count)
                                .sorted()
                                .toList())
                        .as("counted in round %d", round)
                        .containsExactly(4, 5, 6, 7, 8);
                assertThat(results.stream()
                                .filter(RateLimitWindow::limited)
                                .map(RateLimitWindow::count)
                                .toList())
                        .as("refused in round %d", round)
                        .hasSize(RATE_LIMIT_CONTENDERS - 5)
                        .allSatisfy(count -> assertThat(count).isEqualTo(limit));
                assertThat(adapter.hitRateLimit(key, now, WINDOW, limit))
                        .isEqualTo(RateLimitWindow.refused(key, limit, now));
            }
        }
    }

    /** Concurrent hits right at the end of a window restart it exactly once. */
    @Test
    @Tag(EXTENDED)
    @Requires(RATE_LIMITS)
    default void concurrent_hits_after_the_window_restart_it_once() {
        AuthAdapter adapter = context().adapter();
        String key = freshKey();
        Instant start = context().fixtures().now();
        adapter.hitRateLimit(key, start, WINDOW, ROOMY);
        Instant later = start.plus(WINDOW).plusSeconds(1);
        try (Race race = new Race(RATE_LIMIT_CONTENDERS)) {
            List<RateLimitWindow> results = race.run(() -> adapter.hitRateLimit(key, later, WINDOW, ROOMY));
            assertThat(results.stream().map(RateLimitWindow::count).sorted().toList())
                    .isEqualTo(IntStream.rangeClosed(1, RATE_LIMIT_CONTENDERS)
                            .boxed()
                            .toList());
            assertThat(results)
                    .allSatisfy(window -> assertThat(window.windowStart()).isEqualTo(later));
        }
    }

    /** The clean-up deletes windows that started before the cut-off, in batches, and keeps the others. */
    @Test
    @Tag(EXTENDED)
    @Requires(RATE_LIMITS)
    default void delete_rate_limits_before_removes_only_old_windows_in_batches() {
        AuthAdapter adapter = context().adapter();
        Instant now = context().fixtures().now();
        Duration day = Duration.ofDays(1);
        List<String> old = IntStream.range(0, 5).mapToObj(i -> freshKey()).toList();
        old.forEach(key -> adapter.hitRateLimit(key, now.minus(Duration.ofHours(2)), day, ROOMY));
        String recent = freshKey();
        adapter.hitRateLimit(recent, now, day, ROOMY);
        assertThat(adapter.deleteRateLimitsBefore(now.minus(Duration.ofDays(3650)), 100))
                .as("nothing that old")
                .isZero();

        assertThat(adapter.deleteRateLimitsBefore(now.minus(Duration.ofHours(1)), 2))
                .isEqualTo(2);
        assertThat(adapter.deleteRateLimitsBefore(now.minus(Duration.ofHours(1)), 2))
                .isEqualTo(2);
        assertThat(adapter.deleteRateLimitsBefore(now.minus(Duration.ofHours(1)), 100))
                .as("the last old window, and only old ones")
                .isEqualTo(1);
        assertThat(adapter.deleteRateLimitsBefore(now.minus(Duration.ofHours(1)), 100))
                .isZero();

        // The day-long windows would still be open: a deleted one starts again at 1, the kept one goes on.
        for (String key : old) {
            assertThat(adapter.hitRateLimit(key, now, day, ROOMY).count())
                    .as("deleted %s", key)
                    .isEqualTo(1);
        }
        assertThat(adapter.hitRateLimit(recent, now, day, ROOMY).count())
                .as("kept")
                .isEqualTo(2);
    }
}
