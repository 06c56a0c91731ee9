package dev.authschema.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MailServerUrlTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("signin@example.com", "p@ss:w/rd%"));

    /** A plain SMTP server on every address of this machine: reached by a non-loopback one, it is "remote". */
    @RegisterExtension
    static final GreenMailExtension PLAIN_REMOTE = new GreenMailExtension(new ServerSetup(41426, "0.0.0.0", "smtp"))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("signin@example.com", "secret-on-the-wire"));

    private static final VerificationEmail EMAIL = new VerificationEmail(
            "ann@example.com",
            "signin@example.com",
            "https://example.com/api/auth/callback/email?token=abc",
            "example.com",
            Instant.EPOCH);

    @Test
    void a_url_with_user_and_password_signs_in_to_a_real_smtp_server_and_sends_the_link() {
        MailServerUrl url = MailServerUrl.parse("smtp://signin%40example.com:p%40ss%3Aw%2Frd%25@127.0.0.1:"
                + SMTP.getSmtp().getPort());

        new JakartaMailSender(url::session).send(EMAIL);

        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    @Test
    void a_wrong_password_is_refused_by_the_server_and_the_failure_does_not_quote_it() {
        MailServerUrl url = MailServerUrl.parse("smtp://signin%40example.com:wrong-secret-123@127.0.0.1:"
                + SMTP.getSmtp().getPort());

        assertThatThrownBy(() -> new JakartaMailSender(url::session).send(EMAIL))
                .isInstanceOf(EmailDeliveryException.class)
                .satisfies(e -> assertThat(e.toString() + e.getCause()).doesNotContain("wrong-secret-123"));
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_remote_server_without_starttls_gets_neither_the_password_nor_the_link() throws Exception {
        // What a man in the middle does: strip STARTTLS from the server's answer. Here the server never offers it.
        String remote = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .map(InetAddress::getHostAddress)
                .findFirst()
                .orElse(null);
        assumeTrue(remote != null, "this machine has no non-loopback address");
        MailServerUrl url = MailServerUrl.parse("smtp://signin%40example.com:secret-on-the-wire@" + remote + ":41426");

        assertThatThrownBy(() -> new JakartaMailSender(url::session).send(EMAIL))
                .isInstanceOf(EmailDeliveryException.class)
                .satisfies(e -> assertThat(e.toString() + e.getCause()).doesNotContain("secret-on-the-wire"));
        assertThat(PLAIN_REMOTE.getReceivedMessages()).isEmpty();
        // The same server reached on loopback (a development mail catcher) still gets the mail.
        new JakartaMailSender(
                        MailServerUrl.parse("smtp://signin%40example.com:secret-on-the-wire@127.0.0.1:41426")::session)
                .send(EMAIL);
        assertThat(PLAIN_REMOTE.getReceivedMessages()).hasSize(1);
    }

    @Test
    void the_default_ports_are_587_for_smtp_and_465_for_smtps() {
        assertThat(MailServerUrl.parse("smtp://mail.example.com").port()).isEqualTo(587);
        assertThat(MailServerUrl.parse("smtps://u:p@mail.example.com").port()).isEqualTo(465);
        assertThat(MailServerUrl.parse("smtps://u:p@mail.example.com").implicitTls())
                .isTrue();
        assertThat(MailServerUrl.parse("SMTP://mail.example.com:2525/").port()).isEqualTo(2525);
    }

    @Test
    void to_string_names_the_server_and_user_but_never_the_password() {
        MailServerUrl url = MailServerUrl.parse("smtp://apikey:SG.secret-value@smtp.example.com:587");

        assertThat(url).hasToString("smtp://apikey:***@smtp.example.com:587");
    }

    @Test
    void another_scheme_is_refused_with_an_example() {
        assertThatThrownBy(() -> MailServerUrl.parse("http://u:hunter2@mail.example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("smtp://")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }

    @Test
    void a_url_missing_its_at_sign_is_refused_without_quoting_what_would_be_the_password() {
        assertThatThrownBy(() -> MailServerUrl.parse("smtp://user:hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host or host:port")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }

    @Test
    void a_broken_percent_escape_in_the_password_is_refused_without_quoting_it() {
        assertThatThrownBy(() -> MailServerUrl.parse("smtp://user:hun%zzter2@mail.example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("%25")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hun%zzter2"));
    }

    @Test
    void a_port_out_of_range_or_not_a_number_is_refused_without_quoting_the_password() {
        for (String url : List.of(
                "smtp://user:s3cret@mail.example.com:99999",
                "smtp://user:s3cret@mail.example.com:0",
                "smtps://user:s3cret@mail.example.com:65536")) {
            assertThatThrownBy(() -> MailServerUrl.parse(url))
                    .as(url)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("AUTH_EMAIL_SERVER: the port after the host must be 1 to 65535")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
        }
        assertThatThrownBy(() -> MailServerUrl.parse("smtp://user:s3cret@mail.example.com:notaport"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AUTH_EMAIL_SERVER: the part after '@' is not host or host:port")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
        assertThat(MailServerUrl.parse("smtp://mail.example.com:65535").port()).isEqualTo(65535);
    }

    @Test
    void an_ipv6_literal_host_is_read_and_a_loopback_one_needs_no_starttls() {
        MailServerUrl local = MailServerUrl.parse("smtp://u:p@[::1]:2525");
        assertThat(local.host()).isEqualTo("[::1]");
        assertThat(local.port()).isEqualTo(2525);
        assertThat(local.session().getProperty("mail.smtp.starttls.required")).isNull();
        MailServerUrl remote = MailServerUrl.parse("smtp://[2001:db8::25]");
        assertThat(remote.port()).isEqualTo(587);
        assertThat(remote.session().getProperty("mail.smtp.starttls.required")).isEqualTo("true");
        assertThat(MailServerUrl.parse("smtps://[2001:DB8::25]:465/").host()).isEqualToIgnoringCase("[2001:db8::25]");
    }

    @Test
    void a_path_query_fragment_or_broken_host_after_the_at_sign_is_refused_without_quoting_the_password() {
        for (String url : List.of(
                "smtp://user:s3cret@mail.example.com:25#x",
                "smtp://user:s3cret@mail.example.com/x",
                "smtp://user:s3cret@mail.example.com?x=1",
                "smtp://user:s3cret@mail example.com",
                "smtp://user:s3cret@[::1",
                "smtp://user:s3cret@[::1]x",
                "smtp://user:s3cret@")) {
            assertThatThrownBy(() -> MailServerUrl.parse(url))
                    .as(url)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("AUTH_EMAIL_SERVER: the part after '@' is not host or host:port")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
        }
    }
}
