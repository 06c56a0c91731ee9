package dev.authschema.engine.ratelimit;

import dev.authschema.adapter.RateLimitWindow;
import java.time.Duration;
import java.time.Instant;

/** Where the rate limiter counts: the database through the adapter, or this server's memory. */
public interface RateLimitStore {

    /**
     * Counts one request if the window has room, with the semantics of
     * {@link dev.authschema.adapter.AuthAdapter#hitRateLimit}: a window that started at or before {@code now - window}
     * restarts at {@code now} with count 1; a full open window refuses and stays as it is.
     *
     * @param key    the hashed key
     * @param now    the current time
     * @param window the rule's window
     * @param max    the most requests a window counts
     * @return the key's window after this call
     */
    RateLimitWindow hit(String key, Instant now, Duration window, int max);

    /**
     * @return whether every server sharing the database sees the same counts
     */
    boolean shared();
}
