package dev.authschema.adapter;

/**
 * Thrown when the store refuses a value of the call: a required field (typically a required extra field of the
 * schema) set to {@code null}, a value too long for its column, or one a check constraint refuses. Nothing was
 * changed. The message names the method, never the value; the store's own exception, kept as the cause, names the
 * column (and may quote the row, so log it only where such data may go).
 */
public class InvalidValueException extends AdapterException {

    private static final long serialVersionUID = 1L;

    /**
     * @param method the adapter method that was refused, such as {@code createUser}
     * @param cause  the store's own exception (a NOT NULL, length or check violation), or {@code null}
     */
    public InvalidValueException(String method, Throwable cause) {
        super(
                method + ": the store refused a value: a required field is null (set every required extra field),"
                        + " or a value does not fit its column; nothing was changed",
                cause);
    }
}
