package dev.authschema.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Utf8RequestEncodingTest {

    @Test
    void a_form_without_charset_gets_the_default_it_reports_set_explicitly() {
        // Undertow reports the context default but decodes with ISO-8859-1 unless it is set on the request.
        assertThat(Utf8RequestEncoding.explicitEncoding("application/x-www-form-urlencoded", "UTF-8", "UTF-8"))
                .isEqualTo("UTF-8");
        assertThat(Utf8RequestEncoding.explicitEncoding("application/x-www-form-urlencoded", "utf-8", "UTF-8"))
                .isEqualTo("UTF-8");
    }

    @Test
    void without_any_encoding_the_request_gets_utf8_or_the_applications_default() {
        assertThat(Utf8RequestEncoding.explicitEncoding(null, null, null)).isEqualTo("UTF-8");
        assertThat(Utf8RequestEncoding.explicitEncoding("application/x-www-form-urlencoded", null, "windows-1252"))
                .isEqualTo("windows-1252");
    }

    @Test
    void a_charset_in_the_content_type_or_one_chosen_before_is_left_alone() {
        assertThat(Utf8RequestEncoding.explicitEncoding(
                        "application/x-www-form-urlencoded; Charset=ISO-8859-1", "ISO-8859-1", "UTF-8"))
                .isNull();
        assertThat(Utf8RequestEncoding.explicitEncoding("application/x-www-form-urlencoded", "ISO-8859-1", "UTF-8"))
                .isNull();
    }
}
