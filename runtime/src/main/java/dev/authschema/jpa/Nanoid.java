package dev.authschema.jpa;

import java.security.SecureRandom;

/**
 * Ids for {@code @default(nanoid())} and {@code @default(nanoid(n))}: as the nanoid library makes them, {@code n}
 * characters (21 by default, about 126 bits) from the URL-safe alphabet {@code A-Za-z0-9_-}, each from a CSPRNG.
 */
public final class Nanoid {

    /** The length of {@code nanoid()} without an argument. */
    public static final int DEFAULT_LENGTH = 21;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-".toCharArray();

    private Nanoid() {}

    /** A new id of {@value #DEFAULT_LENGTH} characters. */
    public static String next() {
        return next(DEFAULT_LENGTH);
    }

    /**
     * @param length how many characters, at least 1
     * @return a new id
     */
    public static String next(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("a nanoid has at least 1 character, not " + length);
        }
        char[] id = new char[length];
        for (int i = 0; i < length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)]; // 64 symbols: exactly 6 bits each, no bias
        }
        return new String(id);
    }
}
