package dev.authschema.engine.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.authschema.engine.config.EmailCodeSettings;
import dev.authschema.engine.config.EmailProviderConfig;
import dev.authschema.engine.config.Providers;
import dev.authschema.engine.crypto.SecretRing;
import dev.authschema.engine.log.FlowLog;
import dev.authschema.engine.mail.VerificationEmail;
import dev.authschema.engine.model.AuthErrorCode;
import dev.authschema.engine.model.AuthFlowException;
import dev.authschema.engine.ratelimit.InMemoryRateLimitStore;
import dev.authschema.engine.ratelimit.RateLimitSettings;
import dev.authschema.engine.ratelimit.RateLimiter;
import dev.authschema.engine.testing.InMemoryAdapter;
import dev.authschema.engine.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EmailCodeSignInTest {

    private static final String SECRET = "email-code-test-secret-long-enough-123456";
    private static final SecretRing RING = SecretRing.of(SECRET);
    private static final String PAGE = "https://example.com/app/api/auth/callback/email-code";

    private final InMemoryAdapter adapter = new InMemoryAdapter();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T08:00:00Z"));
    private final List<VerificationEmail> outbox = Collections.synchronizedList(new ArrayList<>());
    // Rate limits off: the attempt budget must hold all the same.
    private final RateLimiter limiter =
            new RateLimiter(RateLimitSettings.off(), new InMemoryRateLimitStore(), SECRET, clock);

    private EmailCodeSignIn signIn(EmailProviderConfig provider) {
        return signIn(provider, RING);
    }

    private EmailCodeSignIn signIn(EmailProviderConfig provider, SecretRing secrets) {
        return new EmailCodeSignIn(
                provider,
                adapter,
                outbox::add,
                (request, pending, max) -> {
                    var window = limiter.countAttempt(EmailCodeSignIn.ATTEMPTS, request, provider.maxAge(), max);
                    return window.limited() ? 0 : window.count();
                },
                secrets,
                clock,
                (user, account, profile, id) -> true,
                new FlowLog(true));
    }

    private EmailCodeSignIn signIn() {
        return signIn(Providers.emailCode("noreply@example.com"));
    }

    private String mailedCode() {
        return outbox.get(outbox.size() - 1).code();
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    @Test
    void the_mail_carries_six_digits_and_the_store_only_a_hash_bound_to_the_address() {
        PendingCode pending = signIn().send(" Ann@Example.com ", "/app/home", PAGE);

        VerificationEmail mail = outbox.get(0);
        assertThat(mail.code()).matches("[0-9]{6}");
        assertThat(mail.url()).isEqualTo(PAGE);
        assertThat(mail.toString()).doesNotContain(mail.code());
        assertThat(adapter.tokens.values()).singleElement().satisfies(token -> {
            assertThat(token.identifier()).isEqualTo("ann@example.com");
            assertThat(token.token())
                    .isEqualTo(EmailCodes.hash("ann@example.com", mail.code(), SECRET))
                    .isNotEqualTo(VerificationTokenHash.of(mail.code(), SECRET))
                    .doesNotContain(mail.code());
            assertThat(token.expires()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        });
        assertThat(pending.email()).isEqualTo("ann@example.com");
        assertThat(pending.callbackUrl()).isEqualTo("/app/home");
    }

    @Test
    void the_right_code_signs_in_once_and_a_replay_is_refused() {
        PendingCode pending = signIn().send("ann@example.com", null, PAGE);

        EmailCodeSignIn.Outcome first = signIn().verify(
                        pending,
                        " " + mailedCode().substring(0, 3) + " " + mailedCode().substring(3));

        assertThat(first).isInstanceOfSatisfying(EmailCodeSignIn.SignedIn.class, signedIn -> {
            assertThat(signedIn.verified().isNewUser()).isTrue();
            assertThat(signedIn.verified().user().emailVerified()).isEqualTo(clock.instant());
        });
        assertThat(adapter.tokens).isEmpty();
        assertThat(signIn().verify(pending, mailedCode())).isEqualTo(new EmailCodeSignIn.Wrong(3));
    }

    @Test
    void a_code_mailed_before_a_rotation_works_during_it_and_not_after_it() {
        EmailProviderConfig provider = Providers.emailCode("noreply@example.com");
        String next = "email-code-test-secret-the-next-one-7890";
        PendingCode before = signIn().send("ann@example.com", null, PAGE);
        String beforeCode = mailedCode();
        PendingCode other = signIn().send("bob@example.com", null, PAGE);
        String otherCode = mailedCode();

        assertThat(signIn(provider, SecretRing.of(List.of(next, SECRET))).verify(before, beforeCode))
                .isInstanceOf(EmailCodeSignIn.SignedIn.class);
        assertThat(signIn(provider, SecretRing.of(next)).verify(other, otherCode))
                .isEqualTo(new EmailCodeSignIn.Wrong(4));
        assertThat(adapter.tokens).hasSize(1);
    }

    @Test
    void a_code_mailed_for_another_request_of_the_same_address_is_wrong_for_this_one() {
        // Whoever asks for many codes for one address must not get each request's budget against every code.
        PendingCode first = signIn().send("ann@example.com", null, PAGE);
        String firstCode = mailedCode();
        PendingCode second = signIn().send("ann@example.com", null, PAGE);
        String secondCode = mailedCode();
        assumeFalse(firstCode.equals(secondCode));

        assertThat(signIn().verify(second, firstCode)).isEqualTo(new EmailCodeSignIn.Wrong(4));
        assertThat(signIn().verify(first, secondCode)).isEqualTo(new EmailCodeSignIn.Wrong(4));
        assertThat(adapter.tokens).hasSize(2);
        assertThat(signIn().verify(first, firstCode)).isInstanceOf(EmailCodeSignIn.SignedIn.class);
        assertThat(signIn().verify(second, secondCode)).isInstanceOf(EmailCodeSignIn.SignedIn.class);
        assertThat(adapter.tokens).isEmpty();
    }

    @Test
    void five_wrong_codes_burn_the_request_and_the_right_one_then_fails() {
        PendingCode pending = signIn().send("ann@example.com", null, PAGE);
        String code = mailedCode();

        for (int left = 4; left >= 1; left--) {
            assertThat(signIn().verify(pending, wrong(code))).isEqualTo(new EmailCodeSignIn.Wrong(left));
        }
        assertThat(adapter.tokens).hasSize(1);
        assertThatThrownBy(() -> signIn().verify(pending, wrong(code)))
                .isInstanceOfSatisfying(
                        AuthFlowException.class, e -> assertThat(e.code()).isEqualTo(AuthErrorCode.Verification));
        assertThat(adapter.tokens).isEmpty(); // burnt after the fifth
        assertThatThrownBy(() -> signIn().verify(pending, code))
                .isInstanceOf(AuthFlowException.class)
                .hasMessageContaining("spent");
        assertThat(adapter.users).isEmpty();
    }

    @Test
    void a_code_is_useless_for_another_address() {
        PendingCode ann = signIn().send("ann@example.com", null, PAGE);
        String annCode = mailedCode();
        PendingCode bob = signIn().send("bob@example.com", null, PAGE);

        // Bob's browser types Ann's code: it is compared for Bob's address only.
        assertThat(signIn().verify(bob, annCode)).isInstanceOf(EmailCodeSignIn.Wrong.class);
        assertThat(adapter.tokens).hasSize(2);
        assertThat(signIn().verify(ann, annCode)).isInstanceOf(EmailCodeSignIn.SignedIn.class);
    }

    @Test
    void no_pending_code_and_an_expired_code_are_refused() {
        assertThatThrownBy(() -> signIn().verify(null, "123456"))
                .isInstanceOf(AuthFlowException.class)
                .hasMessageContaining("no sign-in code is pending");
        PendingCode pending = signIn().send("ann@example.com", null, PAGE);
        clock.advance(Duration.ofMinutes(10));

        assertThatThrownBy(() -> signIn().verify(pending, mailedCode()))
                .isInstanceOf(AuthFlowException.class)
                .hasMessageContaining("expired");
        assertThat(adapter.users).isEmpty();
    }

    @Test
    void oversized_or_foreign_characters_count_as_wrong_attempts_without_reaching_the_store() {
        PendingCode pending = signIn().send("ann@example.com", null, PAGE);

        assertThat(signIn().verify(pending, "1".repeat(10_000))).isEqualTo(new EmailCodeSignIn.Wrong(4));
        assertThat(signIn().verify(pending, "12345a")).isEqualTo(new EmailCodeSignIn.Wrong(3));
        assertThat(signIn().verify(pending, null)).isEqualTo(new EmailCodeSignIn.Wrong(2));
        assertThat(adapter.tokens).hasSize(1);
    }

    @Test
    void a_letters_alphabet_accepts_the_code_typed_in_lower_case() {
        EmailProviderConfig provider = Providers.emailCode("noreply@example.com")
                .withCodes(EmailCodeSettings.defaults()
                        .withAlphabet("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
                        .withLength(8));
        PendingCode pending = signIn(provider).send("ann@example.com", null, PAGE);

        assertThat(mailedCode()).matches("[A-HJ-NP-Z2-9]{8}");
        assertThat(signIn(provider).verify(pending, mailedCode().toLowerCase()))
                .isInstanceOf(EmailCodeSignIn.SignedIn.class);
    }

    @Test
    void concurrent_guesses_never_exceed_the_attempt_budget() throws Exception {
        PendingCode pending = signIn().send("ann@example.com", null, PAGE);
        String code = mailedCode();
        int threads = 16;
        AtomicInteger wrongCounted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                try {
                    signIn().verify(pending, wrong(code));
                    wrongCounted.incrementAndGet();
                } catch (AuthFlowException e) {
                    refused.incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : futures) {
            future.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        // Four wrong attempts answered "try again", the fifth burnt the code, and every other was refused.
        assertThat(wrongCounted.get()).isEqualTo(4);
        assertThat(refused.get()).isEqualTo(threads - 4);
        assertThat(adapter.tokens).isEmpty();
        assertThatThrownBy(() -> signIn().verify(pending, code)).isInstanceOf(AuthFlowException.class);
    }

    @Test
    void the_pending_code_cookie_opens_only_with_the_secret_and_the_name_it_was_sealed_for() {
        PendingCode pending = signIn().send("ann@example.com", "/home", PAGE);
        String sealed = pending.seal(RING, "authjs.email-code");

        assertThat(sealed).doesNotContain("ann@example.com");
        assertThat(PendingCode.open(sealed, RING, "authjs.email-code", clock.instant()))
                .contains(pending);
        assertThat(PendingCode.open(sealed, SecretRing.of(SECRET + "x"), "authjs.email-code", clock.instant()))
                .isEmpty();
        assertThat(PendingCode.open(sealed, RING, "authjs.state", clock.instant()))
                .isEmpty();
        assertThat(PendingCode.open(
                        sealed.substring(0, sealed.length() - 2), RING, "authjs.email-code", clock.instant()))
                .isEmpty();
        assertThat(PendingCode.open(sealed, RING, "authjs.email-code", pending.expires()))
                .isEmpty();
    }
}
