package dev.authschema.engine.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Objects;
import java.util.function.Supplier;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Sends sign-in e-mails (plain text and HTML) through a Jakarta Mail {@link Session}: by default the server's, looked
 * up by JNDI name ({@code mail/authschema} under {@code java:comp/env}, or any absolute {@code java:} name), so the
 * SMTP settings stay in the server configuration.
 */
public final class JakartaMailSender implements EmailSender {

    private final Supplier<Session> session;

    /**
     * @param session supplies the mail session, looked up on every send so that a server restart of the mail
     *                resource is picked up
     */
    public JakartaMailSender(Supplier<Session> session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /**
     * @param jndiName the session's JNDI name; names without {@code java:} are looked up under
     *                 {@code java:comp/env/}
     * @return a sender using the server's mail session
     */
    public static JakartaMailSender fromJndi(String jndiName) {
        String name = MailSessions.absoluteName(jndiName);
        return new JakartaMailSender(() -> lookup(name));
    }

    private static Session lookup(String name) {
        try {
            return (Session) new InitialContext().lookup(name);
        } catch (NamingException | ClassCastException e) {
            throw new EmailDeliveryException(
                    "No Jakarta Mail session at JNDI name '" + name + "'; set "
                            + MailServerUrl.ENVIRONMENT_VARIABLE
                            + "=smtp://user:password@host:587, define one in the server"
                            + " (Liberty: <mailSession jndiName=...>) or configure another EmailSender",
                    e);
        }
    }

    @Override
    public void send(VerificationEmail email) {
        try {
            MimeMessage message = new MimeMessage(session.get());
            message.setFrom(new InternetAddress(email.from()));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(email.to(), true));
            message.setSubject(VerificationEmailText.subject(email), "UTF-8");
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(VerificationEmailText.plain(email), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setContent(VerificationEmailText.html(email), "text/html; charset=UTF-8");
            message.setContent(new MimeMultipart("alternative", plain, html));
            Transport.send(message);
        } catch (MessagingException e) {
            throw new EmailDeliveryException("Could not send the sign-in e-mail (the cause says why)", e);
        }
    }
}
