package dev.authschema.engine.config;

import dev.authschema.engine.mail.EmailSender;
import java.time.Duration;
import java.util.Objects;

/**
 * Sign-in by e-mail link (Auth.js's e-mail provider). The link is valid for {@code maxAge}, works once, and opens a
 * confirmation page whose POST signs the user in.
 *
 * @param id                  the provider id, normally {@code email}
 * @param name                the name on the sign-in form
 * @param from                the sender address of the e-mails, required
 * @param maxAge              how long a link is valid; 24 hours by default
 * @param sender              sends the e-mail; {@code null} means through the Jakarta Mail session
 *                            {@code mailSessionJndiName}
 * @param mailSessionJndiName JNDI name of the server's {@code jakarta.mail.Session}, for the default sender
 */
public record EmailProviderConfig(String id, String name, String from, Duration maxAge, EmailSender sender,
                                  String mailSessionJndiName) implements ProviderConfig {

    /** The JNDI name the default sender looks up, relative to {@code java:comp/env} when not absolute. */
    public static final String DEFAULT_MAIL_SESSION = "mail/authschema";

    /**
     * @param id the provider id
     * @param name the name on the sign-in form
     * @param from the sender address
     * @param maxAge how long a link is valid
     * @param sender sends the e-mail, or {@code null} for the default
     * @param mailSessionJndiName JNDI name of the mail session
     */
    public EmailProviderConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(mailSessionJndiName, "mailSessionJndiName");
    }

    @Override
    public String type() {
        return "email";
    }

    /**
     * @param validFor how long a link is valid
     * @return a copy with it
     */
    public EmailProviderConfig withMaxAge(Duration validFor) {
        return new EmailProviderConfig(id, name, from, validFor, sender, mailSessionJndiName);
    }

    /**
     * @param customSender sends the e-mails instead of the Jakarta Mail session (an HTTP mail API, a test double)
     * @return a copy with it
     */
    public EmailProviderConfig withSender(EmailSender customSender) {
        return new EmailProviderConfig(id, name, from, maxAge, customSender, mailSessionJndiName);
    }

    /**
     * @param jndiName JNDI name of the server's mail session
     * @return a copy with it
     */
    public EmailProviderConfig withMailSession(String jndiName) {
        return new EmailProviderConfig(id, name, from, maxAge, sender, jndiName);
    }
}
