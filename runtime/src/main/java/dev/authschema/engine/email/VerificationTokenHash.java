package dev.authschema.engine.email;

import dev.authschema.engine.crypto.Digests;

/**
 * How sign-in tokens are stored: {@code sha256(token + secret)} in hex, as Auth.js. A leaked table row is useless
 * without the secret, and the plain token only ever travels in the e-mailed link.
 */
public final class VerificationTokenHash {

    private VerificationTokenHash() {
    }

    /**
     * @param token  the plain token from the link
     * @param secret the application secret
     * @return the stored form
     */
    public static String of(String token, String secret) {
        return Digests.sha256Hex(token + secret);
    }
}
