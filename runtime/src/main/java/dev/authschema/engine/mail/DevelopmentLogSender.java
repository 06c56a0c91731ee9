package dev.authschema.engine.mail;

import java.util.Objects;
import java.util.logging.Logger;

/**
 * Development mode without a mail server ({@code AUTH_EMAIL_SERVER} unset, no container mail session): the sign-in
 * link goes to the server log and to the {@link DevelopmentMailbox} (the page {@code /api/auth/dev/mailbox}) instead
 * of a mailbox, so that e-mail sign-in works on a laptop with nothing installed. Never used in production, where the
 * missing mail server fails the deployment instead.
 */
public final class DevelopmentLogSender implements EmailSender {

    private static final Logger LOG = Logger.getLogger(DevelopmentLogSender.class.getName());

    private final DevelopmentMailbox mailbox;

    /**
     * @param mailbox the engine's development mailbox, which also gets every mail
     */
    public DevelopmentLogSender(DevelopmentMailbox mailbox) {
        this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
    }

    @Override
    public void send(VerificationEmail email) {
        mailbox.put(email);
        // The address stays out of the log, like everywhere else; the link (or the code) is what the developer needs.
        LOG.warning(() -> "AuthSchema DEVELOPMENT MODE, no mail server (AUTH_EMAIL_SERVER or a mail session): "
                + (email.code() == null
                        ? "the sign-in link, instead of an e-mail: " + email.url()
                        : "the sign-in code " + email.code() + ", instead of an e-mail; type it at " + email.url())
                + " (also listed on /api/auth/dev/mailbox for a browser on this machine, when the links are for"
                + " this machine: AUTH_URL unset or local)");
    }
}
