package dev.authschema.engine.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.VerificationToken;
import dev.authschema.engine.config.Providers;
import dev.authschema.engine.crypto.SecretRing;
import dev.authschema.engine.log.FlowLog;
import dev.authschema.engine.mail.VerificationEmail;
import dev.authschema.engine.model.AuthErrorCode;
import dev.authschema.engine.model.AuthFlowException;
import dev.authschema.engine.testing.InMemoryAdapter;
import dev.authschema.engine.testing.MutableClock;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class EmailSignInTest {

    private static final String SECRET = "email-test-secret-that-is-long-enough-12";
    private static final String ENDPOINT = "https://example.com/app/api/auth/callback/email";

    private final InMemoryAdapter adapter = new InMemoryAdapter();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-05-01T08:00:00Z"));
    private final List<VerificationEmail> outbox = new ArrayList<>();
    private boolean allow = true;
    private final EmailSignIn emailSignIn = new EmailSignIn(
            Providers.email("noreply@example.com").withSender(outbox::add),
            adapter,
            null,
            SecretRing.of(SECRET),
            clock,
            (user, account, profile, provider) -> allow,
            new FlowLog(true));

    private EmailSignIn signIn() {
        return new EmailSignIn(
                Providers.email("noreply@example.com"),
                adapter,
                outbox::add,
                SecretRing.of(SECRET),
                clock,
                (user, account, profile, provider) -> allow,
                new FlowLog(true));
    }

    private Map<String, String> linkParameters() {
        String query = URI.create(outbox.get(outbox.size() - 1).url()).getRawQuery();
        Map<String, String> parameters = new HashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            parameters.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }

    @Test
    void the_link_carries_the_plain_token_and_the_store_only_its_hash() {
        assertThat(signIn().sendLink("  Ann@Example.com ", "/app/home", ENDPOINT))
                .isEqualTo("ann@example.com");

        VerificationEmail mail = outbox.get(0);
        assertThat(mail.to()).isEqualTo("ann@example.com");
        assertThat(mail.host()).isEqualTo("example.com");
        assertThat(mail.url()).startsWith(ENDPOINT + "?token=");
        assertThat(mail.toString()).doesNotContain(mail.url());
        Map<String, String> link = linkParameters();
        VerificationToken stored = adapter.tokens.values().iterator().next();
        assertThat(stored.identifier()).isEqualTo("ann@example.com");
        assertThat(stored.token())
                .isEqualTo(VerificationTokenHash.of(link.get("token"), SECRET))
                .isNotEqualTo(link.get("token"));
        assertThat(stored.expires()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        assertThat(link).containsEntry("callbackUrl", "/app/home").containsEntry("email", "ann@example.com");
    }

    @Test
    void a_first_sign_in_creates_the_user_with_email_verified() {
        signIn().sendLink("ann@example.com", null, ENDPOINT);
        Map<String, String> link = linkParameters();

        EmailSignIn.Verified verified = signIn().consume(link.get("email"), link.get("token"));

        assertThat(verified.isNewUser()).isTrue();
        assertThat(verified.user().email()).isEqualTo("ann@example.com");
        assertThat(verified.user().emailVerified()).isEqualTo(clock.instant());
    }

    @Test
    void an_existing_unverified_user_becomes_verified() {
        adapter.createUser(AdapterUser.of("u1", "Ann", "ann@example.com", null, null));
        signIn().sendLink("ann@example.com", null, ENDPOINT);
        Map<String, String> link = linkParameters();

        EmailSignIn.Verified verified = signIn().consume("ANN@example.com", link.get("token"));

        assertThat(verified.isNewUser()).isFalse();
        assertThat(verified.user().id()).isEqualTo("u1");
        assertThat(adapter.users.get("u1").emailVerified()).isEqualTo(clock.instant());
    }

    @Test
    void a_token_works_once() {
        signIn().sendLink("ann@example.com", null, ENDPOINT);
        Map<String, String> link = linkParameters();
        signIn().consume(link.get("email"), link.get("token"));

        assertThatThrownBy(() -> signIn().consume(link.get("email"), link.get("token")))
                .isInstanceOfSatisfying(
                        AuthFlowException.class, e -> assertThat(e.code()).isEqualTo(AuthErrorCode.Verification));
    }

    @Test
    void an_expired_token_is_refused() {
        signIn().sendLink("ann@example.com", null, ENDPOINT);
        Map<String, String> link = linkParameters();
        clock.advance(Duration.ofHours(24));

        assertThatThrownBy(() -> signIn().consume(link.get("email"), link.get("token")))
                .hasMessageContaining("expired");
    }

    @Test
    void a_token_for_another_address_or_a_forged_token_is_refused() {
        signIn().sendLink("ann@example.com", null, ENDPOINT);
        Map<String, String> link = linkParameters();

        assertThatThrownBy(() -> signIn().consume("bob@example.com", link.get("token")))
                .isInstanceOf(AuthFlowException.class);
        assertThatThrownBy(() -> signIn().consume("ann@example.com", "forged")).isInstanceOf(AuthFlowException.class);
        assertThatThrownBy(() -> signIn().consume("not an address", link.get("token")))
                .isInstanceOf(AuthFlowException.class);
    }

    @Test
    void a_malformed_address_is_refused_before_anything_is_stored() {
        assertThatThrownBy(() -> signIn().sendLink("ann@", null, ENDPOINT)).isInstanceOf(InvalidEmailException.class);
        assertThat(adapter.tokens).isEmpty();
        assertThat(outbox).isEmpty();
    }

    @Test
    void the_sign_in_callback_can_refuse_before_a_link_is_sent() {
        allow = false;
        assertThatThrownBy(() -> signIn().sendLink("ann@example.com", null, ENDPOINT))
                .isInstanceOfSatisfying(
                        AuthFlowException.class, e -> assertThat(e.code()).isEqualTo(AuthErrorCode.AccessDenied));
        assertThat(outbox).isEmpty();
    }

    @Test
    void a_failing_sender_becomes_email_signin_leaves_no_token_and_is_logged_without_debug() {
        EmailSignIn failing = new EmailSignIn(
                Providers.email("noreply@example.com"),
                adapter,
                mail -> {
                    throw new IllegalStateException("smtp down");
                },
                SecretRing.of(SECRET),
                clock,
                (u, a, p, id) -> true,
                new FlowLog(false));
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord logRecord) {
                records.add(logRecord);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger("dev.authschema.engine");
        logger.addHandler(handler);
        try {
            assertThatThrownBy(() -> failing.sendLink("ann@example.com", null, ENDPOINT))
                    .isInstanceOfSatisfying(
                            AuthFlowException.class, e -> assertThat(e.code()).isEqualTo(AuthErrorCode.EmailSignin));
        } finally {
            logger.removeHandler(handler);
        }
        assertThat(adapter.tokens).as("the stored token is taken back").isEmpty();
        assertThat(records).anySatisfy(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            assertThat(r.getMessage()).contains("failed").doesNotContain("ann@example.com");
            assertThat(r.getThrown()).hasMessage("smtp down");
        });
        assertThat(emailSignIn).isNotNull();
    }
}
