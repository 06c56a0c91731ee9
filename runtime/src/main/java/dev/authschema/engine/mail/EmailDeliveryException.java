package dev.authschema.engine.mail;

/** A sign-in e-mail could not be sent; the user sees {@code EmailSignin}, the log the cause. */
public class EmailDeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause   the mail system's exception
     */
    public EmailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
