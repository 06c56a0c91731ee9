package dev.authschema.engine.password;

import dev.authschema.engine.crypto.RandomTokens;
import dev.authschema.engine.ratelimit.RateLimitedException;
import java.text.Normalizer;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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

    /** The rule a refusal names when every turn is taken for {@link #QUEUE_WAIT}. */
    static final String BUSY_RULE = "password-hashing-busy";

    /** How long a request waits for a free turn to hash. */
    static final Duration QUEUE_WAIT = Duration.ofSeconds(5);

    private final Argon2PasswordEncoder encoder;
    private final Semaphore turns;
    private final Duration queueWait;
    private final String parameters;

    /** A hash of a random password, verified for unknown addresses so that they take as long as known ones. */
    private final String dummyHash;

    /** With OWASP's parameters. */
    public PasswordHasher() {
        this(MEMORY_KIB, ITERATIONS, PARALLELISM, 2 * Runtime.getRuntime().availableProcessors(), QUEUE_WAIT);
    }

    /**
     * @param memoryKib  memory cost in KiB
     * @param iterations passes
     * @param parallelism lanes
     */
    PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this(memoryKib, iterations, parallelism, 2 * Runtime.getRuntime().availableProcessors(), QUEUE_WAIT);
    }

    /**
     * @param concurrent how many hashes may run at once (each holds {@code memoryKib} of heap)
     * @param queueWait  how long a request waits for its turn before it is refused
     */
    PasswordHasher(int memoryKib, int iterations, int parallelism, int concurrent, Duration queueWait) {
        this.encoder = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, parallelism, memoryKib, iterations);
        this.parameters = "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$";
        this.dummyHash = encoder.encode(RandomTokens.newToken());
        this.turns = new Semaphore(concurrent, true);
        this.queueWait = queueWait;
    }

    /**
     * @param password a password within {@link PasswordRules}
     * @return its hash, a PHC string of about 100 characters (the adapter stores up to 255)
     * @throws RateLimitedException when too many hashes are running on this server (429, retry after a second)
     */
    public String hash(String password) {
        return inTurn(() -> encoder.encode(normalize(password)));
    }

    /**
     * @param password what the user typed, within the length limit
     * @param hash     the stored hash, or {@code null} when there is none (then a dummy hash is verified, to take as
     *                 long as a real one)
     * @return whether the password is the hashed one; {@code false} for no hash or an unreadable one
     */
    public boolean matches(String password, String hash) {
        if (hash == null) {
            inTurn(() -> encoder.matches(normalize(password), dummyHash));
            return false;
        }
        return inTurn(() -> encoder.matches(normalize(password), hash));
    }

    /** Costs as much as one {@link #hash}: for the paths that must not answer faster than a real one. */
    public void hashDummy() {
        inTurn(() -> encoder.encode(RandomTokens.newToken()));
    }

    /**
     * Runs one hash when a turn is free. Each Argon2id hash holds 19 MiB: without a bound, many clients hashing at
     * once (the per-client limits do not stop a crowd of addresses) would exhaust the heap. Unknown addresses wait
     * in the same queue, so the queue tells nothing about which addresses exist.
     */
    <T> T inTurn(Supplier<T> hashing) {
        boolean turn;
        try {
            turn = turns.tryAcquire(queueWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RateLimitedException(BUSY_RULE, 1);
        }
        if (!turn) {
            throw new RateLimitedException(BUSY_RULE, 1);
        }
        try {
            return hashing.get();
        } finally {
            turns.release();
        }
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
