package dev.authschema.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JakartaMailSenderTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @Test
    void sends_the_link_through_a_real_smtp_server() throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(SMTP.getSmtp().getPort()));
        Session session = Session.getInstance(properties);
        String url = "https://example.com/api/auth/callback/email?token=abc&email=ann%40example.com";

        new JakartaMailSender(() -> session)
                .send(new VerificationEmail(
                        "ann@example.com",
                        "noreply@example.com",
                        url,
                        "example.com",
                        Instant.parse("2025-01-02T00:00:00Z")));

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Sign in to example.com");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("ann@example.com");
        assertThat(GreenMailUtil.getWholeMessage(received[0])).contains("token=abc");
    }

    @Test
    void a_missing_jndi_session_names_the_lookup() {
        assertThatThrownBy(() -> JakartaMailSender.fromJndi("mail/nowhere")
                        .send(new VerificationEmail("a@b.co", "n@b.co", "https://x", "x", Instant.EPOCH)))
                .isInstanceOf(EmailDeliveryException.class)
                .hasMessageContaining("java:comp/env/mail/nowhere");
    }
}
