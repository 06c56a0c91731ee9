package dev.authschema.demo.it;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server (GreenMail) on the fixed port the test server's settings point to. */
public final class TestMailbox implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/api/auth/callback/email\\?\\S+");

    private final GreenMail greenMail;

    TestMailbox(int port) {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    /**
     * Waits for the next sign-in e-mail to an address and reads the link from its plain-text part.
     *
     * @param email the recipient
     * @return the sign-in link
     */
    public String awaitSignInLink(String email) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            Message[] messages = greenMail.getReceivedMessagesForDomain(email);
            if (messages.length > 0) {
                String link = linkIn(messages[messages.length - 1]);
                purge();
                return link;
            }
            sleep();
        }
        throw new AssertionError("No sign-in e-mail to " + email + " within 20 s");
    }

    /**
     * @return how many e-mails arrived since the last {@link #awaitSignInLink}, to anyone
     */
    public int receivedCount() {
        return greenMail.getReceivedMessages().length;
    }

    private static String linkIn(Message message) {
        try {
            Object content = message.getContent();
            String text = content instanceof Multipart multipart ? plainPart(multipart) : String.valueOf(content);
            Matcher matcher = LINK.matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("No sign-in link in: " + text);
            }
            return matcher.group();
        } catch (MessagingException | IOException e) {
            throw new AssertionError("Unreadable e-mail", e);
        }
    }

    private static String plainPart(Multipart multipart) throws MessagingException, IOException {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return String.valueOf(part.getContent());
            }
        }
        throw new AssertionError("No text/plain part");
    }

    /** Forgets every received e-mail, so that the next wait sees only new ones. */
    private void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new AssertionError("Cannot empty the test mailbox", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
