package dev.authschema.engine.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One live database session of the signed-in user, for a "your devices" page: {@code AuthService.sessions} lists
 * them, {@code AuthService.endSession} ends one by its handle.
 *
 * <p>The handle is not the session token: the token is the bearer credential of its browser and never leaves the
 * engine. The handle is {@code base64url(HMAC-SHA-256(secret, token))} under the current secret, so it names the
 * session on a page and in a form without letting anyone sign in with it, and a handle seen once cannot be turned
 * into a token.
 *
 * @param handle  an opaque name of the session, unique among the user's sessions, safe to put in a page
 * @param expires when the session ends unless it is used again
 * @param current whether it is the session of the request that asked
 * @param extras  the session model's extra fields by name, e.g. {@code userAgent} and {@code ipAddress} where the
 *                application records them (a convention, not a requirement); never {@code null}
 */
public record ActiveSession(String handle, Instant expires, boolean current, Map<String, Object> extras) {

    /**
     * @param handle  an opaque name of the session, required
     * @param expires when the session ends, required
     * @param current whether it is the caller's own session
     * @param extras  the extra fields, copied into an unmodifiable ordered map (values may be {@code null})
     */
    public ActiveSession {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(expires, "expires");
        extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }
}
