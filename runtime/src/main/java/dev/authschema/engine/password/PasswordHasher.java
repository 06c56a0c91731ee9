package dev.authschema.engine.password;

import dev.authschema.engine.crypto.RandomTokens;
import java.text.Normalizer;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashes (RFC 9106) in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}),
 * computed by Spring Security's {@link Argon2PasswordEncoder} on Bouncy Castle. The parameters are OWASP's
 * recommendation: 19 MiB of memory, 2 passes, 1 lane, a 16-byte salt and a 32-byte hash. A hash stored with other
 * parameters still verifies, and {@link #needsRehash} says to replace it at the next successful sign-in.
 *
 * <p>Passwords are compared after Unicode NFKC normalisation (NIST SP 800-63B 5.1.1.2), so that the same password
 * typed on two keyboards (a precomposed or a combining accent, a full-width digit) is the same password. Thread-safe.
 */
public final class PasswordHasher {

    /** OWASP's Argon2id memory cost, in KiB. */
    public static final int MEMORY_KIB = 19_456;

    /** OWASP's Argon2id passes. */
    public static final int ITERATIONS = 2;

    /** OWASP's Argon2id lanes. */
    public static final int PARALLELISM = 1;

    /** Salt length in bytes. */
    public static final int SALT_BYTES = 16;

    /** Hash length in bytes. */
    public static final int HASH_BYTES = 32;

    private final Argon2PasswordEncoder encoder;
    private final String parameters;

    /** A hash of a random password, verified for unknown addresses so that they take as long as known ones. */
    private final String dummyHash;

    /** With OWASP's parameters. */
    public PasswordHasher() {
        this(MEMORY_KIB, ITERATIONS, PARALLELISM);
    }

    /**
     * @param memoryKib  memory cost in KiB
     * @param iterations passes
     * @param parallelism lanes
     */
    PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this.encoder = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, parallelism, memoryKib, iterations);
        this.parameters = "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$";
        this.dummyHash = encoder.encode(RandomTokens.newToken());
    }

    /**
     * @param password a password within {@link PasswordRules}
     * @return its hash, a PHC string of about 100 characters (the adapter stores up to 255)
     */
    public String hash(String password) {
        return encoder.encode(normalize(password));
    }

    /**
     * @param password what the user typed, within the length limit
     * @param hash     the stored hash, or {@code null} when there is none (then a dummy hash is verified, to take as
     *                 long as a real one)
     * @return whether the password is the hashed one; {@code false} for no hash or an unreadable one
     */
    public boolean matches(String password, String hash) {
        if (hash == null) {
            encoder.matches(normalize(password), dummyHash);
            return false;
        }
        return encoder.matches(normalize(password), hash);
    }

    /** Costs as much as one {@link #hash}: for the paths that must not answer faster than a real one. */
    public void hashDummy() {
        encoder.encode(RandomTokens.newToken());
    }

    /**
     * @param hash a stored hash that just verified
     * @return whether it was made with other parameters (or another algorithm) than this hasher's
     */
    public boolean needsRehash(String hash) {
        return hash == null || !hash.startsWith(parameters);
    }

    /** NFKC, as NIST SP 800-63B asks for passwords before hashing. */
    static String normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }
}
