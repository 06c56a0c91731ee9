package dev.authschema.jpa;

import java.security.SecureRandom;

/**
 * Ids for {@code @default(cuid(2))}: the shape of a CUID2, 24 characters, a lower-case letter then base-36 digits
 * (about 119 bits), every character from a CSPRNG. CUID2 itself hashes a timestamp, a counter and a host fingerprint
 * with its random part so as not to depend on the platform's random numbers; Java's {@link SecureRandom} already is a
 * CSPRNG, so the ids are drawn from it directly: as unpredictable and as unlikely to collide, with nothing of the host
 * or the time in them.
 */
public final class Cuid2 {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int LENGTH = 24;

    private Cuid2() {}

    /** A new id. */
    public static String next() {
        char[] id = new char[LENGTH];
        id[0] = DIGITS[10 + RANDOM.nextInt(26)];
        for (int i = 1; i < LENGTH; i++) {
            id[i] = DIGITS[RANDOM.nextInt(DIGITS.length)];
        }
        return new String(id);
    }
}
