package dev.authschema.adapter.tck;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterAuthenticator;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.VerificationToken;
import java.util.Optional;

/**
 * Reads rows straight from the database, bypassing the adapter under test (Auth.js's {@code db} object), so that
 * the kit checks what was really stored and not just what the adapter says it stored.
 *
 * <p>Implement it with the plainest access your store has (JDBC, a raw client) and share as little code with the
 * adapter as you can: shared mapping code would hide the adapter's mapping bugs. Only the methods of the
 * capabilities your adapter declares are called; the others may keep their defaults, which throw.
 */
public interface DatabaseInspector {

    /**
     * @param id a user id
     * @return the stored user with every extra field, or empty
     */
    Optional<AdapterUser> user(String id);

    /**
     * @param provider          the provider id
     * @param providerAccountId the account's id at the provider
     * @return the stored account with every extra field, or empty
     */
    default Optional<AdapterAccount> account(String provider, String providerAccountId) {
        throw notImplemented("account");
    }

    /**
     * @param sessionToken a session token
     * @return the stored session with every extra field, or empty
     */
    default Optional<AdapterSession> session(String sessionToken) {
        throw notImplemented("session");
    }

    /**
     * @param identifier whom the token is for
     * @param token      the hashed token
     * @return the stored token, or empty
     */
    default Optional<VerificationToken> verificationToken(String identifier, String token) {
        throw notImplemented("verificationToken");
    }

    /**
     * @param credentialId a credential id
     * @return the stored authenticator, or empty
     */
    default Optional<AdapterAuthenticator> authenticator(String credentialId) {
        throw notImplemented("authenticator");
    }

    private UnsupportedOperationException notImplemented(String method) {
        return new UnsupportedOperationException(getClass().getName() + " does not implement DatabaseInspector."
                + method + "(), which the kit needs for a capability the adapter declares");
    }
}
