package dev.authschema.engine.passkey;

import dev.authschema.adapter.AdapterAuthenticator;
import dev.authschema.adapter.AdapterCapability;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.engine.config.PasskeyProviderConfig;
import dev.authschema.engine.crypto.RandomTokens;
import dev.authschema.engine.crypto.SecretRing;
import dev.authschema.engine.http.AuthCookies;
import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.log.FlowLog;
import dev.authschema.engine.model.AuthErrorCode;
import dev.authschema.engine.model.AuthFlowException;
import dev.authschema.engine.ratelimit.RateLimiter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two passkey ceremonies, from their options to the stored result: registration (a signed-in user adds a
 * passkey; or, where the provider allows it, someone signs up with one) and authentication with a discoverable
 * credential. Thread-safe.
 *
 * <p>A challenge is accepted once: the sealed cookie ({@link ChallengeCookie}) makes it short-lived and bound to the
 * browser, and after the browser's answer passed every check, the challenge is marked as used in the rate-limit
 * store ({@link RateLimiter#useOnce}) before anything is written. That store is the database's {@code RateLimit}
 * model when the schema has one (shared by every server), else this server's memory. A refused answer writes nothing.
 */
public final class PasskeyCeremonies {

    /** Names from the options request are shown by the authenticator and stored as the new user's name. */
    public static final int MAX_USER_NAME = 64;

    private static final String USED_CHALLENGE = "webauthn-challenge";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuthAdapter adapter;
    private final RateLimiter ledger;
    private final FlowLog log;
    private final ChallengeCookie cookie;
    private final PasskeyVerifier verifier = new PasskeyVerifier();

    /**
     * @param adapter the adapter; needs {@link AdapterCapability#AUTHENTICATORS}
     * @param secrets the application's secrets: the current one seals the challenge cookie, all open it
     * @param clock   the clock
     * @param ledger  marks used challenges
     * @param log     the flow log
     */
    public PasskeyCeremonies(AuthAdapter adapter, SecretRing secrets, Clock clock, RateLimiter ledger, FlowLog log) {
        this.adapter = adapter;
        this.ledger = ledger;
        this.log = log;
        this.cookie = new ChallengeCookie(secrets, clock);
    }

    /**
     * What the browser did.
     *
     * @param user      the user it is about
     * @param isNewUser whether the ceremony created the user (sign-up)
     * @param signIn    whether a session should start: an authentication or a sign-up, not a signed-in user's new
     *                  passkey
     */
    public record Outcome(AdapterUser user, boolean isNewUser, boolean signIn) {}

    /**
     * Starts a ceremony: a fresh challenge in the sealed cookie, and the options for the browser.
     *
     * @param exchange the request (receives the cookie)
     * @param names    the cookie names
     * @param provider the passkey provider
     * @param party    the relying party
     * @param action   {@code register}, {@code authenticate}, or {@code null} for: register when signed in
     * @param signedIn the caller's user, or empty
     * @param userName for a sign-up, the name the new user gives (untrusted), or {@code null}
     * @return {@code {action, options}}: the {@code PublicKeyCredentialCreationOptionsJSON} or
     *         {@code PublicKeyCredentialRequestOptionsJSON} of WebAuthn level 3, binary values base64url
     */
    public Map<String, Object> options(
            HttpExchange exchange,
            AuthCookies names,
            PasskeyProviderConfig provider,
            RelyingParty party,
            String action,
            Optional<AdapterUser> signedIn,
            String userName) {
        requireAuthenticators();
        String chosen = action == null || action.isEmpty()
                ? (signedIn.isPresent() ? Ceremony.REGISTER : Ceremony.AUTHENTICATE)
                : action;
        String challenge = RandomTokens.newToken();
        long timeout = provider.challengeMaxAge().toMillis();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("challenge", challenge);
        options.put("timeout", timeout);
        Ceremony ceremony;
        if (Ceremony.AUTHENTICATE.equals(chosen)) {
            options.put("rpId", party.id());
            options.put("allowCredentials", List.of()); // discoverable: the authenticator offers its passkeys
            options.put("userVerification", "required");
            ceremony = new Ceremony(provider.id(), chosen, challenge, null, null, null);
        } else if (Ceremony.REGISTER.equals(chosen)) {
            ceremony = registration(options, provider, party, challenge, signedIn, userName);
        } else {
            throw new AuthFlowException(
                    AuthErrorCode.WebAuthnVerificationError,
                    "passkey options: the action " + FlowLog.untrusted(chosen)
                            + " is neither register nor authenticate");
        }
        cookie.write(exchange, names, ceremony, provider.challengeMaxAge());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("action", chosen);
        json.put("options", options);
        return json;
    }

    private Ceremony registration(
            Map<String, Object> options,
            PasskeyProviderConfig provider,
            RelyingParty party,
            String challenge,
            Optional<AdapterUser> signedIn,
            String userName) {
        String handle;
        String label;
        List<Map<String, Object>> exclude = new ArrayList<>();
        if (signedIn.isPresent()) {
            AdapterUser user = signedIn.get();
            List<AdapterAuthenticator> existing = adapter.listAuthenticatorsByUserId(user.id());
            // One user handle per user: a new passkey on an authenticator that has one replaces nothing else's.
            handle = existing.isEmpty() ? newUserHandle() : existing.get(0).providerAccountId();
            for (AdapterAuthenticator authenticator : existing) {
                Map<String, Object> descriptor = new LinkedHashMap<>();
                descriptor.put("type", "public-key");
                descriptor.put("id", authenticator.credentialId());
                if (authenticator.transports() != null) {
                    descriptor.put(
                            "transports", List.of(authenticator.transports().split(",")));
                }
                exclude.add(descriptor);
            }
            label = user.email() != null ? user.email() : user.name() != null ? user.name() : "account";
        } else if (provider.allowSignUp()) {
            handle = newUserHandle();
            label = userName == null || userName.isBlank() ? null : userName.strip();
            if (label != null && label.length() > MAX_USER_NAME) {
                throw new AuthFlowException(
                        AuthErrorCode.WebAuthnVerificationError,
                        "passkey sign-up: the name is" + " longer than " + MAX_USER_NAME + " characters");
            }
        } else {
            throw new AuthFlowException(
                    AuthErrorCode.SessionRequired,
                    "passkey registration needs a signed-in user"
                            + " (sign-up with a passkey alone is off for provider " + provider.id() + ")");
        }
        Map<String, Object> rp = new LinkedHashMap<>();
        rp.put("id", party.id());
        rp.put("name", party.id());
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", handle);
        user.put("name", label == null ? "passkey" : label);
        user.put("displayName", label == null ? "passkey" : label);
        List<Map<String, Object>> algorithms = new ArrayList<>();
        for (long algorithm : PasskeyVerifier.ALGORITHMS) {
            algorithms.add(Map.of("type", "public-key", "alg", algorithm));
        }
        Map<String, Object> selection = new LinkedHashMap<>();
        selection.put("residentKey", "required");
        selection.put("requireResidentKey", true);
        selection.put("userVerification", "required");
        options.put("rp", rp);
        options.put("user", user);
        options.put("pubKeyCredParams", algorithms);
        options.put("excludeCredentials", exclude);
        options.put("authenticatorSelection", selection);
        options.put("attestation", "none");
        return new Ceremony(
                provider.id(),
                Ceremony.REGISTER,
                challenge,
                signedIn.map(AdapterUser::id).orElse(null),
                handle,
                signedIn.isPresent() ? null : label);
    }

    /**
     * Finishes a ceremony: the cookie's challenge, the browser's answer checked against it and the relying party,
     * the challenge marked as used, then the passkey stored (registration) or its counter moved on (authentication).
     * The cookie is cleared whatever happens.
     *
     * @param exchange the request
     * @param names    the cookie names
     * @param provider the passkey provider
     * @param party    the relying party
     * @param action   {@code register} or {@code authenticate}, as the browser says (must match the cookie's)
     * @param data     the browser's {@code PublicKeyCredential} as JSON (untrusted)
     * @param signedIn the caller's user, or empty
     * @return what happened
     * @throws AuthFlowException {@code WebAuthnVerificationError} for any refused answer, with nothing written
     */
    public Outcome finish(
            HttpExchange exchange,
            AuthCookies names,
            PasskeyProviderConfig provider,
            RelyingParty party,
            String action,
            String data,
            Optional<AdapterUser> signedIn) {
        requireAuthenticators();
        Optional<Ceremony> started = cookie.read(exchange, names, provider.id());
        cookie.clear(exchange, names);
        Ceremony ceremony = started.orElseThrow(() -> PasskeyVerifier.refused(
                "no challenge cookie, or it expired,"
                        + " was tampered with or belongs to another provider: the ceremony must start again",
                null));
        if (action != null && !action.isEmpty() && !action.equals(ceremony.action())) {
            throw PasskeyVerifier.refused(
                    "the answer is for " + FlowLog.untrusted(action) + " but the ceremony was" + " started for "
                            + ceremony.action(),
                    null);
        }
        if (data == null || data.isEmpty()) {
            throw PasskeyVerifier.refused("the answer has no data", null);
        }
        return Ceremony.REGISTER.equals(ceremony.action())
                ? register(provider, party, ceremony, data, signedIn)
                : authenticate(party, ceremony, data, provider);
    }

    private Outcome register(
            PasskeyProviderConfig provider,
            RelyingParty party,
            Ceremony ceremony,
            String data,
            Optional<AdapterUser> signedIn) {
        if (ceremony.userId() != null
                && !signedIn.map(u -> u.id().equals(ceremony.userId())).orElse(false)) {
            throw PasskeyVerifier.refused(
                    "the registration was started by another user's session, or the session" + " ended since", null);
        }
        if (ceremony.userId() == null && !provider.allowSignUp()) {
            throw PasskeyVerifier.refused("sign-up with a passkey alone is off", null);
        }
        PasskeyVerifier.NewCredential credential = verifier.register(data, party, ceremony.challenge());
        if (adapter.getAuthenticator(credential.credentialId()).isPresent()) {
            throw PasskeyVerifier.refused("this passkey is registered already", null);
        }
        useChallenge(ceremony, provider);
        boolean newUser = ceremony.userId() == null;
        AdapterUser user = newUser
                ? adapter.createUser(AdapterUser.of(null, ceremony.userName(), null, null, null))
                : signedIn.get();
        adapter.createAuthenticator(new AdapterAuthenticator(
                credential.credentialId(),
                user.id(),
                ceremony.userHandle(),
                credential.publicKey(),
                credential.counter(),
                credential.multiDevice() ? "multiDevice" : "singleDevice",
                credential.backedUp(),
                credential.transports()));
        log.debug(() -> "user " + user.id() + " registered a passkey" + (newUser ? " (new user)" : ""));
        return new Outcome(user, newUser, newUser);
    }

    private Outcome authenticate(RelyingParty party, Ceremony ceremony, String data, PasskeyProviderConfig provider) {
        PasskeyVerifier.Assertion assertion = verifier.parseAssertion(data);
        AdapterAuthenticator stored = adapter.getAuthenticator(assertion.credentialId())
                .orElseThrow(() -> PasskeyVerifier.refused(
                        "no stored passkey has this credential id (it may have" + " been removed)", null));
        if (assertion.userHandle() != null && !assertion.userHandle().equals(stored.providerAccountId())) {
            throw PasskeyVerifier.refused("the assertion's user handle is not the stored passkey's", null);
        }
        long counter = verifier.authenticate(assertion, stored, party, ceremony.challenge());
        if ((counter != 0 || stored.counter() != 0) && counter <= stored.counter()) {
            throw PasskeyVerifier.refused(
                    "the signature counter did not go up (stored " + stored.counter() + ", presented " + counter
                            + "): the passkey may have been cloned",
                    null);
        }
        useChallenge(ceremony, provider);
        if (counter > stored.counter()) {
            adapter.updateAuthenticatorCounter(stored.credentialId(), counter);
        }
        AdapterUser user = adapter.getUser(stored.userId())
                .orElseThrow(() -> PasskeyVerifier.refused("the passkey's user no longer exists", null));
        return new Outcome(user, false, true);
    }

    /**
     * The last check, after every other passed: a second answer to the same challenge, here or elsewhere, fails. The
     * mark is kept twice the challenge's lifetime: the cookie's expiry comes from the clock of the server that started
     * the ceremony, the mark's from the one that finished it, and their clocks may differ.
     */
    private void useChallenge(Ceremony ceremony, PasskeyProviderConfig provider) {
        if (!ledger.useOnce(
                USED_CHALLENGE, ceremony.challenge(), provider.challengeMaxAge().multipliedBy(2))) {
            throw PasskeyVerifier.refused("the challenge was used already (a replayed answer)", null);
        }
    }

    private void requireAuthenticators() {
        if (!adapter.capabilities().contains(AdapterCapability.AUTHENTICATORS)) {
            throw new AuthFlowException(
                    AuthErrorCode.Configuration,
                    "passkeys need an adapter with the"
                            + " AUTHENTICATORS capability: add a model with the Authenticator role to the schema ("
                            + adapter.getClass().getName() + " lacks it)");
        }
    }

    private static String newUserHandle() {
        byte[] handle = new byte[32];
        RANDOM.nextBytes(handle);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(handle);
    }
}
