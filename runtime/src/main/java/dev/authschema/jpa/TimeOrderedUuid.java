package dev.authschema.jpa;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Ids for {@code @default(uuid(7))}: UUID version 7 (RFC 9562), the first 48 bits the milliseconds since 1970, so that
 * ids sort by creation time and index well, and the other 74 bits (besides version and variant) from a CSPRNG.
 */
public final class TimeOrderedUuid {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedUuid() {}

    /** A new id for the current time, in the usual text form. */
    public static String next() {
        return of(System.currentTimeMillis()).toString();
    }

    static UUID of(long epochMillis) {
        long random = RANDOM.nextLong();
        long high = (epochMillis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFF); // version 7, 12 random bits
        long low = (random & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // variant 10, 62 random bits
        return new UUID(high, low);
    }
}
