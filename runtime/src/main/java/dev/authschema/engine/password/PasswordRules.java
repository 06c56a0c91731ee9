package dev.authschema.engine.password;

import dev.authschema.engine.config.PasswordProviderConfig;
import java.util.Optional;

/**
 * What a new password must be (NIST SP 800-63B 5.1.1.2): at least the provider's minimum length and at most
 * {@link PasswordProviderConfig#MAX_LENGTH} characters, and nothing else: no composition rules, no hints. Lengths
 * are counted in Unicode code points after NFKC normalisation; the upper limit is also checked on the raw value
 * first, before any work is done on it.
 */
public final class PasswordRules {

    private PasswordRules() {}

    /**
     * @param password what was typed, or {@code null}
     * @return whether it is too long to be looked at (refused before hashing: no one makes the server hash megabytes)
     */
    public static boolean oversized(String password) {
        // a code point takes at most two UTF-16 units: 128 emoji are 256 units and within the limit
        return password != null && password.length() > 2 * PasswordProviderConfig.MAX_LENGTH;
    }

    /**
     * @param password what was typed, or {@code null}
     * @return whether it has an unpaired surrogate (a JSON body can carry one): it has no UTF-8 form, so the hasher
     *         cannot read it, and it is refused like a wrong password instead of failing the request
     */
    public static boolean malformed(String password) {
        if (password == null) {
            return false;
        }
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < password.length()
                    && Character.isLowSurrogate(password.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param password  a new password (untrusted), or {@code null}
     * @param minLength the provider's minimum
     * @return what is wrong with it, for the log (never contains the password), or empty when it is accepted
     */
    public static Optional<String> problem(String password, int minLength) {
        if (password == null || password.isEmpty()) {
            return Optional.of("no password given");
        }
        if (oversized(password)) {
            return Optional.of("password longer than " + PasswordProviderConfig.MAX_LENGTH + " characters");
        }
        if (malformed(password)) {
            return Optional.of("password with an unpaired UTF-16 surrogate");
        }
        String normalized = PasswordHasher.normalize(password);
        int length = normalized.codePointCount(0, normalized.length());
        if (length > PasswordProviderConfig.MAX_LENGTH) {
            return Optional.of("password longer than " + PasswordProviderConfig.MAX_LENGTH + " characters");
        }
        if (length < minLength) {
            return Optional.of("password shorter than " + minLength + " characters");
        }
        return Optional.empty();
    }
}
