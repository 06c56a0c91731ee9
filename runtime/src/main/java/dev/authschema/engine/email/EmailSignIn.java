package dev.authschema.engine.email;

import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.VerificationToken;
import dev.authschema.engine.config.EmailProviderConfig;
import dev.authschema.engine.config.SignInCallback;
import dev.authschema.engine.config.SignInDecision;
import dev.authschema.engine.crypto.RandomTokens;
import dev.authschema.engine.crypto.SecretRing;
import dev.authschema.engine.http.InputLimits;
import dev.authschema.engine.log.FlowLog;
import dev.authschema.engine.mail.EmailSender;
import dev.authschema.engine.mail.VerificationEmail;
import dev.authschema.engine.model.AuthErrorCode;
import dev.authschema.engine.model.AuthFlowException;
import dev.authschema.engine.model.SignInRedirectException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in by e-mail link. {@link #sendLink} stores the hashed token and mails the link; the link opens a confirmation
 * page, and only that page's POST calls {@link #consume}, so a mail scanner that follows links does not use the token
 * up.
 */
public final class EmailSignIn {

    /** The prefix hashed with a password reset token (PasswordAccounts.RESET_PURPOSE); refused in sign-in tokens. */
    private static final String RESET_PURPOSE = "password-reset:";

    /**
     * Hashed with the token of a password sign-up's confirmation link: only that link keeps the password of a user
     * never confirmed; any other proof of the address drops it (someone else may have signed the address up).
     */
    private static final String SIGN_UP_PURPOSE = "password-sign-up:";

    /**
     * The result of a consumed link.
     *
     * @param user            the signed-in user
     * @param isNewUser       whether this sign-in created the user
     * @param updatedExisting whether this sign-in changed a stored user (set its {@code emailVerified})
     */
    public record Verified(AdapterUser user, boolean isNewUser, boolean updatedExisting) {

        /**
         * @param user      the signed-in user
         * @param isNewUser whether this sign-in created the user; a stored user was not changed
         */
        public Verified(AdapterUser user, boolean isNewUser) {
            this(user, isNewUser, false);
        }
    }

    private final EmailProviderConfig provider;
    private final AuthAdapter adapter;
    private final EmailSender sender;
    private final SecretRing secrets;
    private final Clock clock;
    private final SignInCallback signInCallback;
    private final FlowLog log;

    /**
     * @param provider       the e-mail provider's settings
     * @param adapter        the adapter, with verification tokens
     * @param sender         delivers the e-mail
     * @param secrets        the application's secrets: the current one hashes new tokens, all are tried for a link
     * @param clock          the clock
     * @param signInCallback the application's signIn callback, asked before a link is sent
     * @param log            the flow log
     */
    public EmailSignIn(
            EmailProviderConfig provider,
            AuthAdapter adapter,
            EmailSender sender,
            SecretRing secrets,
            Clock clock,
            SignInCallback signInCallback,
            FlowLog log) {
        this.provider = provider;
        this.adapter = adapter;
        this.sender = sender;
        this.secrets = secrets;
        this.clock = clock;
        this.signInCallback = signInCallback;
        this.log = log;
    }

    /**
     * Creates a single-use token and e-mails the link.
     *
     * @param rawEmail         what the user typed
     * @param callbackUrl      where to go after sign-in (already checked), or {@code null}
     * @param callbackEndpoint the absolute URL of {@code /api/auth/callback/<provider>}
     * @return the normalised address the link went to
     * @throws InvalidEmailException if the address is malformed
     * @throws AuthFlowException     {@code AccessDenied} if the signIn callback refuses, {@code EmailSignin} if
     *                               sending failed
     */
    public String sendLink(String rawEmail, String callbackUrl, String callbackEndpoint) {
        return sendLink(rawEmail, callbackUrl, callbackEndpoint, false);
    }

    /**
     * As {@link #sendLink(String, String, String)}; with {@code signUp} the link confirms a password sign-up and
     * keeps its password.
     *
     * @param rawEmail         what the user typed
     * @param callbackUrl      where to go after sign-in (already checked), or {@code null}
     * @param callbackEndpoint the absolute URL of {@code /api/auth/callback/<provider>}
     * @param signUp           whether the link confirms a password sign-up
     * @return the normalised address the link went to
     */
    public String sendLink(String rawEmail, String callbackUrl, String callbackEndpoint, boolean signUp) {
        PendingLink link = prepareLink(rawEmail, callbackUrl, callbackEndpoint, signUp);
        deliver(link);
        return link.mail().to();
    }

    /**
     * A stored link not yet mailed: {@link #prepareLink} made it, {@link #deliver} sends it (possibly on another
     * thread, so that the mail server's delay and failures stay out of the answer).
     *
     * @param mail      the e-mail that carries the link
     * @param tokenHash the stored token's hash, to take the token back when the mail fails
     * @param rawEmail  what the user typed, kept out of the log with the address
     */
    public record PendingLink(VerificationEmail mail, String tokenHash, String rawEmail) {}

    /**
     * The first half of {@link #sendLink(String, String, String, boolean)}: asks the signIn callback and stores the
     * token, but sends nothing.
     *
     * @param rawEmail         what the user typed
     * @param callbackUrl      where to go after sign-in (already checked), or {@code null}
     * @param callbackEndpoint the absolute URL of {@code /api/auth/callback/<provider>}
     * @param signUp           whether the link confirms a password sign-up
     * @return the link to {@link #deliver}
     * @throws InvalidEmailException if the address is malformed
     * @throws AuthFlowException     {@code AccessDenied} if the signIn callback refuses
     */
    public PendingLink prepareLink(String rawEmail, String callbackUrl, String callbackEndpoint, boolean signUp) {
        String email = EmailAddresses.normalize(rawEmail);
        AdapterUser user =
                adapter.getUserByEmail(email).orElse(new AdapterUser(null, null, email, null, null, Map.of()));
        SignInDecision verdict = signInCallback.decide(user, null, Map.of(), provider.id());
        if (verdict instanceof SignInDecision.Redirect redirect) {
            throw new SignInRedirectException(redirect.url(), provider.id());
        }
        if (!(verdict instanceof SignInDecision.Allow)) {
            throw new AuthFlowException(AuthErrorCode.AccessDenied, "signIn callback refused e-mail sign-in");
        }
        String token = RandomTokens.newToken();
        String hash = VerificationTokenHash.of((signUp ? SIGN_UP_PURPOSE : "") + token, secrets.current());
        Instant expires = clock.instant().plus(provider.maxAge());
        adapter.createVerificationToken(new VerificationToken(email, hash, expires));
        String url = callbackEndpoint + "?token=" + encode(token) + "&email=" + encode(email)
                + (callbackUrl == null ? "" : "&callbackUrl=" + encode(callbackUrl));
        VerificationEmail mail = new VerificationEmail(
                email, provider.from(), url, URI.create(callbackEndpoint).getHost(), expires);
        return new PendingLink(mail, hash, rawEmail);
    }

    /**
     * Mails a prepared link; when the mail fails, takes its token back and logs the failure.
     *
     * @param link what {@link #prepareLink} made
     * @throws AuthFlowException {@code EmailSignin} if sending failed
     */
    public void deliver(PendingLink link) {
        String email = link.mail().to();
        try {
            sender.send(link.mail());
        } catch (RuntimeException e) { // a custom sender may fail in any way
            // The link never went out: take the token back, so that the failed request leaves no row behind and a
            // link quoted in a sender's error message is dead.
            try {
                adapter.useVerificationToken(email, link.tokenHash());
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            // Logged whatever the debug switch: the operator must learn that mail is not going out.
            // Without the address: mail servers quote the recipient in their answers, and the log is no place for it.
            log.error(
                    "sending the sign-in e-mail of provider " + provider.id() + " failed",
                    e,
                    List.of(email, link.rawEmail()));
            throw new AuthFlowException(AuthErrorCode.EmailSignin, "sending the sign-in e-mail failed", e);
        }
        log.debug(() -> "sign-in link of provider " + provider.id() + " sent, valid until "
                + link.mail().expires());
    }

    /**
     * Uses a token up and finds or creates the user; a first sign-in creates the user with {@code emailVerified}.
     *
     * @param rawEmail the address from the link
     * @param token    the plain token from the link
     * @return the user
     * @throws AuthFlowException {@code Verification} if the token is unknown, used, expired or for another address
     */
    public Verified consume(String rawEmail, String token) {
        String email;
        try {
            email = EmailAddresses.normalize(rawEmail);
        } catch (InvalidEmailException e) {
            throw new AuthFlowException(AuthErrorCode.Verification, "sign-in link with a malformed address", e);
        }
        if (token == null || token.isEmpty()) {
            throw new AuthFlowException(AuthErrorCode.Verification, "sign-in link without a token");
        }
        if (token.length() > InputLimits.MAX_TOKEN) {
            throw new AuthFlowException(
                    AuthErrorCode.Verification, "sign-in token longer than " + InputLimits.MAX_TOKEN + " characters");
        }
        if (token.startsWith(RESET_PURPOSE) || token.startsWith(SIGN_UP_PURPOSE)) { // would hash to another row
            throw new AuthFlowException(AuthErrorCode.Verification, "a password reset token is no sign-in token");
        }
        Optional<VerificationToken> used = use(email, token);
        boolean signUp = false;
        if (used.isEmpty()) {
            used = use(email, SIGN_UP_PURPOSE + token);
            signUp = used.isPresent();
        }
        Instant now = clock.instant();
        if (used.isEmpty()) {
            throw new AuthFlowException(AuthErrorCode.Verification, "sign-in token unknown or already used");
        }
        if (!used.get().expires().isAfter(now)) {
            throw new AuthFlowException(
                    AuthErrorCode.Verification,
                    "sign-in token expired at " + used.get().expires());
        }
        return EmailUsers.signIn(adapter, email, now, log, signUp);
    }

    /** The link was hashed with one secret of the ring (an older one if it was mailed before a rotation). */
    private Optional<VerificationToken> use(String email, String token) {
        for (String hash : VerificationTokenHash.candidates(token, secrets)) {
            Optional<VerificationToken> used = adapter.useVerificationToken(email, hash);
            if (used.isPresent()) {
                return used;
            }
        }
        return Optional.empty();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
