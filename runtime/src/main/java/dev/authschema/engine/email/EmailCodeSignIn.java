package dev.authschema.engine.email;

import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.VerificationToken;
import dev.authschema.engine.config.EmailCodeSettings;
import dev.authschema.engine.config.EmailProviderConfig;
import dev.authschema.engine.config.SignInCallback;
import dev.authschema.engine.crypto.RandomTokens;
import dev.authschema.engine.crypto.SecretRing;
import dev.authschema.engine.log.FlowLog;
import dev.authschema.engine.mail.EmailSender;
import dev.authschema.engine.mail.VerificationEmail;
import dev.authschema.engine.model.AuthErrorCode;
import dev.authschema.engine.model.AuthFlowException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in by a mailed one-time code. {@link #send} stores the code's hash as a verification token (bound to the
 * address, {@link EmailCodes#hash}) and mails the code; the browser that asked keeps a sealed {@link PendingCode}.
 * {@link #verify} counts the attempt against the request's budget first, then uses the token up if the code is right.
 *
 * <p>Why the budget is counted in the rate-limit store, keyed by the request's random id: the verification-token SPI
 * can only use a token up, not count on it, and the rate-limit store's {@code hit} is atomic (one conditional update
 * in the database, shared by every server; in memory per server when the schema has no RateLimit model). So at most
 * {@code maxAttempts} attempts are ever counted for one request, however many arrive at once, and an attempt beyond
 * them is refused before the code is even compared. Keyed by the request rather than by the address, so that nobody
 * can burn another person's code without the cookie of the browser that asked for it. After the last wrong attempt
 * the token is burnt: used up with the hash the cookie holds, so even the right code no longer works.
 */
public final class EmailCodeSignIn {

    /** Name of the attempt budget in the rate-limit store. */
    public static final String ATTEMPTS = "email-code-attempts";

    /** Counts one attempt of a request's budget. */
    @FunctionalInterface
    public interface AttemptCounter {

        /**
         * @param requestId the request's id
         * @param pending   the pending code (its lifetime bounds the budget's)
         * @param max       the budget
         * @return the attempt's number (1 for the first), or 0 when the budget was already spent
         */
        int count(String requestId, PendingCode pending, int max);
    }

    /** What a typed code did. */
    public sealed interface Outcome {}

    /**
     * The code was right: the user is signed in.
     *
     * @param verified the user
     */
    public record SignedIn(EmailSignIn.Verified verified) implements Outcome {}

    /**
     * The code was wrong, and the request may be tried again.
     *
     * @param attemptsLeft how many more codes may be typed
     */
    public record Wrong(int attemptsLeft) implements Outcome {}

    private final EmailProviderConfig provider;
    private final EmailCodeSettings settings;
    private final AuthAdapter adapter;
    private final EmailSender sender;
    private final AttemptCounter attempts;
    private final SecretRing secrets;
    private final Clock clock;
    private final SignInCallback signInCallback;
    private final FlowLog log;

    /**
     * @param provider       the e-mail provider, in code mode
     * @param adapter        the adapter, with verification tokens
     * @param sender         delivers the e-mail
     * @param attempts       counts attempts atomically
     * @param secrets        the application's secrets: the current one hashes new codes, all are tried
     * @param clock          the clock
     * @param signInCallback the application's signIn callback, asked before a code is sent
     * @param log            the flow log
     */
    public EmailCodeSignIn(
            EmailProviderConfig provider,
            AuthAdapter adapter,
            EmailSender sender,
            AttemptCounter attempts,
            SecretRing secrets,
            Clock clock,
            SignInCallback signInCallback,
            FlowLog log) {
        if (!provider.mailsCodes()) {
            throw new IllegalArgumentException("provider " + provider.id() + " mails links, not codes");
        }
        this.provider = provider;
        this.settings = provider.codes();
        this.adapter = adapter;
        this.sender = sender;
        this.attempts = attempts;
        this.secrets = secrets;
        this.clock = clock;
        this.signInCallback = signInCallback;
        this.log = log;
    }

    /**
     * Makes a code, stores its hash and mails it.
     *
     * @param rawEmail    what the user typed
     * @param callbackUrl where to go after sign-in (already checked), or {@code null}
     * @param pageUrl     the absolute URL of the page to type the code into (named in the mail; holds no secret)
     * @return what the asking browser must keep
     * @throws InvalidEmailException if the address is malformed
     * @throws AuthFlowException     {@code AccessDenied} if the signIn callback refuses, {@code EmailSignin} if
     *                               sending failed
     */
    public PendingCode send(String rawEmail, String callbackUrl, String pageUrl) {
        String email = EmailAddresses.normalize(rawEmail);
        AdapterUser user =
                adapter.getUserByEmail(email).orElse(new AdapterUser(null, null, email, null, null, Map.of()));
        if (!signInCallback.allow(user, null, Map.of(), provider.id())) {
            throw new AuthFlowException(AuthErrorCode.AccessDenied, "signIn callback refused e-mail sign-in");
        }
        String code = EmailCodes.newCode(settings);
        String hash = EmailCodes.hash(email, code, secrets.current());
        Instant expires = clock.instant().plus(provider.maxAge());
        adapter.createVerificationToken(new VerificationToken(email, hash, expires));
        try {
            sender.send(new VerificationEmail(
                    email,
                    provider.from(),
                    pageUrl,
                    java.net.URI.create(pageUrl).getHost(),
                    expires,
                    code));
        } catch (RuntimeException e) { // a custom sender may fail in any way
            burn(email, hash, e);
            log.error(
                    "sending the sign-in code of provider " + provider.id() + " failed",
                    e,
                    List.of(email, rawEmail, code));
            throw new AuthFlowException(AuthErrorCode.EmailSignin, "sending the sign-in e-mail failed", e);
        }
        log.debug(() -> "sign-in code of provider " + provider.id() + " sent, valid until " + expires);
        return new PendingCode(email, hash, RandomTokens.newToken(), callbackUrl, expires);
    }

    /**
     * Checks a typed code.
     *
     * @param pending what the browser kept, or {@code null} when its cookie is missing or not genuine
     * @param typed   what the user typed (untrusted)
     * @return {@link SignedIn}, or {@link Wrong} with attempts left
     * @throws AuthFlowException {@code Verification} when no code is pending in this browser, the code expired, was
     *                           used, or its attempts are spent (then it is burnt)
     */
    public Outcome verify(PendingCode pending, String typed) {
        if (pending == null) {
            throw new AuthFlowException(
                    AuthErrorCode.Verification,
                    "no sign-in code is pending in this browser"
                            + " (no cookie, or one that is expired or not genuine)");
        }
        int max = settings.maxAttempts();
        int attempt = attempts.count(pending.requestId(), pending, max);
        if (attempt == 0) {
            // Refused before the token table is touched: the last counted attempt already used the row up (right
            // code) or burnt it (wrong code), so a flood of guesses beyond the budget costs the database nothing.
            throw new AuthFlowException(
                    AuthErrorCode.Verification, "the sign-in code's " + max + " attempts are spent; it is burnt");
        }
        String code = EmailCodes.normalize(typed, settings);
        Optional<VerificationToken> used = code == null ? Optional.empty() : use(pending, code);
        Instant now = clock.instant();
        if (used.isPresent()) {
            if (!used.get().expires().isAfter(now)) {
                throw new AuthFlowException(
                        AuthErrorCode.Verification,
                        "sign-in code expired at " + used.get().expires());
            }
            return new SignedIn(EmailUsers.signIn(adapter, pending.email(), now, log, false));
        }
        if (attempt >= max) {
            burn(pending.email(), pending.storedHash(), null);
            throw new AuthFlowException(
                    AuthErrorCode.Verification,
                    "wrong sign-in code at the last of " + max + " attempts; the code is burnt");
        }
        log.debug(() -> "wrong sign-in code of provider " + provider.id() + ", attempt " + attempt + " of " + max);
        return new Wrong(max - attempt);
    }

    /** Uses the token up with its own hash, so that it no longer signs anybody in. */
    private void burn(String email, String hash, RuntimeException failure) {
        try {
            adapter.useVerificationToken(email, hash);
        } catch (RuntimeException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            } else {
                throw e;
            }
        }
    }

    /**
     * Uses the row of this request's code, trying each secret in turn: a code mailed before a rotation still works
     * during it. Only the row the cookie names counts: were any pending row of the address accepted, whoever asked
     * for N codes for one address (each mailed to its owner, each with its own budget) would have N times the
     * attempts, each N times as likely to hit.
     */
    private Optional<VerificationToken> use(PendingCode pending, String code) {
        byte[] expected = pending.storedHash().getBytes(StandardCharsets.UTF_8);
        for (String secret : secrets.all()) {
            String hash = EmailCodes.hash(pending.email(), code, secret);
            if (MessageDigest.isEqual(expected, hash.getBytes(StandardCharsets.UTF_8))) {
                return adapter.useVerificationToken(pending.email(), hash);
            }
        }
        return Optional.empty();
    }
}
