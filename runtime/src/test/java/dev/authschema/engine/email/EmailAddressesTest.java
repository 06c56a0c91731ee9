package dev.authschema.engine.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "  Ann@Example.COM  | ann@example.com",
        "ａｎｎ＠ｅｘａｍｐｌｅ．ｃｏｍ | ann@example.com",
        "first.last+tag@sub.example.org | first.last+tag@sub.example.org",
        "Jürgen@Bücher.de | jürgen@bücher.de"})
    void addresses_are_trimmed_lower_cased_and_nfkc_normalised(String raw, String expected) {
        assertThat(EmailAddresses.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ann", "ann@", "@example.com", "ann@@example.com", "a@b@example.com",
        "ann@localhost", "ann@example..com", "ann@-example.com", ".ann@example.com", "an..n@example.com",
        "ann example@example.com", "ann@exa mple.com", "<ann>@example.com", "ann@example.com\r\nBcc: x@y.z"})
    void malformed_addresses_are_refused_with_a_reason(String raw) {
        assertThatThrownBy(() -> EmailAddresses.normalize(raw)).isInstanceOf(InvalidEmailException.class)
                .hasMessageContaining("e-mail address");
    }

    @org.junit.jupiter.api.Test
    void null_is_refused() {
        assertThatThrownBy(() -> EmailAddresses.normalize(null)).hasMessage("Enter an e-mail address.");
    }

    @org.junit.jupiter.api.Test
    void token_hash_is_sha256_of_token_and_secret_in_hex() {
        assertThat(VerificationTokenHash.of("tok", "sec"))
                .isEqualTo(dev.authschema.engine.crypto.Digests.sha256Hex("toksec"))
                .hasSize(64).matches("[0-9a-f]+");
    }
}
