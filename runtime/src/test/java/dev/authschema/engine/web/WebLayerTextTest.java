package dev.authschema.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebLayerTextTest {

    @Test
    void the_charset_of_a_content_type_is_found_whatever_its_spelling() {
        assertThat(WebHardeningFilter.charsetOf("application/x-www-form-urlencoded"))
                .isNull();
        assertThat(WebHardeningFilter.charsetOf(null)).isNull();
        assertThat(WebHardeningFilter.charsetOf("application/x-www-form-urlencoded; charset=UTF-8"))
                .isEqualTo("UTF-8");
        assertThat(WebHardeningFilter.charsetOf("text/plain;CHARSET=\"bogus\"")).isEqualTo("bogus");
        assertThat(WebHardeningFilter.charsetOf("text/plain; boundary=x ; charset = latin1 "))
                .isEqualTo("latin1");
    }

    @Test
    void attacker_text_in_a_log_line_is_shortened_and_cannot_start_a_new_line() {
        assertThat(RequestLimits.printable("/signin/x\r\n[auth] forged")).isEqualTo("/signin/x??[auth] forged");
        assertThat(RequestLimits.printable("p".repeat(500))).hasSize(103).endsWith("...");
        assertThat(RequestLimits.printable(null)).isEmpty();
    }
}
