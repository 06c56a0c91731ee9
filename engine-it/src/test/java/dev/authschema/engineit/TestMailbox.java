package dev.authschema.engineit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server (GreenMail) that the server's mail session points to; reads sign-in links out of mails. */
public final class TestMailbox implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/api/auth/callback/email\\?\\S+");

    private final GreenMail greenMail;

    TestMailbox(int port) {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    /**
     * Waits for the first sign-in e-mail to an address (each test uses fresh addresses).
     *
     * @param email the recipient
     * @return the sign-in link from the plain-text part
     */
    public String awaitSignInLink(String email) {
        return awaitSignInLink(email, 0);
    }

    /**
     * Waits for a further sign-in e-mail to an address.
     *
     * @param email            the recipient
     * @param alreadyReceived  how many e-mails it had before the one awaited ({@link #count})
     * @return the sign-in link from the plain-text part of the newest e-mail
     */
    public String awaitSignInLink(String email, int alreadyReceived) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            Message[] messages = messagesTo(email);
            if (messages.length > alreadyReceived) {
                return linkIn(messages[messages.length - 1]);
            }
            sleep(100);
        }
        throw new AssertionError("No sign-in e-mail to " + email + " within 20 s");
    }

    /**
     * @param email a recipient
     * @return how many e-mails it has received so far
     */
    public int count(String email) {
        return messagesTo(email).length;
    }

    private Message[] messagesTo(String email) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(email));
            } catch (MessagingException e) {
                return false;
            }
        }).toArray(Message[]::new);
    }

    private static String linkIn(Message message) {
        try {
            Object content = message.getContent();
            String text = content instanceof Multipart multipart ? plainPart(multipart) : String.valueOf(content);
            Matcher matcher = LINK.matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("No sign-in link in: " + text);
            }
            String link = matcher.group();
            SeenSecrets.remember(Browser.query(java.net.URI.create(link)).get("token"));
            return link;
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

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
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
