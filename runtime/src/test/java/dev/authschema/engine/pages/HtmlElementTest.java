package dev.authschema.engine.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HtmlElementTest {

    private static final String HOSTILE = "\"><script>alert('x')</script>&";

    @Test
    void text_and_attribute_values_are_escaped_so_no_markup_gets_through() {
        String html = HtmlElement.of("p").attr("title", HOSTILE).text(HOSTILE).render();

        assertThat(html)
                .doesNotContain("<script", "'")
                .isEqualTo("<p title=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;\">"
                        + "&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</p>");
    }

    @Test
    void a_tag_or_attribute_name_that_is_not_a_plain_name_is_refused() {
        assertThatThrownBy(() -> HtmlElement.of("p onload=alert(1)")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HtmlElement.of("p").attr("onclick=\"x\" a", "1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HtmlElement.of("input").text("x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void void_elements_have_no_end_tag_and_null_values_leave_the_attribute_out() {
        assertThat(HtmlElement.of("input")
                        .attr("type", "hidden")
                        .attr("value", null)
                        .render())
                .isEqualTo("<input type=\"hidden\">");
        assertThat(HtmlElement.of("div").add(HtmlElement.of("br")).text(null).render())
                .isEqualTo("<div><br></div>");
    }
}
