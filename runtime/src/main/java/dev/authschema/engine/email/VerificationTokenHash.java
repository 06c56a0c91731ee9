package dev.authschema.engine.email;

import dev.authschema.engine.crypto.Digests;
import dev.authschema.engine.crypto.SecretRing;
import java.util.List;

/**
 * How sign-in tokens are stored: {@code sha256(token + secret)} in hex, as Auth.js. A leaked table row is useless
 * without the secret, and the plain token only ever travels in the e-mailed link.
 */
public final class VerificationTokenHash {

    private VerificationTokenHash() {}

    /**
     * @param token  the plain token from the link
     * @param secret the application secret
     * @return the stored form
     */
    public static String of(String token, String secret) {
        return Digests.sha256Hex(token + secret);
    }

    /**
     * The forms a link's token may be stored under: one per secret, the current one first. A link mailed before a
     * rotation was hashed with an older secret; it stays usable until that secret is removed.
     *
     * @param token   the plain token from the link
     * @param secrets the application's secrets
     * @return the candidate stored forms, in the ring's order
     */
    public static List<String> candidates(String token, SecretRing secrets) {
        return secrets.all().stream().map(secret -> of(token, secret)).toList();
    }
}
