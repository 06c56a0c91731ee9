package dev.authschema.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) on the loopback port the server under test sends to; reads sign-in links out of the
 * mails. Nothing is ever deleted: each address counts the mails it received, and {@link #awaitSignInLink(String)}
 * hands out each mail's link once, so the same address can sign in again.
 */
public final class TestMailbox implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/api/auth/callback/email\\?\\S+");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final GreenMail greenMail;
    private final Consumer<String> linkRead;
    /** Per lower-cased address: how many of its mails {@link #awaitSignInLink(String)} has looked at. */
    private final Map<String, Integer> handedOut = new HashMap<>();

    /**
     * @param port the SMTP port on 127.0.0.1
     */
    public TestMailbox(int port) {
        this(port, link -> {});
    }

    /**
     * @param port     the SMTP port on 127.0.0.1
     * @param linkRead told every sign-in link read out of a mail (e.g. to remember its token for a log check)
     */
    public TestMailbox(int port, Consumer<String> linkRead) {
        this.linkRead = linkRead;
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    /**
     * Waits for the next sign-in e-mail to an address that no earlier call of this method has seen, and reads the
     * link from its plain-text part.
     *
     * @param email the recipient
     * @return the sign-in link from the newest e-mail
     */
    public String awaitSignInLink(String email) {
        String key = email.toLowerCase(Locale.ROOT);
        int seen;
        synchronized (handedOut) {
            seen = handedOut.getOrDefault(key, 0);
        }
        Message[] messages = await(email, seen);
        synchronized (handedOut) {
            handedOut.merge(key, messages.length, Math::max);
        }
        return linkIn(messages[messages.length - 1]);
    }

    /**
     * Waits for a further sign-in e-mail to an address.
     *
     * @param email           the recipient
     * @param alreadyReceived how many e-mails it had before the one awaited ({@link #count})
     * @return the sign-in link from the plain-text part of the newest e-mail
     */
    public String awaitSignInLink(String email, int alreadyReceived) {
        Message[] messages = await(email, alreadyReceived);
        return linkIn(messages[messages.length - 1]);
    }

    /**
     * Waits for a further e-mail to an address and reads its plain-text part, for mails that carry something else
     * than a link (a one-time code).
     *
     * @param email           the recipient
     * @param alreadyReceived how many e-mails it had before the one awaited ({@link #count})
     * @return the plain text of the newest e-mail
     */
    public String awaitText(String email, int alreadyReceived) {
        Message[] messages = await(email, alreadyReceived);
        try {
            Object content = messages[messages.length - 1].getContent();
            return content instanceof Multipart multipart ? plainPart(multipart) : String.valueOf(content);
        } catch (MessagingException | IOException e) {
            throw new AssertionError("Unreadable e-mail", e);
        }
    }

    /**
     * @param email a recipient
     * @return how many e-mails it has received so far
     */
    public int count(String email) {
        return messagesTo(email).length;
    }

    /**
     * @return how many e-mails have arrived so far, to anyone
     */
    public int receivedCount() {
        return greenMail.getReceivedMessages().length;
    }

    private Message[] await(String email, int moreThan) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Message[] messages = messagesTo(email);
            if (messages.length > moreThan) {
                return messages;
            }
            Waits.sleep(Duration.ofMillis(100));
        }
        throw new AssertionError("No sign-in e-mail to " + email + " within " + TIMEOUT.toSeconds() + " s");
    }

    private Message[] messagesTo(String email) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> isTo(m, email))
                .toArray(Message[]::new);
    }

    private static boolean isTo(Message message, String email) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null
                    && Arrays.stream(recipients).anyMatch(a -> a.toString().equalsIgnoreCase(email));
        } catch (MessagingException e) {
            return false;
        }
    }

    private String linkIn(Message message) {
        try {
            Object content = message.getContent();
            String text = content instanceof Multipart multipart ? plainPart(multipart) : String.valueOf(content);
            Matcher matcher = LINK.matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("No sign-in link in: " + text);
            }
            String link = matcher.group();
            linkRead.accept(link);
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

    @Override
    public void close() {
        greenMail.stop();
    }
}
