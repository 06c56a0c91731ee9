package dev.authschema.demo.web;

import dev.authschema.demo.config.DemoSettings;
import dev.authschema.demo.mail.DevMailbox;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The development mailbox page: the sign-in e-mails sent while no SMTP server is configured. */
@Named("mailbox")
@RequestScoped
public class MailboxBean {

    @Inject
    DemoSettings settings;

    @Inject
    DevMailbox mailbox;

    /**
     * A sent e-mail as the page lists it.
     *
     * @param to     recipient
     * @param url    the sign-in link
     * @param sentAt when it was sent
     */
    public record Row(String to, String url, String sentAt) {}

    /**
     * @return whether the mailbox is on (development mode without SMTP) and this browser may see it (on this machine,
     *         see {@link DevMailboxAccess})
     */
    public boolean isOn() {
        return settings.developmentMode()
                && settings.smtp().isEmpty()
                && DevMailboxAccess.allowed(
                        settings.developmentMode(),
                        FacesRequest.request().getRemoteAddr(),
                        FacesRequest.request()::getHeader,
                        FacesRequest.request().getHeaderNames());
    }

    /**
     * @return the sent e-mails, newest first; none when the mailbox is off
     */
    public List<Row> getEmails() {
        if (!isOn()) {
            return List.of();
        }
        return mailbox.sent().stream()
                .map(e -> new Row(e.to(), e.url(), Times.format(e.sentAt())))
                .toList();
    }
}
