package dev.authschema.engine.crypto;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Encrypts claims into a compact JWE ({@code dir} + {@code A256CBC-HS512}) with a key derived from the secret by HKDF,
 * as Auth.js does: salt = the cookie name, info = {@code "Auth.js Generated Encryption Key (<salt>)"}, 64 bytes.
 * Opening never throws: a tampered, truncated, foreign or expired value is simply empty.
 *
 * <p>With a {@link SecretRing} of several secrets, values are sealed with the current one and opened with any of
 * them, so that cookies sealed before a rotation still open until the old secret is removed.
 */
public final class JweSealer {

    private static final int KEY_BYTES = 64;

    /** One key per secret of the ring, the current one first. */
    private final List<byte[]> keys;

    /**
     * What {@link #openWithAnyKey} found.
     *
     * @param claims  the claims
     * @param current whether the value was sealed with the current secret (else with an older one: re-seal it)
     */
    public record Opened(JWTClaimsSet claims, boolean current) {}

    /**
     * @param secret the application secret
     * @param salt   what the sealed value is for, normally the cookie name; values sealed for one salt do not open
     *               with another
     */
    public JweSealer(String secret, String salt) {
        this(SecretRing.of(secret), salt);
    }

    /**
     * @param secrets the application's secrets: the current one seals, all open
     * @param salt    what the sealed value is for, normally the cookie name; values sealed for one salt do not open
     *                with another
     */
    public JweSealer(SecretRing secrets, String salt) {
        this.keys = secrets.all().stream().map(secret -> key(secret, salt)).toList();
    }

    private static byte[] key(String secret, String salt) {
        return Hkdf.derive(
                secret.getBytes(StandardCharsets.UTF_8),
                salt.getBytes(StandardCharsets.UTF_8),
                ("Auth.js Generated Encryption Key (" + salt + ")").getBytes(StandardCharsets.UTF_8),
                KEY_BYTES);
    }

    /**
     * @param claims the claims; should carry an expiry
     * @return the compact JWE
     */
    public String seal(JWTClaimsSet claims) {
        try {
            EncryptedJWT jwt =
                    new EncryptedJWT(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256CBC_HS512), claims);
            jwt.encrypt(new DirectEncrypter(keys.get(0)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot encrypt with A256CBC-HS512", e);
        }
    }

    /**
     * @param compact a value from a cookie, possibly forged
     * @param now     the current time
     * @return the claims if the value was sealed with this key and has not expired; else empty
     */
    public Optional<JWTClaimsSet> open(String compact, Instant now) {
        return openWithAnyKey(compact, now).map(Opened::claims);
    }

    /**
     * @param compact a value from a cookie, possibly forged
     * @param now     the current time
     * @return the claims, and whether the current secret sealed them, if any secret of the ring sealed the value and
     *         it has not expired; else empty
     */
    public Optional<Opened> openWithAnyKey(String compact, Instant now) {
        if (compact == null || compact.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < keys.size(); i++) {
            Optional<JWTClaimsSet> claims = open(compact, now, keys.get(i));
            if (claims.isPresent()) {
                return Optional.of(new Opened(claims.get(), i == 0));
            }
        }
        return Optional.empty();
    }

    private static Optional<JWTClaimsSet> open(String compact, Instant now, byte[] key) {
        try {
            EncryptedJWT jwt = EncryptedJWT.parse(compact);
            if (!JWEAlgorithm.DIR.equals(jwt.getHeader().getAlgorithm())
                    || !EncryptionMethod.A256CBC_HS512.equals(jwt.getHeader().getEncryptionMethod())) {
                return Optional.empty();
            }
            jwt.decrypt(new DirectDecrypter(key));
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            if (expiry == null || !expiry.toInstant().isAfter(now)) {
                return Optional.empty();
            }
            return Optional.of(claims);
        } catch (ParseException | JOSEException | RuntimeException e) {
            // Forged or damaged input, or another secret's: an anonymous request, not an error.
            return Optional.empty();
        }
    }
}
