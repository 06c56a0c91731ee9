package dev.authschema.engine.config;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.engine.model.AuthSession;

/**
 * Notifications after things happened, as Auth.js's {@code events}; for auditing and side effects. The defaults do
 * nothing. An exception thrown here is logged and does not change the outcome of the request.
 *
 * <p>When each fires: {@code createUser} for every new user (OAuth and e-mail sign-up), before {@code linkAccount}
 * and {@code signIn}; {@code updateUser} when a sign-in changed a stored user (an e-mail link verified its address);
 * {@code linkAccount} for every newly linked OAuth account; {@code signIn} after the new session exists;
 * {@code signOut} after the session ended; {@code session} whenever {@code GET} or {@code POST /api/auth/session}
 * answered with a session.
 */
public interface AuthEvents {

    /**
     * A user signed in.
     *
     * @param user      the user
     * @param account   the OAuth account used, or {@code null} for e-mail sign-in
     * @param provider  the provider id
     * @param isNewUser whether the user was created by this sign-in
     */
    default void signIn(AdapterUser user, AdapterAccount account, String provider, boolean isNewUser) {}

    /**
     * A user signed out.
     *
     * @param userId the user's id
     */
    default void signOut(String userId) {}

    /**
     * A user was created.
     *
     * @param user the stored user
     */
    default void createUser(AdapterUser user) {}

    /**
     * A stored user was changed by a sign-in.
     *
     * @param user the user as stored now
     */
    default void updateUser(AdapterUser user) {}

    /**
     * The session endpoint answered with a session (Auth.js's {@code events.session}).
     *
     * @param session the caller's session
     */
    default void session(AuthSession session) {}

    /**
     * An OAuth account was linked to a user.
     *
     * @param user    the user
     * @param account the stored account
     */
    default void linkAccount(AdapterUser user, AdapterAccount account) {}
}
