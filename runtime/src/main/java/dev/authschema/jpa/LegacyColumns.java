package dev.authschema.jpa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Values for the columns of NextAuth v3 schemas that the current adapter contract no longer has. */
public final class LegacyColumns {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LegacyColumns() {}

    /** v3's {@code Account.compoundId}: {@code sha256(provider + ":" + providerAccountId)} in hex, as NextAuth v3 wrote it. */
    public static String compoundId(String provider, String providerAccountId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((provider + ":" + providerAccountId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** v3's {@code Session.accessToken}: 32 random bytes in hex, unique like the session token. */
    public static String sessionAccessToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
