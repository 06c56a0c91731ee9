package dev.authschema.engine.config;

import dev.authschema.engine.mail.EmailSender;
import java.time.Duration;
import java.util.Objects;

/**
 * Sign-in by e-mail link (Auth.js's e-mail provider). The link is valid for {@code maxAge}, works once, and opens a
 * confirmation page whose POST signs the user in. In code mode ({@code codes} set, {@link Providers#emailCode}) the
 * mail holds a short one-time code instead, which the user types into the page of the browser that asked for it.
 *
 * @param id                  the provider id, normally {@code email}
 * @param name                the name on the sign-in form
 * @param from                the sender address of the e-mails, required
 * @param maxAge              how long a link is valid; 24 hours by default
 * @param sender              sends the e-mail; {@code null} means through the Jakarta Mail session
 *                            {@code mailSessionJndiName}
 * @param mailSessionJndiName JNDI name of the server's {@code jakarta.mail.Session}, for the default sender
 * @param codes               how one-time codes are made, or {@code null} to mail links
 */
public record EmailProviderConfig(
        String id,
        String name,
        String from,
        Duration maxAge,
        EmailSender sender,
        String mailSessionJndiName,
        EmailCodeSettings codes)
        implements ProviderConfig {

    /** The JNDI name the default sender looks up, relative to {@code java:comp/env} when not absolute. */
    public static final String DEFAULT_MAIL_SESSION = "mail/authschema";

    /**
     * @param id the provider id
     * @param name the name on the sign-in form
     * @param from the sender address
     * @param maxAge how long a link is valid
     * @param sender sends the e-mail, or {@code null} for the default
     * @param mailSessionJndiName JNDI name of the mail session
     * @param codes how one-time codes are made, or {@code null} for links
     */
    public EmailProviderConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(mailSessionJndiName, "mailSessionJndiName");
    }

    /**
     * A provider that mails links.
     *
     * @param id the provider id
     * @param name the name on the sign-in form
     * @param from the sender address
     * @param maxAge how long a link is valid
     * @param sender sends the e-mail, or {@code null} for the default
     * @param mailSessionJndiName JNDI name of the mail session
     */
    public EmailProviderConfig(
            String id, String name, String from, Duration maxAge, EmailSender sender, String mailSessionJndiName) {
        this(id, name, from, maxAge, sender, mailSessionJndiName, null);
    }

    /**
     * @return whether the provider mails one-time codes rather than links
     */
    public boolean mailsCodes() {
        return codes != null;
    }

    /**
     * @param settings how codes are made, or {@code null} to mail links
     * @return a copy with them
     */
    public EmailProviderConfig withCodes(EmailCodeSettings settings) {
        return new EmailProviderConfig(id, name, from, maxAge, sender, mailSessionJndiName, settings);
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
        return new EmailProviderConfig(id, name, from, validFor, sender, mailSessionJndiName, codes);
    }

    /**
     * @param customSender sends the e-mails instead of the Jakarta Mail session (an HTTP mail API, a test double)
     * @return a copy with it
     */
    public EmailProviderConfig withSender(EmailSender customSender) {
        return new EmailProviderConfig(id, name, from, maxAge, customSender, mailSessionJndiName, codes);
    }

    /**
     * @param jndiName JNDI name of the server's mail session
     * @return a copy with it
     */
    public EmailProviderConfig withMailSession(String jndiName) {
        return new EmailProviderConfig(id, name, from, maxAge, sender, jndiName, codes);
    }
}
