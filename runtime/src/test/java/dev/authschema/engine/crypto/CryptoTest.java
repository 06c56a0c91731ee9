package dev.authschema.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CryptoTest {

    private static final String SECRET = "a-test-secret-that-is-long-enough-1234";
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void hkdf_matches_rfc_5869_test_case_1() {
        HexFormat hex = HexFormat.of();
        byte[] okm = Hkdf.derive(
                hex.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
                hex.parseHex("000102030405060708090a0b0c"),
                hex.parseHex("f0f1f2f3f4f5f6f7f8f9"),
                42);

        assertThat(hex.formatHex(okm))
                .isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf" + "34007208d5b887185865");
    }

    @Test
    void random_tokens_are_32_bytes_base64url_and_unique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = RandomTokens.newToken();
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(seen.add(token)).isTrue();
        }
    }

    @Test
    void sha256_hex_is_the_standard_digest() {
        assertThat(Digests.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void constant_time_equals_treats_null_as_unequal() {
        assertThat(Digests.constantTimeEquals("a", "a")).isTrue();
        assertThat(Digests.constantTimeEquals("a", "b")).isFalse();
        assertThat(Digests.constantTimeEquals(null, null)).isFalse();
    }

    @Test
    void a_sealed_value_opens_with_the_same_secret_and_salt_only() {
        JweSealer sealer = new JweSealer(SECRET, "authjs.session-token");
        String sealed = sealer.seal(claims(NOW.plusSeconds(60)));

        assertThat(sealed.split("\\.")).hasSize(5);
        assertThat(sealer.open(sealed, NOW)).map(JWTClaimsSet::getSubject).contains("user-1");
        assertThat(new JweSealer(SECRET, "authjs.state").open(sealed, NOW)).isEmpty();
        assertThat(new JweSealer(SECRET + "x", "authjs.session-token").open(sealed, NOW))
                .isEmpty();
    }

    @Test
    void tampered_truncated_garbage_and_expired_values_open_to_nothing() {
        JweSealer sealer = new JweSealer(SECRET, "authjs.session-token");
        String sealed = sealer.seal(claims(NOW.plusSeconds(60)));
        char[] chars = sealed.toCharArray();
        int middle = sealed.lastIndexOf('.') - 5;
        chars[middle] = chars[middle] == 'A' ? 'B' : 'A';

        assertThat(sealer.open(new String(chars), NOW)).isEmpty();
        assertThat(sealer.open(sealed.substring(0, sealed.length() - 4), NOW)).isEmpty();
        assertThat(sealer.open("not.a.jwe", NOW)).isEmpty();
        assertThat(sealer.open("", NOW)).isEmpty();
        assertThat(sealer.open(null, NOW)).isEmpty();
        assertThat(sealer.open(sealed, NOW.plusSeconds(60))).isEmpty();
    }

    @Test
    void a_value_without_expiry_is_refused() {
        JweSealer sealer = new JweSealer(SECRET, "s");
        assertThat(sealer.open(
                        sealer.seal(new JWTClaimsSet.Builder().subject("x").build()), NOW))
                .isEmpty();
    }

    private static JWTClaimsSet claims(Instant expires) {
        return new JWTClaimsSet.Builder()
                .subject("user-1")
                .expirationTime(Date.from(expires))
                .build();
    }
}
