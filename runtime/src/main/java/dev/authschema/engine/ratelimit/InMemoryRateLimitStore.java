package dev.authschema.engine.ratelimit;

import dev.authschema.adapter.RateLimitWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Counts in this server's memory: the fallback without an adapter that has the {@code RATE_LIMITS} capability. Each
 * server then allows the limit by itself. Expired windows are dropped every {@value #PRUNE_EVERY} hits, so the map
 * holds only keys seen within the longest window; and it never holds more than {@value #MAX_KEYS} keys, so that a
 * client rotating through addresses (an IPv6 prefix holds billions) cannot fill the heap: when it is full of live
 * windows, a new key is refused (limited) until windows expire, and a warning says so at most once a minute.
 */
public final class InMemoryRateLimitStore implements RateLimitStore {

    static final int PRUNE_EVERY = 1024;

    /** At about 200 bytes a window, some 40 MB at the most. */
    static final int MAX_KEYS = 200_000;

    private static final Logger LOG = Logger.getLogger(InMemoryRateLimitStore.class.getName());

    private record Entry(int count, Instant start, Instant end, boolean refused) {}

    private final ConcurrentHashMap<String, Entry> windows = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong lastFullWarning = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong lastFullPrune = new AtomicLong(Long.MIN_VALUE);
    private final int maxKeys;

    /** A store of at most {@value #MAX_KEYS} keys. */
    public InMemoryRateLimitStore() {
        this(MAX_KEYS);
    }

    InMemoryRateLimitStore(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    @Override
    public RateLimitWindow hit(String key, Instant now, Duration window, int max) {
        if (hits.incrementAndGet() % PRUNE_EVERY == 0) {
            windows.values().removeIf(entry -> !entry.end().isAfter(now));
        }
        if (windows.size() >= maxKeys && !windows.containsKey(key)) {
            // A full scan at most once a second: under a flood of new keys, a scan per request would cost more CPU
            // than the requests themselves.
            long second = now.getEpochSecond();
            if (lastFullPrune.getAndSet(second) != second) {
                windows.values().removeIf(entry -> !entry.end().isAfter(now));
            }
            if (windows.size() >= maxKeys) {
                warnFull(now);
                return new RateLimitWindow(key, max, now, true);
            }
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

    private void warnFull(Instant now) {
        long minute = now.getEpochSecond() / 60;
        if (lastFullWarning.getAndSet(minute) != minute) {
            LOG.warning(() -> "[auth] the in-memory rate-limit store holds " + maxKeys + " live windows; requests of"
                    + " new clients are refused until windows end. Many clients at once, or one rotating its"
                    + " addresses: add the RateLimit model to the schema to count in the database");
        }
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
