package dev.authschema.engine.password;

import dev.authschema.adapter.AdapterMaintenance;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.DuplicateEmailException;
import dev.authschema.adapter.UserUpdate;
import dev.authschema.adapter.VerificationToken;
import dev.authschema.engine.config.EmailProviderConfig;
import dev.authschema.engine.config.PasswordProviderConfig;
import dev.authschema.engine.config.SignInCallback;
import dev.authschema.engine.config.SignInDecision;
import dev.authschema.engine.crypto.RandomTokens;
import dev.authschema.engine.crypto.SecretRing;
import dev.authschema.engine.email.EmailAddresses;
import dev.authschema.engine.email.EmailSignIn;
import dev.authschema.engine.email.InvalidEmailException;
import dev.authschema.engine.email.VerificationTokenHash;
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
 * The password provider's work on users: sign-in, sign-up, change, and reset by a mailed link. Nothing here tells
 * an unknown address from a known one: sign-in verifies a dummy hash for an address without a password, a reset
 * request for an unknown address hashes a dummy password instead of mailing, and a sign-up with a taken address
 * mails its owner instead of failing. Passwords and hashes appear in no message and no log line.
 *
 * <p>A reset link's token is stored as a verification token of the address, hashed apart from sign-in tokens
 * ({@link #RESET_PURPOSE} is hashed with it), so that neither kind of link works as the other.
 */
public final class PasswordAccounts {

    /** Hashed with a reset token: a reset link is no sign-in link and a sign-in link resets nothing. */
    static final String RESET_PURPOSE = "password-reset:";

    private final PasswordProviderConfig provider;
    private final EmailProviderConfig mailer;
    private final AuthAdapter adapter;
    private final EmailSender sender;
    private final EmailSignIn emailSignIn;
    private final PasswordHasher hasher;
    private final SecretRing secrets;
    private final Clock clock;
    private final SignInCallback signInCallback;
    private final FlowLog log;
    private final MailHandOff mails;

    /**
     * @param provider       the password provider's settings
     * @param mailer         the e-mail provider whose sender address the mails carry
     * @param adapter        the adapter, with {@code PASSWORDS}, users and verification tokens
     * @param sender         delivers the mails
     * @param emailSignIn    the e-mail provider's sign-in links: the address check after a sign-up
     * @param hasher         the password hasher
     * @param secrets        the application's secrets (reset tokens are hashed with them)
     * @param clock          the clock
     * @param signInCallback the application's signIn callback, asked before a password signs in
     * @param log            the flow log
     * @param mails          where sign-up and reset mails are sent from (off the request's thread in a server)
     */
    public PasswordAccounts(
            PasswordProviderConfig provider,
            EmailProviderConfig mailer,
            AuthAdapter adapter,
            EmailSender sender,
            EmailSignIn emailSignIn,
            PasswordHasher hasher,
            SecretRing secrets,
            Clock clock,
            SignInCallback signInCallback,
            FlowLog log,
            MailHandOff mails) {
        this.provider = provider;
        this.mailer = mailer;
        this.adapter = adapter;
        this.sender = sender;
        this.emailSignIn = emailSignIn;
        this.hasher = hasher;
        this.secrets = secrets;
        this.clock = clock;
        this.signInCallback = signInCallback;
        this.log = log;
        this.mails = mails;
    }

    /**
     * @param rawEmail what the user typed (untrusted)
     * @param password what the user typed (untrusted)
     * @return the user whose password it is
     * @throws AuthFlowException {@code CredentialsSignin} for an unknown address, a user without a password or a
     *                           wrong password, alike; {@code EmailNotVerified} for the right password of an
     *                           unconfirmed address when the provider requires confirmation; {@code AccessDenied}
     *                           when the signIn callback refuses
     */
    public AdapterUser signIn(String rawEmail, String password) {
        if (password == null
                || password.isEmpty()
                || PasswordRules.oversized(password)
                || PasswordRules.malformed(password)) {
            throw new AuthFlowException(AuthErrorCode.CredentialsSignin, "password missing, oversized or malformed");
        }
        Optional<AdapterUser> user = normalized(rawEmail).flatMap(adapter::getUserByEmail);
        String hash = user.flatMap(u -> adapter.getPasswordHash(u.id())).orElse(null);
        if (!hasher.matches(password, hash) || user.isEmpty()) { // a dummy hash is verified when there is none
            throw new AuthFlowException(AuthErrorCode.CredentialsSignin, "unknown address or wrong password");
        }
        AdapterUser found = user.get();
        if (hasher.needsRehash(hash)) {
            adapter.setPasswordHash(found.id(), hasher.hash(password));
            log.debug(() -> "rehashed the password of user " + found.id() + " with the current parameters");
        }
        if (provider.requireEmailVerification() && found.emailVerified() == null) {
            throw new AuthFlowException(
                    AuthErrorCode.EmailNotVerified,
                    "user " + found.id() + " has not confirmed the address yet (requireEmailVerification)");
        }
        decide(found);
        return found;
    }

    /**
     * Creates a user with the password and mails the link that confirms the address; for an address that has an
     * account, mails its owner a notice instead and answers the same. Both mails go out off the request's thread
     * ({@link MailHandOff}), so that neither the mail server's delay nor its failure tells a taken address from a
     * new one. When the confirmation mail fails, its link is taken back and, if the provider requires confirmation,
     * the account that could never be confirmed is deleted; the failure is logged.
     *
     * @param rawEmail         what the user typed (untrusted)
     * @param password         the new password (untrusted)
     * @param callbackUrl      where the confirmation link leads afterwards (checked), or {@code null}
     * @param emailCallback    the absolute URL of the e-mail provider's callback (the confirmation link's target)
     * @param forgotPage       the absolute URL of the page to ask for a reset link, for the notice
     * @return the new user; empty when the address was taken (its owner gets the notice)
     * @throws AuthFlowException {@code AccessDenied} when sign-up is off or the signIn callback refuses the address,
     *                           {@code PasswordRejected} for a password outside the rules, {@code EmailSignin} for a
     *                           malformed address
     */
    public Optional<AdapterUser> signUp(
            String rawEmail, String password, String callbackUrl, String emailCallback, String forgotPage) {
        if (!provider.allowSignUp()) {
            throw new AuthFlowException(
                    AuthErrorCode.AccessDenied, "sign-up is off for provider " + provider.id() + " (allowSignUp)");
        }
        requireAcceptable(password);
        String email = address(rawEmail);
        String hash = hasher.hash(password); // before the lookup: a taken address costs the same
        Optional<AdapterUser> owner = adapter.getUserByEmail(email);
        if (owner.isPresent()) {
            decideAsNew(owner.get());
            notifyOwner(email, forgotPage);
            return Optional.empty();
        }
        AdapterUser created;
        try {
            created = adapter.createUser(new AdapterUser(null, null, email, null, null, Map.of()));
        } catch (DuplicateEmailException raced) { // signed up since the lookup: the same as a taken address
            adapter.getUserByEmail(email).ifPresent(this::decideAsNew);
            notifyOwner(email, forgotPage);
            return Optional.empty();
        }
        EmailSignIn.PendingLink link;
        try {
            adapter.setPasswordHash(created.id(), hash);
            link = emailSignIn.prepareLink(email, callbackUrl, emailCallback, true);
        } catch (RuntimeException refused) {
            // The signIn callback refused the address, or the database failed: no half-made account stays behind.
            adapter.deleteUser(created.id());
            throw refused;
        }
        mails.run(() -> sendConfirmation(link, created.id(), hash));
        log.debug(() -> "created user " + created.id() + " by password sign-up");
        return Optional.of(created);
    }

    private void sendConfirmation(EmailSignIn.PendingLink link, String userId, String signUpHash) {
        try {
            emailSignIn.deliver(link); // logs a failure and takes the link back
        } catch (RuntimeException failed) {
            if (!provider.requireEmailVerification()) {
                return; // the user is signed in already and keeps the account; a reset link can confirm it
            }
            try {
                // Never confirmed, and now it cannot be: delete it, so that a retry is a new sign-up. Only while it is
                // still the sign-up's own: a provider that proved the address meanwhile (dangerous linking) dropped
                // the password and linked an account to it, a reset replaced the password; that user stays.
                boolean untouched = adapter.getUser(userId)
                                .filter(user -> user.emailVerified() == null)
                                .isPresent()
                        && adapter.getPasswordHash(userId)
                                .filter(signUpHash::equals)
                                .isPresent();
                if (!untouched) {
                    log.debug(() -> "kept user " + userId + " after a failed sign-up mail: the address was proved"
                            + " or the password changed meanwhile");
                    return;
                }
                adapter.deleteUser(userId);
                log.debug(() -> "deleted user " + userId + ": the sign-up's confirmation mail failed");
            } catch (RuntimeException cleanup) {
                log.error("deleting the unconfirmable user " + userId + " after a failed sign-up mail failed", cleanup);
            }
        }
    }

    /**
     * @param userId  the signed-in user
     * @param current their current password (untrusted)
     * @param next    the new password (untrusted)
     * @throws AuthFlowException {@code CredentialsSignin} for a wrong current password (or a user without one: they
     *                           set one by reset), {@code PasswordRejected} for a new one outside the rules
     */
    public void change(String userId, String current, String next) {
        requireAcceptable(next);
        if (current == null
                || current.isEmpty()
                || PasswordRules.oversized(current)
                || PasswordRules.malformed(current)) {
            throw new AuthFlowException(
                    AuthErrorCode.CredentialsSignin, "current password missing, oversized or malformed");
        }
        String hash = adapter.getPasswordHash(userId).orElse(null);
        if (!hasher.matches(current, hash)) {
            throw new AuthFlowException(
                    AuthErrorCode.CredentialsSignin,
                    "the current password of user " + userId + " did not match" + (hash == null ? " (none set)" : ""));
        }
        adapter.setPasswordHash(userId, hasher.hash(next));
        log.debug(() -> "user " + userId + " changed their password");
    }

    /**
     * Mails a reset link to a known address and nothing to an unknown one, with the same answer and about the same
     * cost: each hashes a dummy password, and the mail goes out off the request's thread ({@link MailHandOff}), so
     * neither the mail server's delay nor its failure (logged, the link taken back) reaches the answer.
     *
     * @param rawEmail  what the user typed (untrusted)
     * @param resetPage the absolute URL of the reset page ({@code /api/auth/password/reset})
     * @throws AuthFlowException {@code EmailSignin} for a malformed address
     */
    public void requestReset(String rawEmail, String resetPage) {
        String email = address(rawEmail);
        Optional<AdapterUser> user = adapter.getUserByEmail(email);
        hasher.hashDummy();
        if (user.isEmpty()) {
            log.debug(() -> "password reset asked for an address without an account; nothing sent");
            return;
        }
        String token = RandomTokens.newToken();
        String hash = resetHash(token, secrets.current());
        Instant expires = clock.instant().plus(provider.resetMaxAge());
        adapter.createVerificationToken(new VerificationToken(email, hash, expires));
        String url = resetPage + "?token=" + encode(token) + "&email=" + encode(email);
        VerificationEmail mail = new VerificationEmail(
                email,
                mailer.from(),
                url,
                URI.create(resetPage).getHost(),
                expires,
                null,
                VerificationEmail.Purpose.PASSWORD_RESET);
        mails.run(() -> sendReset(mail, hash));
    }

    private void sendReset(VerificationEmail mail, String tokenHash) {
        try {
            sender.send(mail);
        } catch (RuntimeException e) {
            try {
                adapter.useVerificationToken(mail.to(), tokenHash); // the link never went out: take it back
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            log.error(
                    "sending the password reset e-mail of provider " + provider.id() + " failed",
                    e,
                    List.of(mail.to()));
            return;
        }
        log.debug(() -> "password reset link of provider " + provider.id() + " sent, valid until " + mail.expires());
    }

    /**
     * Uses a reset link up and sets the new password; a reset also confirms the address (the link proved it).
     *
     * @param rawEmail the address from the link (untrusted)
     * @param token    the token from the link (untrusted)
     * @param next     the new password (untrusted); checked first, so that a refused one leaves the link usable
     * @return the user, whose every session the caller ends
     * @throws AuthFlowException {@code PasswordRejected} for a password outside the rules; {@code Verification}
     *                           for a token that is unknown, used, expired or for another address
     */
    public AdapterUser reset(String rawEmail, String token, String next) {
        requireAcceptable(next);
        String email = normalized(rawEmail)
                .orElseThrow(() -> new AuthFlowException(AuthErrorCode.Verification, "reset link with a bad address"));
        if (token == null || token.isEmpty() || token.length() > InputLimits.MAX_TOKEN) {
            throw new AuthFlowException(
                    AuthErrorCode.Verification, "reset link without a token or with an oversized" + " one");
        }
        Optional<VerificationToken> used = Optional.empty();
        for (String secret : secrets.all()) {
            used = adapter.useVerificationToken(email, resetHash(token, secret));
            if (used.isPresent()) {
                break;
            }
        }
        Instant now = clock.instant();
        if (used.isEmpty()) {
            throw new AuthFlowException(AuthErrorCode.Verification, "reset token unknown or already used");
        }
        if (!used.get().expires().isAfter(now)) {
            throw new AuthFlowException(
                    AuthErrorCode.Verification,
                    "reset token expired at " + used.get().expires());
        }
        AdapterUser user = adapter.getUserByEmail(email)
                .orElseThrow(() -> new AuthFlowException(
                        AuthErrorCode.Verification, "the account of the reset link no longer exists"));
        adapter.setPasswordHash(user.id(), hasher.hash(next));
        if (user.emailVerified() == null) {
            user = adapter.updateUser(UserUpdate.of(user.id()).withEmailVerified(now));
        }
        String id = user.id();
        log.debug(() -> "user " + id + " set a new password by a reset link");
        return user;
    }

    /**
     * Ends every session of a user in the database (after a reset: whoever knew the old password is out). JWT
     * sessions live in their cookies only; they cannot be ended here and run until they expire.
     *
     * @param userId the user
     * @return how many were ended; 0 when the adapter cannot list sessions (JWT sessions need none)
     */
    public int endAllSessions(String userId) {
        if (adapter instanceof AdapterMaintenance maintenance) {
            int ended = maintenance.deleteSessionsOfUser(userId, null);
            log.debug(() -> "ended " + ended + " sessions of user " + userId + " after a password reset");
            return ended;
        }
        return 0;
    }

    private void notifyOwner(String email, String forgotPage) {
        VerificationEmail notice = new VerificationEmail(
                email,
                mailer.from(),
                forgotPage,
                URI.create(forgotPage).getHost(),
                clock.instant().plus(provider.resetMaxAge()),
                null,
                VerificationEmail.Purpose.ACCOUNT_EXISTS);
        mails.run(() -> {
            try {
                sender.send(notice);
                log.debug(() -> "sign-up with an address that has an account: its owner was told");
            } catch (RuntimeException e) {
                log.error(
                        "sending the account-exists notice of provider " + provider.id() + " failed",
                        e,
                        List.of(email));
            }
        });
    }

    /**
     * A taken address is put to the signIn callback as a new one is ({@link EmailSignIn#prepareLink} asks it with the
     * stored user, for the e-mail provider): a callback that refuses by address (a domain allow-list) then answers a
     * taken address as it answers a new one, instead of refusing only new ones and telling which addresses have an
     * account.
     */
    private void decideAsNew(AdapterUser owner) {
        decide(owner, mailer.id(), "e-mail");
    }

    private void decide(AdapterUser user) {
        decide(user, provider.id(), "password");
    }

    private void decide(AdapterUser user, String providerId, String method) {
        SignInDecision verdict = signInCallback.decide(user, null, Map.of(), providerId);
        if (verdict instanceof SignInDecision.Redirect redirect) {
            throw new SignInRedirectException(redirect.url(), providerId);
        }
        if (!(verdict instanceof SignInDecision.Allow)) {
            throw new AuthFlowException(AuthErrorCode.AccessDenied, "signIn callback refused " + method + " sign-in");
        }
    }

    private void requireAcceptable(String password) {
        Optional<String> problem = PasswordRules.problem(password, provider.minLength());
        if (problem.isPresent()) {
            throw new AuthFlowException(AuthErrorCode.PasswordRejected, problem.get());
        }
    }

    private static String address(String rawEmail) {
        try {
            return EmailAddresses.normalize(rawEmail);
        } catch (InvalidEmailException e) {
            throw new AuthFlowException(AuthErrorCode.EmailSignin, "malformed e-mail address: " + e.getMessage(), e);
        }
    }

    private static Optional<String> normalized(String rawEmail) {
        try {
            return Optional.of(EmailAddresses.normalize(rawEmail));
        } catch (InvalidEmailException e) {
            return Optional.empty();
        }
    }

    static String resetHash(String token, String secret) {
        return VerificationTokenHash.of(RESET_PURPOSE + token, secret);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
