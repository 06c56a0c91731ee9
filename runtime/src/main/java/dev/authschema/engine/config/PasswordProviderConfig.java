package dev.authschema.engine.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Sign-in with an e-mail address and a password (Auth.js's credentials provider, with the account handling Auth.js
 * leaves to the application: sign-up, e-mail verification, change, forgotten password). The password is stored as an
 * Argon2id hash in the User model's {@code passwordHash String?} property; the mails (verification, reset) go out
 * through an e-mail provider of the configuration ({@link #emailProviderId}), with its sender and its links.
 *
 * @param id                       the provider id, normally {@code password}
 * @param name                     the name on the sign-in form
 * @param minLength                the shortest password accepted, at least {@link #MIN_LENGTH} (NIST SP 800-63B: a
 *                                 length rule and no composition rules)
 * @param requireEmailVerification whether a password signs in only once the address was confirmed through the
 *                                 mailed link; on by default
 * @param allowSignUp              whether {@code POST /api/auth/signup/{id}} may create users; on by default
 * @param emailProviderId          the e-mail provider (links, not codes) whose sender and links the verification and
 *                                 reset mails use; {@code email} by default
 * @param resetMaxAge              how long a password reset link works; 1 hour by default, at most 24 hours
 */
public record PasswordProviderConfig(
        String id,
        String name,
        int minLength,
        boolean requireEmailVerification,
        boolean allowSignUp,
        String emailProviderId,
        Duration resetMaxAge)
        implements ProviderConfig {

    /** The floor of {@link #minLength}: NIST SP 800-63B's minimum for a password that is the only factor. */
    public static final int MIN_LENGTH = 8;

    /**
     * The longest password accepted, in characters; longer ones are refused before hashing, so that nobody can make
     * the server hash megabytes. NIST asks for at least 64.
     */
    public static final int MAX_LENGTH = 128;

    /** Default of {@link #resetMaxAge}. */
    public static final Duration DEFAULT_RESET_MAX_AGE = Duration.ofHours(1);

    /** The longest {@link #resetMaxAge}. */
    public static final Duration MAX_RESET_MAX_AGE = Duration.ofHours(24);

    /**
     * @param id the provider id
     * @param name the name on the sign-in form
     * @param minLength the shortest password, 8 to 128
     * @param requireEmailVerification whether the address must be confirmed before a password signs in
     * @param allowSignUp whether sign-up creates users
     * @param emailProviderId the e-mail provider that sends the mails
     * @param resetMaxAge how long a reset link works
     */
    public PasswordProviderConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(emailProviderId, "emailProviderId");
        Objects.requireNonNull(resetMaxAge, "resetMaxAge");
        if (minLength < MIN_LENGTH || minLength > MAX_LENGTH) {
            throw new IllegalArgumentException("the password provider's minLength is " + minLength + "; it must be"
                    + " from " + MIN_LENGTH + " (NIST SP 800-63B's minimum) to " + MAX_LENGTH);
        }
        if (resetMaxAge.isNegative() || resetMaxAge.isZero() || resetMaxAge.compareTo(MAX_RESET_MAX_AGE) > 0) {
            throw new IllegalArgumentException("the password provider's resetMaxAge is " + resetMaxAge
                    + "; it must be more than 0 and at most " + MAX_RESET_MAX_AGE
                    + " (a reset link is a credential)");
        }
    }

    /** As Auth.js's providers JSON names a password provider. */
    @Override
    public String type() {
        return "credentials";
    }

    /**
     * @param length the shortest password accepted, 8 to 128
     * @return a copy with it
     */
    public PasswordProviderConfig withMinLength(int length) {
        return new PasswordProviderConfig(
                id, name, length, requireEmailVerification, allowSignUp, emailProviderId, resetMaxAge);
    }

    /**
     * @param required whether a password signs in only once the address was confirmed
     * @return a copy with it
     */
    public PasswordProviderConfig withEmailVerification(boolean required) {
        return new PasswordProviderConfig(id, name, minLength, required, allowSignUp, emailProviderId, resetMaxAge);
    }

    /**
     * @param allowed whether sign-up creates users (off: only users made otherwise, who set a password by reset)
     * @return a copy with it
     */
    public PasswordProviderConfig withSignUp(boolean allowed) {
        return new PasswordProviderConfig(
                id, name, minLength, requireEmailVerification, allowed, emailProviderId, resetMaxAge);
    }

    /**
     * @param providerId the e-mail provider whose sender and links the mails use
     * @return a copy with it
     */
    public PasswordProviderConfig withEmailProvider(String providerId) {
        return new PasswordProviderConfig(
                id, name, minLength, requireEmailVerification, allowSignUp, providerId, resetMaxAge);
    }

    /**
     * @param maxAge how long a reset link works, at most 24 hours
     * @return a copy with it
     */
    public PasswordProviderConfig withResetMaxAge(Duration maxAge) {
        return new PasswordProviderConfig(
                id, name, minLength, requireEmailVerification, allowSignUp, emailProviderId, maxAge);
    }
}
