package dev.authschema.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PasswordMailTextTest {

    private static VerificationEmail mail(VerificationEmail.Purpose purpose) {
        return new VerificationEmail(
                "ann@example.com",
                "noreply@example.com",
                "https://app.example/api/auth/password/reset?token=t0k&email=ann%40example.com",
                "app.example",
                Instant.parse("2026-12-03T11:00:00Z"),
                null,
                purpose);
    }

    @Test
    void a_reset_mail_says_what_it_is_and_carries_the_link() {
        VerificationEmail reset = mail(VerificationEmail.Purpose.PASSWORD_RESET);

        assertThat(VerificationEmailText.subject(reset)).isEqualTo("Reset your password for app.example");
        assertThat(VerificationEmailText.plain(reset)).contains(reset.url()).contains("works once");
        assertThat(VerificationEmailText.html(reset))
                .contains("token=t0k&amp;email=")
                .doesNotContain("Sign in to");
        assertThat(reset.toString()).doesNotContain("t0k").contains("PASSWORD_RESET");
    }

    @Test
    void the_account_exists_notice_points_to_the_reset_page() {
        VerificationEmail notice = mail(VerificationEmail.Purpose.ACCOUNT_EXISTS);

        assertThat(VerificationEmailText.subject(notice)).isEqualTo("You already have an account at app.example");
        assertThat(VerificationEmailText.plain(notice))
                .contains("already has one")
                .contains(notice.url());
    }

    @Test
    void the_older_constructors_still_make_sign_in_mails() {
        VerificationEmail link = new VerificationEmail("a@b.co", "n@b.co", "https://x", "x", Instant.EPOCH);

        assertThat(link.purpose()).isEqualTo(VerificationEmail.Purpose.SIGN_IN);
        assertThat(VerificationEmailText.subject(link)).isEqualTo("Sign in to x");
    }
}
