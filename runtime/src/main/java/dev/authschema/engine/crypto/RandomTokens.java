package dev.authschema.engine.crypto;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable tokens: 32 bytes from a CSPRNG, base64url without padding (43 characters). */
public final class RandomTokens {

    /** Bytes of randomness per token, as Auth.js. */
    public static final int TOKEN_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {}

    /**
     * @return a new token
     */
    public static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
