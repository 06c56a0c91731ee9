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
 * @param purpose what the mail is for: a sign-in (also the address check after a password sign-up), a password
 *                reset link, or the notice that someone tried to sign up with an address that has an account
 */
public record VerificationEmail(
        String to, String from, String url, String host, Instant expires, String code, Purpose purpose) {

    /** What a mail is for; a custom {@link EmailSender} words each its own way. */
    public enum Purpose {
        /** A sign-in link or code; after a password sign-up, the link that confirms the address. */
        SIGN_IN,
        /** A link to the page that sets a new password ({@code url}); it works once, until {@code expires}. */
        PASSWORD_RESET,
        /**
         * Someone tried to sign up with this address, which has an account already: {@code url} is the page to
         * reset the password. Sent instead of an error, so that sign-up does not tell who has an account.
         */
        ACCOUNT_EXISTS
    }

    /**
     * @param to the recipient
     * @param from the sender
     * @param url the sign-in link, or the page to type the code into
     * @param host the application's host name
     * @param expires when the link or code stops working
     * @param code the one-time code, or {@code null}
     * @param purpose what the mail is for
     */
    public VerificationEmail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(purpose, "purpose");
    }

    /**
     * A sign-in link or code.
     *
     * @param to the recipient
     * @param from the sender
     * @param url the sign-in link, or the page to type the code into
     * @param host the application's host name
     * @param expires when the link or code stops working
     * @param code the one-time code, or {@code null}
     */
    public VerificationEmail(String to, String from, String url, String host, Instant expires, String code) {
        this(to, from, url, host, expires, code, Purpose.SIGN_IN);
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
        this(to, from, url, host, expires, null, Purpose.SIGN_IN);
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
                + (code == null ? "" : ", code=<set>") + (purpose == Purpose.SIGN_IN ? "" : ", purpose=" + purpose)
                + "]";
    }
}
