package dev.authschema.adapter;

import java.time.Instant;
import java.util.Objects;

/**
 * A rate-limit key's current window, as {@link AuthAdapter#hitRateLimit} leaves it: how many requests it has counted
 * since the window started.
 *
 * @param key         the opaque key
 * @param count       requests counted in this window, this one included; at least 1
 * @param windowStart when the window started
 */
public record RateLimitWindow(String key, int count, Instant windowStart) {

    /** Checks the values. */
    public RateLimitWindow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(windowStart, "windowStart");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, is " + count);
        }
    }
}
