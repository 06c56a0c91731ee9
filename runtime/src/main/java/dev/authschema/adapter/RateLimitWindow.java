package dev.authschema.adapter;

import java.time.Instant;
import java.util.Objects;

/**
 * A rate-limit key's current window, as {@link AuthAdapter#hitRateLimit} leaves it.
 *
 * @param key         the opaque key
 * @param count       requests counted in this window, this one included if it was counted; at least 1
 * @param windowStart when the window started
 * @param limited     whether this request was refused: the window was open and already held the most requests it
 *                    allows, so nothing was counted or written
 */
public record RateLimitWindow(String key, int count, Instant windowStart, boolean limited) {

    /** Checks the values. */
    public RateLimitWindow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(windowStart, "windowStart");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, is " + count);
        }
    }

    /**
     * @param key         the key
     * @param count       the count after this request
     * @param windowStart when the window started
     * @return a window that counted this request
     */
    public static RateLimitWindow counted(String key, int count, Instant windowStart) {
        return new RateLimitWindow(key, count, windowStart, false);
    }

    /**
     * @param key         the key
     * @param count       the count, unchanged by this request
     * @param windowStart when the window started
     * @return a window that refused this request
     */
    public static RateLimitWindow refused(String key, int count, Instant windowStart) {
        return new RateLimitWindow(key, count, windowStart, true);
    }
}
