package dev.authschema.demo.mail;

import dev.authschema.demo.config.DemoSettings;
import dev.authschema.engine.mail.EmailSender;
import dev.authschema.engine.mail.JakartaMailSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Decides where sign-in e-mails go: the SMTP server of {@code SMTP_HOST} when set; otherwise, in development mode,
 * the development mailbox; otherwise the server's Jakarta Mail session {@code mail/authschema} (the engine's default).
 */
@ApplicationScoped
public class SignInMailRouting {

    private static final Logger LOG = Logger.getLogger(SignInMailRouting.class.getName());

    @Inject
    DemoSettings settings;

    @Inject
    DevMailbox devMailbox;

    /**
     * @return the sender to use, or empty for the server's mail session
     */
    public Optional<EmailSender> sender() {
        if (settings.smtp().isPresent()) {
            SmtpSessionFactory sessions = new SmtpSessionFactory(settings.smtp().get());
            LOG.info(() -> "Sign-in e-mails go to " + settings.smtp().get());
            return Optional.of(new JakartaMailSender(sessions::session));
        }
        if (settings.developmentMode()) {
            LOG.info("Sign-in e-mails go to the development mailbox: /dev/mailbox.xhtml (and this log)");
            return Optional.of(devMailbox);
        }
        LOG.info("Sign-in e-mails go through the server's mail session java:comp/env/mail/authschema");
        return Optional.empty();
    }
}
