package dev.authschema.engine.oauth;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.DuplicateAccountException;
import dev.authschema.adapter.DuplicateEmailException;
import dev.authschema.adapter.UnknownAccountException;
import dev.authschema.adapter.UnsupportedCapabilityException;
import dev.authschema.engine.config.AuthEvents;
import dev.authschema.engine.config.OAuthProfile;
import dev.authschema.engine.config.OAuthProviderConfig;
import dev.authschema.engine.config.SignInCallback;
import dev.authschema.engine.config.SignInDecision;
import dev.authschema.engine.email.EmailAddresses;
import dev.authschema.engine.email.InvalidEmailException;
import dev.authschema.engine.email.UnprovenPasswords;
import dev.authschema.engine.log.FlowLog;
import dev.authschema.engine.model.AuthErrorCode;
import dev.authschema.engine.model.AuthFlowException;
import dev.authschema.engine.model.SignInRedirectException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns an authenticated provider account into a user of this application: applies {@link AccountLinking}, asks the
 * signIn callback, then creates the user and links the account as decided.
 *
 * <p>The profile's address is used only when the provider vouches for it ({@link OAuthProfile#emailVerified()}): only
 * then is a user looked up by it, and only then does a new user get it, with {@code emailVerified} set to now. A new
 * user from an unverified profile has no address, so the real owner's later e-mail sign-in creates their own user
 * rather than entering this one. Linking to the signed-in user never changes that user's address.
 *
 * <p>A sign-in of a known account stores the tokens the provider just issued on the account
 * ({@link AuthAdapter#updateAccount(String, String, java.util.function.UnaryOperator)}, under the same row lock as a
 * token refresh); a provider that sends no refresh token this time keeps the stored one.
 *
 * <p>Two sign-ins may race (a double-clicked callback, two tabs): when the adapter refuses a write because the other
 * one stored the address ({@link DuplicateEmailException}) or the account ({@link DuplicateAccountException}) after
 * this one looked, the sign-in is decided again on what is stored now, so it ends as it would have had the other one
 * finished first: the account's owner is signed in, or {@code OAuthAccountNotLinked}. A user this sign-in created
 * for an account the other one linked to another user is deleted again; one the other sign-in linked the account to
 * (it found the user by the address) stays, with its sessions.
 */
public final class OAuthSignIn {

    /**
     * The user to sign in.
     *
     * @param user      the stored user
     * @param account   the provider account (stored or already known)
     * @param isNewUser whether this sign-in created the user
     */
    public record Outcome(AdapterUser user, AdapterAccount account, boolean isNewUser) {}

    private final AuthAdapter adapter;
    private final SignInCallback signInCallback;
    private final AuthEvents events;
    private final FlowLog log;
    private final Clock clock;

    /**
     * @param adapter        the adapter, with accounts
     * @param signInCallback the application's signIn callback
     * @param events         the event listener (guarded: {@code GuardedEvents})
     * @param log            the flow log
     * @param clock          gives {@code emailVerified} of a new user with a verified address
     */
    public OAuthSignIn(
            AuthAdapter adapter, SignInCallback signInCallback, AuthEvents events, FlowLog log, Clock clock) {
        this.clock = clock;
        this.adapter = adapter;
        this.signInCallback = signInCallback;
        this.events = events;
        this.log = log;
    }

    /**
     * @param provider     the provider
     * @param result       what the provider said
     * @param signedInUser the user already signed in in this browser, if any
     * @return the user to sign in
     * @throws AuthFlowException {@code OAuthAccountNotLinked} or {@code AccessDenied}; a
     *                           {@link SignInRedirectException} when the signIn callback redirects
     */
    public Outcome complete(
            OAuthProviderConfig provider, OAuthClient.Result result, Optional<AdapterUser> signedInUser) {
        try {
            return decideAndStore(provider, result, signedInUser);
        } catch (DuplicateEmailException | DuplicateAccountException raced) {
            log.debug(() -> "provider " + provider.id() + ": a concurrent sign-in stored the "
                    + (raced instanceof DuplicateEmailException ? "address" : "account") + " first; deciding again");
            return decideAndStore(provider, result, signedInUser);
        }
    }

    private Outcome decideAndStore(
            OAuthProviderConfig provider, OAuthClient.Result result, Optional<AdapterUser> signedInUser) {
        OAuthProfile profile = result.profile();
        String email = normalisedOrNull(profile.email());
        boolean verified = email != null && profile.emailVerified();
        Optional<AdapterUser> owner = adapter.getUserByAccount(provider.id(), profile.providerAccountId());
        Optional<AdapterUser> emailOwner = owner.isEmpty() && signedInUser.isEmpty() && verified
                ? adapter.getUserByEmail(email)
                : Optional.empty();
        AccountLinking.Decision decision = AccountLinking.decide(
                owner, signedInUser, emailOwner, verified, provider.allowDangerousEmailAccountLinking());
        log.debug(() -> "provider " + provider.id() + " account " + profile.providerAccountId() + ": "
                + decision.getClass().getSimpleName() + (email != null && !verified ? " (address unverified)" : ""));

        Instant now = clock.instant();
        AdapterUser candidate = decision instanceof AccountLinking.CreateUser
                ? new AdapterUser(
                        UUID.randomUUID().toString(),
                        profile.name(),
                        verified ? email : null,
                        verified ? now : null,
                        profile.image(),
                        profile.extras())
                : userOf(decision);
        AdapterAccount account = account(provider, profile, result.tokens(), candidate.id());
        SignInDecision verdict = signInCallback.decide(candidate, account, result.claims(), provider.id());
        if (verdict instanceof SignInDecision.Redirect redirect) {
            throw new SignInRedirectException(redirect.url(), provider.id());
        }
        if (!(verdict instanceof SignInDecision.Allow)) {
            throw new AuthFlowException(
                    AuthErrorCode.AccessDenied,
                    "signIn callback refused account " + profile.providerAccountId() + " of " + provider.id());
        }
        if (decision instanceof AccountLinking.SignInOwner) {
            return new Outcome(candidate, storeNewTokens(provider, profile, result.tokens(), account), false);
        }
        boolean isNewUser = decision instanceof AccountLinking.CreateUser;
        AdapterUser user = candidate;
        if (decision instanceof AccountLinking.LinkToEmailOwner && user.emailVerified() == null) {
            // The provider proved an address the local user never did: a password set on it was someone else's.
            UnprovenPasswords.drop(adapter, user.id(), log);
        }
        if (isNewUser) {
            user = adapter.createUser(candidate);
            events.createUser(user);
            account = account(provider, profile, result.tokens(), user.id());
        }
        AdapterAccount linked;
        try {
            linked = adapter.linkAccount(account);
        } catch (DuplicateAccountException raced) {
            // Created for this account only, which the other sign-in linked: to its own user, unless it found this
            // one by the address meanwhile (dangerous linking) and signed in to it, which must then stay.
            if (isNewUser && !isOwner(user, provider, profile)) {
                adapter.deleteUser(user.id());
            }
            throw raced;
        }
        events.linkAccount(user, linked);
        return new Outcome(user, linked, isNewUser);
    }

    /**
     * A known account gets the tokens of this sign-in: an application reading them later must not get the ones of
     * the first sign-in (long expired, or revoked by a rotation since). Serialised with token refreshes by the
     * adapter's row lock.
     */
    private AdapterAccount storeNewTokens(
            OAuthProviderConfig provider, OAuthProfile profile, AccountTokens tokens, AdapterAccount signedIn) {
        try {
            return adapter.updateAccount(provider.id(), profile.providerAccountId(), tokens::applyTo);
        } catch (UnknownAccountException unlinked) {
            // Unlinked since it was looked up a moment ago: sign in with this sign-in's account, as before.
            log.debug(() -> "provider " + provider.id() + ": the account was unlinked during sign-in");
            return signedIn;
        } catch (UnsupportedCapabilityException older) {
            log.warn("the adapter " + adapter.getClass().getName() + " has no updateAccount: the tokens of a new"
                    + " sign-in of a known account are not stored; implement it (the conformance kit tests it)");
            return adapter.getAccount(profile.providerAccountId(), provider.id())
                    .orElse(signedIn);
        }
    }

    private boolean isOwner(AdapterUser user, OAuthProviderConfig provider, OAuthProfile profile) {
        return adapter.getUserByAccount(provider.id(), profile.providerAccountId())
                .filter(owner -> owner.id().equals(user.id()))
                .isPresent();
    }

    private static AdapterUser userOf(AccountLinking.Decision decision) {
        if (decision instanceof AccountLinking.SignInOwner d) {
            return d.user();
        } else if (decision instanceof AccountLinking.LinkToSignedInUser d) {
            return d.user();
        } else if (decision instanceof AccountLinking.LinkToEmailOwner d) {
            return d.user();
        }
        throw new IllegalStateException("no user in " + decision);
    }

    private static AdapterAccount account(
            OAuthProviderConfig provider, OAuthProfile profile, AccountTokens tokens, String userId) {
        return new AdapterAccount(
                userId,
                provider.type(),
                provider.id(),
                profile.providerAccountId(),
                tokens.refreshToken(),
                tokens.accessToken(),
                tokens.expiresAt(),
                tokens.tokenType(),
                tokens.scope(),
                tokens.idToken(),
                null,
                Map.of());
    }

    private static String normalisedOrNull(String email) {
        if (email == null) {
            return null;
        }
        try {
            return EmailAddresses.normalize(email);
        } catch (InvalidEmailException e) {
            return null; // a provider's odd address must not block sign-in; the user just has none
        }
    }
}
