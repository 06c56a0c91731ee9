package dev.authschema.adapter;

/**
 * A failure inside an adapter: the store could not be reached, a statement failed, or the call broke a rule of the
 * contract. Adapters wrap their store's exceptions (checked or not: no {@code SQLException} or
 * {@code jakarta.persistence.PersistenceException} leaves an adapter) in it or, where the failure has a meaning the
 * caller acts on, in a subclass:
 * <ul>
 *   <li>{@link DuplicateEmailException}: another user has the e-mail address ({@code createUser},
 *       {@code updateUser});</li>
 *   <li>{@link DuplicateAccountException}: the provider account is already linked ({@code linkAccount});</li>
 *   <li>{@link DuplicateSessionTokenException}: the session token is taken ({@code createSession});</li>
 *   <li>{@link UnknownUserException}: no user has the given user id ({@code updateUser}, {@code linkAccount},
 *       {@code createSession}, {@code updateSession}, {@code createAuthenticator});</li>
 *   <li>{@link UnknownAccountException}: no account has the given provider and provider account id
 *       ({@code updateAccount});</li>
 *   <li>{@link InvalidValueException}: the store refused a value, such as a required extra field set to
 *       {@code null};</li>
 *   <li>{@link UnsupportedCapabilityException}: the adapter does not implement the method's capability.</li>
 * </ul>
 * The losers of a race get the same type as a sequential caller would: of two concurrent {@code linkAccount} calls
 * for one account, one links it and the other gets {@link DuplicateAccountException}. Messages name the method and
 * what went wrong, never a value (e-mail address, token, id, column value); the store's exception is the cause.
 */
public class AdapterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, for the log
     */
    public AdapterException(String message) {
        super(message);
    }

    /**
     * @param message what failed, for the log
     * @param cause   the store's own exception
     */
    public AdapterException(String message, Throwable cause) {
        super(message, cause);
    }
}
