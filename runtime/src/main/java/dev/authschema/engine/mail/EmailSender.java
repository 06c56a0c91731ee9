package dev.authschema.engine.mail;

/**
 * Delivers sign-in e-mails, as Auth.js's {@code sendVerificationRequest}. The default is {@link JakartaMailSender};
 * replace it for an HTTP mail API or in tests.
 */
@FunctionalInterface
public interface EmailSender {

    /**
     * @param email what to send
     * @throws EmailDeliveryException if the e-mail could not be handed over for delivery
     */
    void send(VerificationEmail email);
}
