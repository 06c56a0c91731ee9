package dev.authschema.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class HtmlPageTest {

    private static final String BODY = """
            <html><body>
            <h1 id="title">Sign <em>in</em>
               now</h1>
            <form id="email-form" action="/signin.xhtml?x=1&amp;y=2" method="post">
              <input type="hidden" name="jakarta.faces.ViewState" value="a&quot;b&#x2F;c" />
              <input type="text" name="email-form:email" />
              <input type="submit" name="email-form:send-link" value="Send" />
              <input type="button" value="no name" />
            </form>
            </body></html>
            """;

    private final HtmlPage page = new HtmlPage(URI.create("http://127.0.0.1:1/signin.xhtml"), 200, null, BODY);

    @Test
    void reads_a_forms_fields_buttons_and_action_unescaped() {
        HtmlPage.Form form = page.form("email-form");
        assertThat(form.action()).isEqualTo("/signin.xhtml?x=1&y=2");
        assertThat(form.fields())
                .containsExactly(
                        java.util.Map.entry("jakarta.faces.ViewState", "a\"b/c"),
                        java.util.Map.entry("email-form:email", ""));
        assertThat(form.buttons()).containsExactly("email-form:send-link");
    }

    @Test
    void reads_an_elements_text_without_tags_and_with_collapsed_whitespace() {
        assertThat(page.has("title")).isTrue();
        assertThat(page.has("missing")).isFalse();
        assertThat(page.text("title")).isEqualTo("Sign in now");
    }

    @Test
    void a_missing_form_names_the_form_the_page_and_the_status() {
        assertThatThrownBy(() -> page.form("other-form"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("No form #other-form in http://127.0.0.1:1/signin.xhtml (200)");
    }

    @Test
    void redirects_only_for_3xx() {
        assertThat(new HtmlPage(page.uri(), 302, "/account.xhtml", "").redirect())
                .contains("/account.xhtml");
        assertThat(new HtmlPage(page.uri(), 200, "/account.xhtml", "").redirect())
                .isEmpty();
        assertThat(page.path()).isEqualTo("/signin.xhtml");
    }
}
