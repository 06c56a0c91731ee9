package dev.authschema.engine.model;

/**
 * A sign-in step failed for a reason the user may be told as an {@link AuthErrorCode}; the message is for the server
 * log and is never shown to the user.
 */
public class AuthFlowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The code shown to the user. */
    private final AuthErrorCode code;

    /**
     * @param code    the code shown to the user
     * @param message what went wrong, for the log (never a token or secret)
     */
    public AuthFlowException(AuthErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    /**
     * @param code    the code shown to the user
     * @param message what went wrong, for the log (never a token or secret)
     * @param cause   the underlying failure
     */
    public AuthFlowException(AuthErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /**
     * @return the code shown to the user
     */
    public AuthErrorCode code() {
        return code;
    }
}
