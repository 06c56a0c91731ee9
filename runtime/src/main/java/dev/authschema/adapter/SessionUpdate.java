package dev.authschema.adapter;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A partial update of one session for {@link AuthAdapter#updateSession}: only the properties set here change.
 * Immutable; every {@code with...} method returns a new update.
 *
 * <pre>{@code
 * adapter.updateSession(SessionUpdate.of(sessionToken).withExpires(now.plus(Duration.ofDays(30))));
 * }</pre>
 */
public final class SessionUpdate {

    /** The canonical session properties an update can set ({@code sessionToken} is the key and never changes). */
    public enum Property {
        /** {@link AdapterSession#userId()} */
        USER_ID,
        /** {@link AdapterSession#expires()} */
        EXPIRES
    }

    private final String sessionToken;
    private final Patch<Property> patch;

    private SessionUpdate(String sessionToken, Patch<Property> patch) {
        this.sessionToken = sessionToken;
        this.patch = patch;
    }

    /**
     * An update of the given session that changes nothing yet.
     *
     * @param sessionToken token of the session to update, required
     * @return an empty update
     */
    public static SessionUpdate of(String sessionToken) {
        return new SessionUpdate(Objects.requireNonNull(sessionToken, "sessionToken"), Patch.empty(Property.class));
    }

    /**
     * @param expires the new end of the session (truncated to milliseconds), required
     * @return this update plus the expiry
     */
    public SessionUpdate withExpires(Instant expires) {
        Objects.requireNonNull(expires, "expires");
        return new SessionUpdate(sessionToken, patch.with(Property.EXPIRES, expires));
    }

    /**
     * @param userId the id of the user the session now signs in, required
     * @return this update plus the user
     */
    public SessionUpdate withUserId(String userId) {
        Objects.requireNonNull(userId, "userId");
        return new SessionUpdate(sessionToken, patch.with(Property.USER_ID, userId));
    }

    /**
     * @param name  the extra field's name as in the schema
     * @param value its new value (Java type per the package documentation), or {@code null} to clear it
     * @return this update plus the extra field
     */
    public SessionUpdate withExtra(String name, Object value) {
        return new SessionUpdate(sessionToken, patch.withExtra(name, value));
    }

    /**
     * @return token of the session to update
     */
    public String sessionToken() {
        return sessionToken;
    }

    /**
     * @param property a canonical property
     * @return whether this update sets it
     */
    public boolean isSet(Property property) {
        return patch.isSet(property);
    }

    /**
     * @return the canonical properties this update sets
     */
    public Set<Property> setProperties() {
        return patch.setProperties();
    }

    /**
     * @return the new expiry
     * @throws IllegalStateException if this update does not set it
     */
    public Instant expires() {
        return (Instant) patch.get(Property.EXPIRES);
    }

    /**
     * @return the new user id
     * @throws IllegalStateException if this update does not set it
     */
    public String userId() {
        return (String) patch.get(Property.USER_ID);
    }

    /**
     * @return the extra fields this update sets, in the order they were set; may hold {@code null} values
     */
    public Map<String, Object> extras() {
        return patch.extras();
    }

    /**
     * @return whether this update changes nothing
     */
    public boolean isEmpty() {
        return patch.isEmpty();
    }

    /**
     * The session as it is after this update: the set properties and extras replaced, everything else kept.
     *
     * @param current the stored session, whose token must be {@link #sessionToken()}
     * @return the updated session
     * @throws IllegalArgumentException if {@code current} is another session
     */
    public AdapterSession applyTo(AdapterSession current) {
        if (!sessionToken.equals(current.sessionToken())) {
            throw new IllegalArgumentException("Update of one session applied to another");
        }
        return new AdapterSession(
                sessionToken,
                patch.valueOr(Property.USER_ID, current.userId()),
                patch.valueOr(Property.EXPIRES, current.expires()),
                patch.mergeExtras(current.extras()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionUpdate that
                && sessionToken.equals(that.sessionToken)
                && patch.equals(that.patch);
    }

    @Override
    public int hashCode() {
        return sessionToken.hashCode() * 31 + patch.hashCode();
    }

    /** Masks the session token: it is the bearer credential. */
    @Override
    public String toString() {
        return "SessionUpdate[sessionToken=" + Secrets.mask(sessionToken) + ", " + patch + "]";
    }
}
