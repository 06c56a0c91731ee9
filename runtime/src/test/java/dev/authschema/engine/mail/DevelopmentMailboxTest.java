package dev.authschema.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authschema.engine.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The development mailbox: newest first, bounded, expired mails dropped, safe under concurrent senders. */
class DevelopmentMailboxTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));

    private VerificationEmail link(String to, Duration validFor) {
        return new VerificationEmail(
                to,
                "noreply@example.com",
                "http://localhost:8080/app/api/auth/callback/email?token=t-" + to,
                "localhost",
                clock.instant().plus(validFor));
    }

    @Test
    void a_link_and_a_code_are_kept_newest_first_with_subject_sent_at_and_expiry() {
        DevelopmentMailbox mailbox = new DevelopmentMailbox(clock);
        mailbox.put(link("ann@example.com", Duration.ofHours(24)));
        clock.advance(Duration.ofSeconds(5));
        mailbox.put(new VerificationEmail(
                "bob@example.com",
                "noreply@example.com",
                "http://localhost:8080/app/api/auth/callback/email-code",
                "localhost",
                clock.instant().plus(Duration.ofMinutes(10)),
                "123456"));

        List<DevelopmentMailbox.Mail> mails = mailbox.mails();

        assertThat(mails).extracting(DevelopmentMailbox.Mail::to).containsExactly("bob@example.com", "ann@example.com");
        DevelopmentMailbox.Mail code = mails.get(0);
        assertThat(code.isCode()).isTrue();
        assertThat(code.code()).isEqualTo("123456");
        assertThat(code.subject()).isEqualTo("Your sign-in code for localhost");
        assertThat(code.sentAt()).isEqualTo(Instant.parse("2026-01-05T10:00:05Z"));
        assertThat(code.expires()).isEqualTo(Instant.parse("2026-01-05T10:10:05Z"));
        DevelopmentMailbox.Mail link = mails.get(1);
        assertThat(link.isCode()).isFalse();
        assertThat(link.url()).endsWith("token=t-ann@example.com");
        assertThat(link.subject()).isEqualTo("Sign in to localhost");
        assertThat(link.sentAt()).isEqualTo(Instant.parse("2026-01-05T10:00:00Z"));
    }

    @Test
    void only_the_newest_mails_up_to_the_capacity_are_kept() {
        DevelopmentMailbox mailbox = new DevelopmentMailbox(clock);
        for (int i = 0; i < DevelopmentMailbox.CAPACITY + 7; i++) {
            mailbox.put(link("user" + i + "@example.com", Duration.ofHours(1)));
        }

        List<DevelopmentMailbox.Mail> mails = mailbox.mails();

        assertThat(mails).hasSize(50);
        assertThat(mails.get(0).to()).isEqualTo("user56@example.com");
        assertThat(mails.get(49).to()).isEqualTo("user7@example.com");
    }

    @Test
    void a_mail_whose_link_has_expired_is_dropped() {
        DevelopmentMailbox mailbox = new DevelopmentMailbox(clock, 10);
        mailbox.put(link("short@example.com", Duration.ofMinutes(10)));
        mailbox.put(link("long@example.com", Duration.ofHours(24)));

        clock.advance(Duration.ofMinutes(10)); // the short one's expiry: no longer works

        assertThat(mailbox.mails()).extracting(DevelopmentMailbox.Mail::to).containsExactly("long@example.com");
        clock.advance(Duration.ofDays(1));
        assertThat(mailbox.mails()).isEmpty();
    }

    @Test
    void the_returned_list_is_a_snapshot_and_the_mail_hides_its_link_and_code_from_to_string() {
        DevelopmentMailbox mailbox = new DevelopmentMailbox(clock);
        mailbox.put(new VerificationEmail(
                "ann@example.com",
                "noreply@example.com",
                "http://x/secret-link",
                "x",
                clock.instant().plusSeconds(60),
                "654321"));
        List<DevelopmentMailbox.Mail> before = mailbox.mails();
        mailbox.put(link("bob@example.com", Duration.ofHours(1)));

        assertThat(before).hasSize(1);
        assertThatThrownBy(() -> before.add(before.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(before.get(0).toString())
                .doesNotContain("secret-link", "654321")
                .contains("code=<set>");
    }

    @Test
    void a_capacity_below_one_is_refused() {
        assertThatThrownBy(() -> new DevelopmentMailbox(clock, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    @Test
    void concurrent_senders_lose_nothing_below_the_capacity_and_never_exceed_it() throws Exception {
        DevelopmentMailbox small = new DevelopmentMailbox(clock, 1000);
        DevelopmentMailbox bounded = new DevelopmentMailbox(clock);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 100; i++) {
                        VerificationEmail mail = link("t" + thread + "-" + i + "@example.com", Duration.ofHours(1));
                        small.put(mail);
                        bounded.put(mail);
                        assertThat(bounded.mails().size()).isLessThanOrEqualTo(DevelopmentMailbox.CAPACITY);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : work) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(small.mails())
                .hasSize(800)
                .extracting(DevelopmentMailbox.Mail::to)
                .doesNotHaveDuplicates();
        assertThat(bounded.mails()).hasSize(DevelopmentMailbox.CAPACITY);
    }

    @Test
    void the_development_log_sender_puts_each_mail_into_the_mailbox() {
        DevelopmentMailbox mailbox = new DevelopmentMailbox(clock);
        new DevelopmentLogSender(mailbox).send(link("ann@example.com", Duration.ofHours(1)));

        assertThat(mailbox.mails()).extracting(DevelopmentMailbox.Mail::to).containsExactly("ann@example.com");
    }
}
