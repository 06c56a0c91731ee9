package dev.authschema.demo.mail;

import dev.authschema.engine.mail.EmailSender;
import dev.authschema.engine.mail.VerificationEmail;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.logging.Logger;

/**
 * Development only: keeps the last sign-in e-mails in memory for the page {@code /dev/mailbox.xhtml} and prints the
 * links to the server log, so that e-mail sign-in works without an SMTP server.
 */
@ApplicationScoped
public class DevMailbox implements EmailSender {

    private static final Logger LOG = Logger.getLogger(DevMailbox.class.getName());
    private static final int KEPT = 50;

    /**
     * One sent e-mail.
     *
     * @param to     recipient
     * @param url    the sign-in link
     * @param sentAt when it was sent
     */
    public record SentEmail(String to, String url, Instant sentAt) {}

    private final Deque<SentEmail> sent = new ConcurrentLinkedDeque<>();

    @Override
    public void send(VerificationEmail email) {
        sent.addFirst(new SentEmail(email.to(), email.url(), Instant.now()));
        while (sent.size() > KEPT) {
            sent.pollLast();
        }
        LOG.info(() -> "[dev mailbox] sign-in link for " + email.to() + ": " + email.url());
    }

    /**
     * @return the sent e-mails, newest first
     */
    public List<SentEmail> sent() {
        return new ArrayList<>(sent);
    }
}
