package dev.authschema.jpa;

import java.security.SecureRandom;

/**
 * Ids for {@code @default(cuid())}: 25 characters, a lower-case letter then base-36 digits, from a
 * CSPRNG (about 124 bits of randomness). Like Prisma's cuid, it is URL-safe and never starts with a digit.
 */
public final class Cuid {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int LENGTH = 25;

    private Cuid() {}

    public static String next() {
        char[] id = new char[LENGTH];
        id[0] = DIGITS[10 + RANDOM.nextInt(26)];
        for (int i = 1; i < LENGTH; i++) {
            id[i] = DIGITS[RANDOM.nextInt(DIGITS.length)];
        }
        return new String(id);
    }
}
