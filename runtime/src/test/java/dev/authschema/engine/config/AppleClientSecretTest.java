package dev.authschema.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AppleClientSecretTest {

    private static KeyPair p256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String pem(KeyPair keys) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    @Test
    void the_secret_is_an_es256_jwt_with_the_claims_apple_requires() throws Exception {
        KeyPair keys = p256();
        Instant now = Instant.parse("2026-12-02T06:00:00Z");

        String secret =
                AppleClientSecret.fromPem("TEAM123456", "KEY1234567", pem(keys)).clientSecret("com.example.web", now);

        SignedJWT jwt = SignedJWT.parse(secret);
        assertThat(jwt.verify(new ECDSAVerifier((ECPublicKey) keys.getPublic())))
                .isTrue();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("KEY1234567");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("TEAM123456");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("com.example.web");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("https://appleid.apple.com");
        assertThat(jwt.getJWTClaimsSet().getIssueTime().toInstant()).isEqualTo(now);
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(now.plusSeconds(300));
    }

    @Test
    void a_secret_signed_by_another_key_does_not_verify() throws Exception {
        String secret = AppleClientSecret.fromPem("T", "K", pem(p256())).clientSecret("c", Instant.now());

        assertThat(SignedJWT.parse(secret).verify(new ECDSAVerifier((ECPublicKey) p256().getPublic())))
                .isFalse();
    }

    @Test
    void a_key_that_is_not_pkcs8_ec_is_refused_at_start_up_with_what_to_paste() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);

        assertThatThrownBy(() -> AppleClientSecret.fromPem("T", "KEY1", "not a key"))
                .isInstanceOf(AuthConfigurationException.class)
                .hasMessageContaining("AuthKey_KEY1.p8");
        assertThatThrownBy(() -> AppleClientSecret.fromPem("T", "KEY1", pem(rsa.generateKeyPair())))
                .isInstanceOf(AuthConfigurationException.class)
                .hasMessageContaining("EC key");
        assertThat(AppleClientSecret.fromPem("T", "KEY1", pem(p256())).toString())
                .doesNotContain("PRIVATE");
    }
}
