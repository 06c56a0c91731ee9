package dev.authschema.adapter;

/**
 * A failure inside an adapter: the store could not be reached, a statement failed, or the call broke a rule of the
 * contract (such as updating a user that does not exist). Adapters wrap their store's checked exceptions in it.
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
