package dev.authschema.engine.mail;

import java.time.Instant;
import java.util.Objects;

/**
 * A sign-in e-mail to send.
 *
 * @param to      the normalised recipient address
 * @param from    the sender address
 * @param url     the sign-in link; a credential, never log it
 * @param host    the application's host name, for the subject line
 * @param expires when the link stops working
 */
public record VerificationEmail(String to, String from, String url, String host, Instant expires) {

    /**
     * @param to the recipient
     * @param from the sender
     * @param url the sign-in link
     * @param host the application's host name
     * @param expires when the link stops working
     */
    public VerificationEmail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(expires, "expires");
    }

    /** Leaves out the link: it signs the recipient in. */
    @Override
    public String toString() {
        return "VerificationEmail[to=" + to + ", from=" + from + ", host=" + host + ", expires=" + expires + "]";
    }
}
