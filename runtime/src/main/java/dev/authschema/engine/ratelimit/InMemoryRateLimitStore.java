package dev.authschema.engine.ratelimit;

import dev.authschema.adapter.RateLimitWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts in this server's memory: the fallback without an adapter that has the {@code RATE_LIMITS} capability. Each
 * server then allows the limit by itself. Expired windows are dropped every {@value #PRUNE_EVERY} hits, so the map
 * holds only keys seen within the longest window.
 */
public final class InMemoryRateLimitStore implements RateLimitStore {

    static final int PRUNE_EVERY = 1024;

    private record Entry(int count, Instant start, Instant end, boolean refused) {
    }

    private final ConcurrentHashMap<String, Entry> windows = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();

    @Override
    public RateLimitWindow hit(String key, Instant now, Duration window, int max) {
        if (hits.incrementAndGet() % PRUNE_EVERY == 0) {
            windows.values().removeIf(entry -> !entry.end().isAfter(now));
        }
        Entry entry = windows.compute(key, (k, current) -> {
            if (current == null || !current.end().isAfter(now)) {
                return new Entry(1, now, now.plus(window), false);
            }
            if (current.count() >= max) {
                return new Entry(current.count(), current.start(), current.end(), true);
            }
            return new Entry(current.count() + 1, current.start(), current.end(), false);
        });
        return new RateLimitWindow(key, entry.count(), entry.start(), entry.refused());
    }

    @Override
    public boolean shared() {
        return false;
    }

    /**
     * @return how many keys are held (for tests)
     */
    int size() {
        return windows.size();
    }
}
