package dev.authschema.engine.session;

/**
 * An update whose JWT callback returned more than a session cookie can hold: refused, the old cookie kept. The engine
 * does not split the session over several cookies; the callback has to bound what it copies from the client's data.
 */
public final class SessionTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param bytes the cookie's size, name and value
     * @param limit what a browser keeps
     */
    public SessionTooLargeException(int bytes, int limit) {
        super("the updated session would be a cookie of " + bytes + " bytes, more than the " + limit
                + " a browser keeps; the JWT callback must copy less of the data (check each value's length)");
    }
}
