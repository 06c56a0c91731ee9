package dev.authschema.engine.crypto;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA-256 (RFC 5869), the key derivation Auth.js uses to turn {@code AUTH_SECRET} into the JWE key.
 * Built on the JDK's HMAC; the only logic here is the RFC's extract-and-expand composition.
 */
public final class Hkdf {

    private static final String HMAC = "HmacSHA256";
    private static final int HASH_LENGTH = 32;

    private Hkdf() {}

    /**
     * @param inputKey the input keying material (the secret)
     * @param salt     the salt; empty means a string of zeros as the RFC says
     * @param info     the context information
     * @param length   the number of bytes wanted, at most 255 * 32
     * @return the derived key
     */
    public static byte[] derive(byte[] inputKey, byte[] salt, byte[] info, int length) {
        if (length <= 0 || length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF length must be 1.." + 255 * HASH_LENGTH + ", is " + length);
        }
        try {
            byte[] prk = hmac(salt.length == 0 ? new byte[HASH_LENGTH] : salt, inputKey);
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(prk, HMAC));
            ByteArrayOutputStream out = new ByteArrayOutputStream(length);
            byte[] block = new byte[0];
            for (int counter = 1; out.size() < length; counter++) {
                mac.update(block);
                mac.update(info);
                mac.update((byte) counter);
                block = mac.doFinal();
                out.write(block, 0, block.length);
            }
            return Arrays.copyOf(out.toByteArray(), length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(HMAC);
        mac.init(new SecretKeySpec(key, HMAC));
        return mac.doFinal(data);
    }
}
