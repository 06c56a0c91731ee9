package dev.authschema.engine.config;

import java.util.Optional;
import java.util.Set;

/**
 * Whether a production secret is strong enough. Anyone who knows or guesses {@code AUTH_SECRET} can forge CSRF
 * cookies and JWT sessions and recompute sign-in token hashes, so outside development a secret must carry at least
 * 32 bytes (256 bits) of entropy and must not be one that is published.
 *
 * <p>Entropy cannot be measured from one string; this is an upper-bound estimate that refuses what is certainly too
 * weak: fewer than 32 characters; fewer bits than 256 given the smallest alphabet the characters come from (decimal
 * 3.3 bits a character, hexadecimal 4, base64 and base64url 6, other printable characters 6.6); fewer than
 * {@value #MIN_DISTINCT} distinct characters; one block repeated; and the secrets this project has published in
 * its settings files and documentation. {@code openssl rand -base64 33} (44 characters, 264 bits) passes, as does
 * {@code openssl rand -hex 32} (64 characters, 256 bits) and Auth.js's {@code npx auth secret}.
 */
final class SecretStrength {

    /** The entropy a production secret must have, in bits: 32 bytes. */
    static final int MIN_BITS = 256;

    /** Fewer distinct characters than this is a pattern, not randomness (64 random hex digits show about 16). */
    static final int MIN_DISTINCT = 10;

    /** How to make a good one, for every message. */
    static final String HOW_TO_MAKE_ONE =
            "generate one with `openssl rand -base64 33` (44 random characters) and set it" + " as AUTH_SECRET";

    /**
     * Secrets published with this project: the demo's development settings and the test and benchmark servers'
     * former ones ({@code *.env}, still in the git history). Anyone can read them, so a server outside development
     * refuses them whatever their length.
     */
    private static final Set<String> PUBLISHED = Set.of(
            "dev-only-secret-do-not-use-in-production-0123456789",
            "integration-test-secret-0123456789abcdef0123456789",
            "engine-it-secret-0123456789abcdef0123456789abcdef",
            "cluster-test-secret-0123456789abcdef0123456789abcd",
            "benchmark-secret-0123456789abcdef0123456789abcdef");

    private SecretStrength() {}

    /**
     * @param secret a secret for a server outside development, not {@code null}
     * @return what is wrong with it, naming {@code AUTH_SECRET} and how to make a good one; empty when it is strong
     */
    static Optional<String> problem(String secret) {
        return problem(secret, "AUTH_SECRET");
    }

    /**
     * @param secret a secret for a server outside development, not {@code null}
     * @param name   how the messages name it, e.g. {@code AUTH_SECRET's secret 2 of 3}
     * @return what is wrong with it, naming it and how to make a good one; empty when it is strong
     */
    static Optional<String> problem(String secret, String name) {
        String candidate = secret.strip();
        if (PUBLISHED.contains(candidate)) {
            return Optional.of("secret: " + name + " is a secret published with AuthSchema (the demo's settings"
                    + " files); anyone can forge cookies with it. Outside development " + HOW_TO_MAKE_ONE);
        }
        String unpadded = stripPadding(candidate);
        int length = unpadded.codePointCount(0, unpadded.length());
        if (length < ConfigValidator.MIN_SECRET_LENGTH) {
            return Optional.of("secret: " + name + " is " + length + " characters long; use at least "
                    + ConfigValidator.MIN_SECRET_LENGTH + " random characters: " + HOW_TO_MAKE_ONE);
        }
        long distinct = unpadded.codePoints().distinct().count();
        if (distinct < MIN_DISTINCT) {
            return Optional.of("secret: " + name + " uses only " + distinct + " different characters, so it is a"
                    + " pattern, not a random secret: " + HOW_TO_MAKE_ONE);
        }
        if (isRepeated(unpadded)) {
            return Optional.of("secret: " + name + " is one block of characters repeated, so it is as weak as that"
                    + " block: " + HOW_TO_MAKE_ONE);
        }
        int bits = (int) Math.floor(length * bitsPerCharacter(unpadded));
        if (bits < MIN_BITS) {
            return Optional.of("secret: " + name + " has at most " + bits + " bits of entropy (" + length
                    + " characters of the " + alphabetName(unpadded) + " alphabet); a secret needs " + MIN_BITS
                    + " (32 random bytes): " + HOW_TO_MAKE_ONE);
        }
        return Optional.empty();
    }

    /** Base64's trailing {@code =} carries no entropy. */
    private static String stripPadding(String secret) {
        int end = secret.length();
        while (end > 0 && secret.charAt(end - 1) == '=') {
            end--;
        }
        return secret.substring(0, end);
    }

    /** Whether the string is a shorter block repeated (the last copy may be cut short), like {@code abcabcab}. */
    static boolean isRepeated(String secret) {
        int n = secret.length();
        for (int period = 1; period <= n / 2; period++) {
            boolean repeats = true;
            for (int i = period; i < n && repeats; i++) {
                repeats = secret.charAt(i) == secret.charAt(i - period);
            }
            if (repeats) {
                return true;
            }
        }
        return false;
    }

    /** The entropy a character can carry at most, from the smallest alphabet that holds all of them. */
    static double bitsPerCharacter(String secret) {
        if (secret.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return log2(10);
        }
        if (secret.chars().allMatch(SecretStrength::isHexDigit)) {
            return 4;
        }
        if (secret.chars().allMatch(SecretStrength::isBase64Character)) {
            return 6;
        }
        return log2(95); // printable ASCII; other characters are rare in secrets and counted the same
    }

    private static String alphabetName(String secret) {
        double bits = bitsPerCharacter(secret);
        if (bits < 4) {
            return "decimal";
        }
        if (bits == 4) {
            return "hexadecimal";
        }
        return bits == 6 ? "base64" : "printable";
    }

    private static boolean isHexDigit(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isBase64Character(int c) {
        return c >= '0' && c <= '9'
                || c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z'
                || c == '+'
                || c == '/'
                || c == '-'
                || c == '_';
    }

    private static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }
}
