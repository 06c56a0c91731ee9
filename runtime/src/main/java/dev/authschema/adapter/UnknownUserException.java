package dev.authschema.adapter;

/**
 * Thrown when a call names a user that is not stored: {@link AuthAdapter#updateUser} of an unknown id, and
 * {@link AuthAdapter#linkAccount}, {@link AuthAdapter#createSession}, {@link AuthAdapter#updateSession} or
 * {@link AuthAdapter#createAuthenticator} with a {@code userId} no user has (for example one deleted a moment
 * earlier). Nothing was changed. The message never contains the id.
 */
public class UnknownUserException extends AdapterException {

    private static final long serialVersionUID = 1L;

    /**
     * @param method the adapter method that was refused, such as {@code linkAccount}
     * @param cause  the store's own exception (a foreign-key violation), or {@code null}
     */
    public UnknownUserException(String method, Throwable cause) {
        super(method + ": no user has the given user id (deleted, or never created); nothing was changed", cause);
    }
}
