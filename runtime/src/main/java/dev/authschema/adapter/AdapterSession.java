package dev.authschema.adapter;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A database session: a random token held in the browser's cookie, the user it signs in and when it ends.
 *
 * <p>{@code expires} is truncated to milliseconds; {@code extras} is copied into an immutable, ordered map.
 *
 * @param sessionToken the session cookie's value, unique among sessions, required
 * @param userId       id of the signed-in user, required
 * @param expires      when the session ends, required
 * @param extras       values of the model's extra fields by field name, never {@code null}
 */
public record AdapterSession(String sessionToken, String userId, Instant expires, Map<String, Object> extras) {

    /**
     * Checks the required properties and normalises {@code expires} and {@code extras}.
     *
     * @param sessionToken the session cookie's value, unique among sessions, required
     * @param userId id of the signed-in user, required
     * @param expires when the session ends, required
     * @param extras values of the model's extra fields by field name, never {@code null}
     */
    public AdapterSession {
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(userId, "userId");
        expires = Timestamps.toMillis(Objects.requireNonNull(expires, "expires"));
        extras = ExtraValues.copyOf(extras);
    }

    /**
     * A session without extra fields.
     *
     * @param sessionToken the session cookie's value
     * @param userId       id of the signed-in user
     * @param expires      when the session ends
     * @return the session
     */
    public static AdapterSession of(String sessionToken, String userId, Instant expires) {
        return new AdapterSession(sessionToken, userId, expires, Map.of());
    }

    /** Equal when every canonical property is equal and the extras are equal by value. */
    @Override
    public boolean equals(Object other) {
        return other instanceof AdapterSession that
                && sessionToken.equals(that.sessionToken)
                && userId.equals(that.userId)
                && expires.equals(that.expires)
                && ExtraValues.equal(extras, that.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sessionToken, userId, expires) * 31 + ExtraValues.hash(extras);
    }

    /** Masks the session token: it is the bearer credential. */
    @Override
    public String toString() {
        return "AdapterSession[sessionToken=" + Secrets.mask(sessionToken) + ", userId=" + userId + ", expires="
                + expires + ", extras=" + ExtraValues.toString(extras) + "]";
    }
}
