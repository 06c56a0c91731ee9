package dev.authschema.engine.mail;

import java.time.Instant;
import java.util.Objects;

/**
 * A sign-in e-mail to send: a link, or a one-time code.
 *
 * @param to      the normalised recipient address
 * @param from    the sender address
 * @param url     the sign-in link (a credential, never log it); for a code, the page to type it into
 * @param host    the application's host name, for the subject line
 * @param expires when the link or code stops working
 * @param code    the one-time code (a credential, never log it), or {@code null} for a link
 */
public record VerificationEmail(String to, String from, String url, String host, Instant expires, String code) {

    /**
     * @param to the recipient
     * @param from the sender
     * @param url the sign-in link, or the page to type the code into
     * @param host the application's host name
     * @param expires when the link or code stops working
     * @param code the one-time code, or {@code null}
     */
    public VerificationEmail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(expires, "expires");
    }

    /**
     * A sign-in link.
     *
     * @param to the recipient
     * @param from the sender
     * @param url the sign-in link
     * @param host the application's host name
     * @param expires when the link stops working
     */
    public VerificationEmail(String to, String from, String url, String host, Instant expires) {
        this(to, from, url, host, expires, null);
    }

    /**
     * @return whether the mail carries a code rather than a link
     */
    public boolean isCode() {
        return code != null;
    }

    /** Leaves out the link and the code: either signs the recipient in. */
    @Override
    public String toString() {
        return "VerificationEmail[to=" + to + ", from=" + from + ", host=" + host + ", expires=" + expires
                + (code == null ? "" : ", code=<set>") + "]";
    }
}
