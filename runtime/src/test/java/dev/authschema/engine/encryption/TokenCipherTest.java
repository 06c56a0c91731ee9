package dev.authschema.engine.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

    private static final String OLD = "old-secret-7dG2kQ9vX4mZ1pL8sR5tW3yB6nC0hJ";
    private static final String NEW = "new-secret-Qm4Zt8Rk2Vx6Bn1Jc9Hs5Lp3Wd7Fy0";
    private static final String PLACE = "github\u0000pa-1\u0000access_token";

    @Test
    void a_value_comes_back_as_it_went_in_and_is_stored_as_prefixed_ciphertext() {
        TokenCipher cipher = new TokenCipher(List.of(NEW));

        String sealed = cipher.encrypt("gho_secret-token", PLACE);

        assertThat(sealed).startsWith(TokenCipher.PREFIX).doesNotContain("gho_secret-token");
        assertThat(cipher.decrypt(sealed, PLACE)).contains("gho_secret-token");
    }

    @Test
    void the_same_value_encrypts_differently_each_time() {
        TokenCipher cipher = new TokenCipher(List.of(NEW));

        assertThat(cipher.encrypt("t", PLACE)).isNotEqualTo(cipher.encrypt("t", PLACE));
    }

    @Test
    void null_stays_null_and_a_value_without_the_prefix_is_read_as_plain_text() {
        TokenCipher cipher = new TokenCipher(List.of(NEW));

        assertThat(cipher.encrypt(null, PLACE)).isNull();
        assertThat(cipher.decrypt(null, PLACE)).isEmpty();
        assertThat(cipher.decrypt("stored-before-encryption", PLACE)).contains("stored-before-encryption");
    }

    @Test
    void a_value_sealed_with_the_old_secret_opens_while_it_is_listed_and_not_after_it_is_removed() {
        String sealedWithOld = new TokenCipher(List.of(OLD)).encrypt("refresh-1", PLACE);

        TokenCipher rotated = new TokenCipher(List.of(NEW, OLD));
        assertThat(rotated.decrypt(sealedWithOld, PLACE)).contains("refresh-1");
        assertThat(new TokenCipher(List.of(OLD)).decrypt(rotated.encrypt("refresh-2", PLACE), PLACE))
                .as("the first secret encrypts")
                .isEmpty();

        assertThat(new TokenCipher(List.of(NEW)).decrypt(sealedWithOld, PLACE)).isEmpty();
    }

    @Test
    void a_tampered_truncated_or_garbled_ciphertext_is_read_as_absent() {
        TokenCipher cipher = new TokenCipher(List.of(NEW));
        String sealed = cipher.encrypt("access-1", PLACE);
        byte[] raw = Base64.getUrlDecoder().decode(sealed.substring(TokenCipher.PREFIX.length()));
        raw[raw.length - 1] ^= 1;
        String flipped =
                TokenCipher.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

        assertThat(cipher.decrypt(flipped, PLACE)).isEmpty();
        assertThat(cipher.decrypt(sealed.substring(0, TokenCipher.PREFIX.length() + 10), PLACE))
                .isEmpty();
        assertThat(cipher.decrypt(TokenCipher.PREFIX + "!!not base64!!", PLACE)).isEmpty();
    }

    @Test
    void a_ciphertext_copied_to_another_account_or_column_does_not_open() {
        TokenCipher cipher = new TokenCipher(List.of(NEW));
        String sealed = cipher.encrypt("access-1", PLACE);

        assertThat(cipher.decrypt(sealed, "github\u0000pa-2\u0000access_token")).isEmpty();
        assertThat(cipher.decrypt(sealed, "github\u0000pa-1\u0000refresh_token"))
                .isEmpty();
    }

    @Test
    void no_secret_or_a_blank_one_is_refused() {
        assertThatThrownBy(() -> new TokenCipher(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AUTH_SECRET");
        assertThatThrownBy(() -> new TokenCipher(List.of(NEW, " "))).isInstanceOf(IllegalArgumentException.class);
    }
}
