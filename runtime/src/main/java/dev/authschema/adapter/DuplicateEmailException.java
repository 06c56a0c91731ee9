package dev.authschema.adapter;

/**
 * Thrown by {@link AuthAdapter#createUser} and {@link AuthAdapter#updateUser} when another user already has the
 * e-mail address, also when another call stored it a moment earlier (the loser of a race). Nothing was changed. The
 * message never contains the address.
 */
public class DuplicateEmailException extends AdapterException {

    private static final long serialVersionUID = 1L;

    /**
     * @param method the adapter method that was refused, such as {@code createUser}
     * @param cause  the store's own exception (a unique-constraint violation), or {@code null}
     */
    public DuplicateEmailException(String method, Throwable cause) {
        super(method + ": another user already has this e-mail address; nothing was changed", cause);
    }
}
