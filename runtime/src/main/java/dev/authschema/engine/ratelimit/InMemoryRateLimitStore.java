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

    private record Entry(RateLimitWindow window, Instant end) {
    }

    private final ConcurrentHashMap<String, Entry> windows = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();

    @Override
    public RateLimitWindow hit(String key, Instant now, Duration window) {
        if (hits.incrementAndGet() % PRUNE_EVERY == 0) {
            windows.values().removeIf(entry -> !entry.end().isAfter(now));
        }
        return windows.compute(key, (k, current) -> {
            if (current == null || !current.end().isAfter(now)) {
                return new Entry(new RateLimitWindow(k, 1, now), now.plus(window));
            }
            RateLimitWindow counted = current.window();
            int count = counted.count() == Integer.MAX_VALUE ? Integer.MAX_VALUE : counted.count() + 1;
            return new Entry(new RateLimitWindow(k, count, counted.windowStart()), current.end());
        }).window();
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
