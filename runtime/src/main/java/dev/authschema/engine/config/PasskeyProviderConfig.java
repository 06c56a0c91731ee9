package dev.authschema.engine.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Sign-in with passkeys (WebAuthn; Auth.js's {@code Passkey} provider). The relying party is the application's
 * trusted base URL: its origin is the only one accepted, its host is the RP ID. Discoverable credentials only (the
 * user types no name) and user verification always required, so that a passkey is a sign-in of its own.
 *
 * @param id              the provider id, normally {@code passkey}
 * @param name            the name on the sign-in button
 * @param allowSignUp     whether someone without an account may create one with a passkey alone (off by default:
 *                        such an account has no e-mail address to recover it by)
 * @param challengeMaxAge how long a ceremony may take, from the options to the answer; 5 minutes by default
 */
public record PasskeyProviderConfig(String id, String name, boolean allowSignUp, Duration challengeMaxAge)
        implements ProviderConfig {

    /** As WebAuthn's recommended ceremony timeout for user verification: 5 minutes. */
    public static final Duration DEFAULT_CHALLENGE_MAX_AGE = Duration.ofMinutes(5);

    /** The longest ceremony accepted: a challenge should be short-lived. */
    public static final Duration MAX_CHALLENGE_MAX_AGE = Duration.ofMinutes(15);

    /**
     * @param id the provider id
     * @param name the name on the sign-in button
     * @param allowSignUp whether a passkey alone may create an account
     * @param challengeMaxAge how long a ceremony may take
     */
    public PasskeyProviderConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(challengeMaxAge, "challengeMaxAge");
        if (challengeMaxAge.isNegative()
                || challengeMaxAge.isZero()
                || challengeMaxAge.compareTo(MAX_CHALLENGE_MAX_AGE) > 0) {
            throw new IllegalArgumentException("the passkey provider's challengeMaxAge is " + challengeMaxAge
                    + "; it must be more than 0 and at most " + MAX_CHALLENGE_MAX_AGE
                    + " (a challenge should be short-lived)");
        }
    }

    @Override
    public String type() {
        return "webauthn";
    }

    /**
     * @param allowed whether someone without an account may sign up with a passkey alone
     * @return a copy with it
     */
    public PasskeyProviderConfig withSignUp(boolean allowed) {
        return new PasskeyProviderConfig(id, name, allowed, challengeMaxAge);
    }

    /**
     * @param maxAge how long a ceremony may take, at most 15 minutes
     * @return a copy with it
     */
    public PasskeyProviderConfig withChallengeMaxAge(Duration maxAge) {
        return new PasskeyProviderConfig(id, name, allowSignUp, maxAge);
    }
}
