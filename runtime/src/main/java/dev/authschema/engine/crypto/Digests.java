package dev.authschema.engine.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** SHA-256, HMAC-SHA-256 and constant-time comparison, from the JDK. */
public final class Digests {

    private Digests() {}

    /**
     * @param text any text, hashed as UTF-8
     * @return its SHA-256 in lower-case hex
     */
    public static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * @param key  the key, used as UTF-8
     * @param data the data, used as UTF-8
     * @return HMAC-SHA-256 of the data in lower-case hex
     */
    public static String hmacSha256Hex(String key, String data) {
        try {
            return HexFormat.of()
                    .formatHex(Hkdf.hmac(key.getBytes(StandardCharsets.UTF_8), data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /**
     * @param key  the key, used as UTF-8
     * @param data the data, used as UTF-8
     * @return HMAC-SHA-256 of the data in base64url without padding (43 characters)
     */
    public static String hmacSha256Base64Url(String key, String data) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            Hkdf.hmac(key.getBytes(StandardCharsets.UTF_8), data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /**
     * Compares without leaking, through timing, how much of a secret value was guessed right.
     *
     * @param a one value, may be {@code null}
     * @param b another value, may be {@code null}
     * @return whether both are non-null and equal
     */
    public static boolean constantTimeEquals(String a, String b) {
        return a != null
                && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
