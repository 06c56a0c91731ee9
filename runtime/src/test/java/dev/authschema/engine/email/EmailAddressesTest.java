package dev.authschema.engine.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "  Ann@Example.COM  | ann@example.com",
                "ａｎｎ＠ｅｘａｍｐｌｅ．ｃｏｍ | ann@example.com",
                "first.last+tag@sub.example.org | first.last+tag@sub.example.org",
                "Jürgen@Bücher.de | jürgen@bücher.de"
            })
    void addresses_are_trimmed_lower_cased_and_nfkc_normalised(String raw, String expected) {
        assertThat(EmailAddresses.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "ann",
                "ann@",
                "@example.com",
                "ann@@example.com",
                "a@b@example.com",
                "ann@localhost",
                "ann@example..com",
                "ann@-example.com",
                ".ann@example.com",
                "an..n@example.com",
                "ann example@example.com",
                "ann@exa mple.com",
                "<ann>@example.com",
                "ann@example.com\r\nBcc: x@y.z"
            })
    void malformed_addresses_are_refused_with_a_reason(String raw) {
        assertThatThrownBy(() -> EmailAddresses.normalize(raw))
                .isInstanceOf(InvalidEmailException.class)
                .hasMessageContaining("e-mail address");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ann@example.com\u00A0",
                "\u00A0ann@example.com",
                "ann@example.com\u202F",
                "ann@example.com\u2007",
                "\u3000ann@example.com\u3000",
                "ann@example.com\u200B",
                "\uFEFFann@example.com",
                "ann@example.com\u2029",
                "\tann@example.com\n"
            })
    void every_unicode_space_and_invisible_character_around_the_address_is_stripped(String raw) {
        assertThat(EmailAddresses.normalize(raw)).isEqualTo("ann@example.com");
    }

    @org.junit.jupiter.api.Test
    void ligatures_and_full_width_forms_become_plain_letters() {
        assertThat(EmailAddresses.normalize("\uFB01nn@example.com")).isEqualTo("finn@example.com");
        assertThat(EmailAddresses.normalize("\uFF55\uFF53\uFF45\uFF52\uFF20\uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C"
                        + "\uFF45\uFF0E\uFF43\uFF4F\uFF4D"))
                .isEqualTo("user@example.com");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a@127.0.0.1",
                "a@[127.0.0.1]",
                "a@[IPv6:::1]",
                "a@10.0.0.1",
                "a@0x7f.1",
                "a@\uFF11\uFF12\uFF17.0.0.1",
                "a@example.com.",
                "a@exa\u200Bmple.com"
            })
    void ip_addresses_and_hidden_characters_in_the_domain_are_refused(String raw) {
        assertThatThrownBy(() -> EmailAddresses.normalize(raw))
                .isInstanceOf(InvalidEmailException.class)
                .hasMessageContaining("domain of the e-mail address");
    }

    @org.junit.jupiter.api.Test
    void the_rfc_5321_length_is_the_limit_before_and_after_normalising() {
        String longest = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".com";
        assertThat(longest).hasSize(254);
        assertThat(EmailAddresses.normalize(longest)).isEqualTo(longest);
        assertThatThrownBy(() -> EmailAddresses.normalize("e" + longest)).hasMessageContaining("longer than 254");
        assertThatThrownBy(() -> EmailAddresses.normalize(" ".repeat(400) + "a@example.com"))
                .hasMessageContaining("longer than 254");
    }

    @org.junit.jupiter.api.Test
    void null_is_refused() {
        assertThatThrownBy(() -> EmailAddresses.normalize(null)).hasMessage("Enter an e-mail address.");
    }

    @org.junit.jupiter.api.Test
    void token_hash_is_sha256_of_token_and_secret_in_hex() {
        assertThat(VerificationTokenHash.of("tok", "sec"))
                .isEqualTo(dev.authschema.engine.crypto.Digests.sha256Hex("toksec"))
                .hasSize(64)
                .matches("[0-9a-f]+");
    }
}
