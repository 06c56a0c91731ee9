package dev.authschema.engine.email;

/** The user entered something that is not an e-mail address; the message says why and may be shown to them. */
public class InvalidEmailException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the reason, phrased for the user
     */
    public InvalidEmailException(String message) {
        super(message);
    }
}
