package dev.authschema.engine.encryption;

import dev.authschema.engine.crypto.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for stored token values, with keys derived by HKDF-SHA-256 from the application's secrets. The first
 * secret's key encrypts; every secret's key is tried for decrypting, so that a new secret can be put first while the
 * values written with the old one stay readable (remove the old one once every account has been written again).
 *
 * <p>A ciphertext is {@value #PREFIX} followed by the base64url (no padding) of a 12-byte random IV and the GCM
 * output (ciphertext and 16-byte tag). The version in the prefix lets a later format be told apart. The associated
 * data binds a ciphertext to the place it is stored in (provider, provider account id, column): copied to another
 * account's row or column, it no longer decrypts.
 */
public final class TokenCipher {

    /** Starts every value this class writes. */
    public static final String PREFIX = "enc:v1:";

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] SALT = "AuthSchema account tokens".getBytes(StandardCharsets.UTF_8);
    private static final byte[] INFO = "AuthSchema account token encryption key v1".getBytes(StandardCharsets.UTF_8);

    private final List<SecretKey> keys;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param secrets the application's secrets, newest first; the first encrypts, all decrypt
     * @throws IllegalArgumentException if there is none, or one is blank
     */
    public TokenCipher(List<String> secrets) {
        if (secrets.isEmpty() || secrets.stream().anyMatch(s -> s == null || s.isBlank())) {
            throw new IllegalArgumentException("token encryption needs at least one non-blank secret (AUTH_SECRET)");
        }
        this.keys = secrets.stream().map(TokenCipher::key).toList();
    }

    private static SecretKey key(String secret) {
        return new SecretKeySpec(Hkdf.derive(secret.getBytes(StandardCharsets.UTF_8), SALT, INFO, 32), "AES");
    }

    /**
     * @param plaintext a token, or {@code null}
     * @param context   where it is stored (binds the ciphertext to it)
     * @return the ciphertext, or {@code null} for {@code null}
     */
    public String encrypt(String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(0), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is missing from this JVM", e);
        }
    }

    /**
     * @param stored  a stored value: a ciphertext of {@link #encrypt}, or a plain value stored before encryption was
     *                turned on (it has no prefix and is returned as it is)
     * @param context where it is stored, as given to {@link #encrypt}
     * @return the plaintext; empty if the value is a ciphertext that no key opens (another secret, tampered, moved
     *         from another row or column, or cut short)
     */
    public Optional<String> decrypt(String stored, String context) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return Optional.ofNullable(stored);
        }
        byte[] in;
        try {
            in = Base64.getUrlDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (in.length < IV_BYTES + TAG_BITS / 8) {
            return Optional.empty();
        }
        for (SecretKey key : keys) {
            try {
                Cipher cipher = Cipher.getInstance(TRANSFORMATION);
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
                cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
                return Optional.of(
                        new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8));
            } catch (AEADBadTagException wrongKeyOrTampered) {
                // try the next key
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES/GCM is missing from this JVM", e);
            }
        }
        return Optional.empty();
    }
}
