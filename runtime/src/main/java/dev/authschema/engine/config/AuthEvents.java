package dev.authschema.engine.config;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterUser;

/**
 * Notifications after things happened, as Auth.js's {@code events}; for auditing and side effects. The defaults do
 * nothing. An exception thrown here is logged and does not change the outcome of the request.
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
    default void signIn(AdapterUser user, AdapterAccount account, String provider, boolean isNewUser) {
    }

    /**
     * A user signed out.
     *
     * @param userId the user's id
     */
    default void signOut(String userId) {
    }

    /**
     * A user was created.
     *
     * @param user the stored user
     */
    default void createUser(AdapterUser user) {
    }

    /**
     * An OAuth account was linked to a user.
     *
     * @param user    the user
     * @param account the stored account
     */
    default void linkAccount(AdapterUser user, AdapterAccount account) {
    }
}
