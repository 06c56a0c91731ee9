package dev.authschema.engine.config;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;

/**
 * Sign in with Apple's client secret: a JWT signed with ES256 by the private key of the developer account
 * ({@code AuthKey_<keyId>.p8}), header {@code kid} = the key id, claims {@code iss} = the team id, {@code sub} = the
 * client id (the Services ID), {@code aud} = {@code https://appleid.apple.com}, {@code iat} and {@code exp}. Made
 * anew for each token request and valid for five minutes, so no secret ever expires in a running server (Apple allows
 * at most six months).
 */
public final class AppleClientSecret implements ClientSecretSigner {

    /** Apple's audience for client secrets. */
    public static final String AUDIENCE = "https://appleid.apple.com";

    /** Long enough for one token request; a leaked secret is useless soon after. */
    static final Duration LIFETIME = Duration.ofMinutes(5);

    private final String teamId;
    private final String keyId;
    private final ECPrivateKey privateKey;

    /**
     * @param teamId     the Apple developer team id (10 characters)
     * @param keyId      the key's id (10 characters)
     * @param privateKey the P-256 private key
     */
    public AppleClientSecret(String teamId, String keyId, ECPrivateKey privateKey) {
        this.teamId = Objects.requireNonNull(teamId, "teamId");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
    }

    /**
     * @param teamId the Apple developer team id
     * @param keyId  the key's id
     * @param pem    the contents of {@code AuthKey_<keyId>.p8} (PKCS #8, PEM)
     * @return the signer
     * @throws AuthConfigurationException if the text is not a PKCS #8 EC private key
     */
    public static AppleClientSecret fromPem(String teamId, String keyId, String pem) {
        String base64 = Objects.requireNonNull(pem, "pem")
                .replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return new AppleClientSecret(teamId, keyId, (ECPrivateKey)
                    KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der)));
        } catch (IllegalArgumentException | InvalidKeySpecException | ClassCastException | NoSuchAlgorithmException e) {
            throw new AuthConfigurationException(java.util.List.of("providers[apple]: the private key (AUTH_APPLE_"
                    + "PRIVATE_KEY) is not the PKCS #8 PEM of an EC key; paste the whole AuthKey_" + keyId
                    + ".p8 file, BEGIN and END lines included"));
        }
    }

    @Override
    public String clientSecret(String clientId, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(teamId)
                .subject(clientId)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(keyId)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(new ECDSASigner(privateKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign Apple's client secret with ES256 (a P-256 key?)", e);
        }
        return jwt.serialize();
    }

    /** Leaves out the key. */
    @Override
    public String toString() {
        return "AppleClientSecret[teamId=" + teamId + ", keyId=" + keyId + "]";
    }
}
