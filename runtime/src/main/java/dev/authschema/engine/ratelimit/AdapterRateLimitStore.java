package dev.authschema.engine.ratelimit;

import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.RateLimitWindow;
import java.time.Duration;
import java.time.Instant;

/** Counts in the database through {@link AuthAdapter#hitRateLimit}, so that every server sharing it sees one count. */
public final class AdapterRateLimitStore implements RateLimitStore {

    private final AuthAdapter adapter;

    /**
     * @param adapter an adapter with the {@code RATE_LIMITS} capability
     */
    public AdapterRateLimitStore(AuthAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public RateLimitWindow hit(String key, Instant now, Duration window, int max) {
        return adapter.hitRateLimit(key, now, window, max);
    }

    @Override
    public boolean shared() {
        return true;
    }
}
