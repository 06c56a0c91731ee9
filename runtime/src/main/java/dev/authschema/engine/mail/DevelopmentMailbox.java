package dev.authschema.engine.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * The development mailbox: the sign-in e-mails that {@link DevelopmentLogSender} did not send, kept in memory so that
 * the page {@code GET /api/auth/dev/mailbox} can show them (the engine's one instance; only in development mode and
 * only without a mail server). Bounded to the {@link #CAPACITY} newest mails, newest first; a mail whose link or code
 * has expired is dropped. Nothing is written anywhere, and a restart empties it. Thread-safe.
 */
public final class DevelopmentMailbox {

    /** How many mails the engine's mailbox keeps; the oldest goes when a new one arrives. */
    public static final int CAPACITY = 50;

    private final Clock clock;
    private final int capacity;
    private final Deque<Mail> mails = new ArrayDeque<>(); // newest first

    /**
     * @param clock the engine's clock: when a mail was sent, and which have expired
     */
    public DevelopmentMailbox(Clock clock) {
        this(clock, CAPACITY);
    }

    /**
     * @param clock    the engine's clock
     * @param capacity how many mails to keep, at least 1
     */
    public DevelopmentMailbox(Clock clock, int capacity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (capacity < 1) {
            throw new IllegalArgumentException("the development mailbox keeps at least 1 mail, not " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Keeps a mail, dropping the oldest beyond the capacity and every expired one.
     *
     * @param email the mail that was not sent
     */
    public synchronized void put(VerificationEmail email) {
        Instant now = clock.instant();
        dropExpired(now);
        mails.addFirst(new Mail(
                email.to(), VerificationEmailText.subject(email), email.url(), email.code(), now, email.expires()));
        while (mails.size() > capacity) {
            mails.removeLast();
        }
    }

    /**
     * @return the mails whose link or code still works, newest first
     */
    public synchronized List<Mail> mails() {
        dropExpired(clock.instant());
        return List.copyOf(mails);
    }

    private void dropExpired(Instant now) {
        mails.removeIf(mail -> !mail.expires().isAfter(now));
    }

    /**
     * One mail in the development mailbox.
     *
     * @param to      the recipient address (as the user typed it, normalised; attacker-controlled text)
     * @param subject the subject line the e-mail would have had
     * @param url     the sign-in link, or for a code the page to type it into (a credential)
     * @param code    the one-time code (a credential), or {@code null} for a link
     * @param sentAt  when it was put into the mailbox
     * @param expires when the link or code stops working
     */
    public record Mail(String to, String subject, String url, String code, Instant sentAt, Instant expires) {

        /**
         * @return whether the mail carries a code rather than a link
         */
        public boolean isCode() {
            return code != null;
        }

        /** Leaves out the link and the code: either signs the recipient in. */
        @Override
        public String toString() {
            return "Mail[to=" + to + ", subject=" + subject + ", sentAt=" + sentAt + ", expires=" + expires
                    + (code == null ? "" : ", code=<set>") + "]";
        }
    }
}
