package dev.authschema.jpa;

import java.security.SecureRandom;

/**
 * Ids for {@code @default(ulid())}: 26 characters of Crockford's base 32 ({@code 0-9A-Z} without {@code I L O U}),
 * the first 10 the milliseconds since 1970 (so ids sort by creation time, to the millisecond) and the other 16 eighty
 * random bits from a CSPRNG, as the ULID specification lays them out.
 */
public final class Ulid {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private Ulid() {}

    /** A new id for the current time. */
    public static String next() {
        return of(System.currentTimeMillis());
    }

    /**
     * @param epochMillis the time part, 0 to 2^48 - 1
     * @return a new id with that time part and fresh random bits
     */
    static String of(long epochMillis) {
        if (epochMillis < 0 || epochMillis >= 1L << 48) {
            throw new IllegalArgumentException("a ULID's time is 48 bits of milliseconds, not " + epochMillis);
        }
        char[] id = new char[26];
        for (int i = 9; i >= 0; i--) {
            id[i] = CROCKFORD[(int) (epochMillis & 31)];
            epochMillis >>>= 5;
        }
        for (int i = 10; i < 26; i++) {
            id[i] = CROCKFORD[RANDOM.nextInt(32)];
        }
        return new String(id);
    }
}
