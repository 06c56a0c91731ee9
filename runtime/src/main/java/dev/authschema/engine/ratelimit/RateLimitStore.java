package dev.authschema.engine.ratelimit;

import dev.authschema.adapter.RateLimitWindow;
import java.time.Duration;
import java.time.Instant;

/** Where the rate limiter counts: the database through the adapter, or this server's memory. */
public interface RateLimitStore {

    /**
     * Counts one request, with the semantics of {@link dev.authschema.adapter.AuthAdapter#hitRateLimit}: a window
     * that started at or before {@code now - window} restarts at {@code now} with count 1.
     *
     * @param key    the hashed key
     * @param now    the current time
     * @param window the rule's window
     * @return the key's window after this hit
     */
    RateLimitWindow hit(String key, Instant now, Duration window);

    /**
     * @return whether every server sharing the database sees the same counts
     */
    boolean shared();
}
