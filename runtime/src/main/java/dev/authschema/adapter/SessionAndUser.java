package dev.authschema.adapter;

import java.util.Objects;

/**
 * A session together with the user it signs in, as {@link AuthAdapter#getSessionAndUser} returns them.
 *
 * @param session the session, required
 * @param user    the session's user ({@code user.id()} equals {@code session.userId()}), required
 */
public record SessionAndUser(AdapterSession session, AdapterUser user) {

    /**
     * Checks that both parts are present.
     *
     * @param session the session, required
     * @param user the session's user ({@code user.id()} equals {@code session.userId()}), required
     */
    public SessionAndUser {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(user, "user");
    }
}
