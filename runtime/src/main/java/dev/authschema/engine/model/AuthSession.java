package dev.authschema.engine.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A valid session of a signed-in user, as {@code GET /api/auth/session} reports it.
 *
 * @param user    the signed-in user, required
 * @param expires when the session ends unless it is used again, required
 */
public record AuthSession(SessionUser user, Instant expires) {

    /**
     * @param user the signed-in user, required
     * @param expires when the session ends, required
     */
    public AuthSession {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(expires, "expires");
    }
}
