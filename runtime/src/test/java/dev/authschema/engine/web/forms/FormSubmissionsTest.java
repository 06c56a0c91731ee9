package dev.authschema.engine.web.forms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.engine.web.forms.FormSubmissions.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which requests must carry the CSRF token, and which are refused outright. */
class FormSubmissionsTest {

    private static final List<String> FACES_POSTBACK =
            List.of("profile-form", "profile-form_SUBMIT", "profile-form:displayName", "jakarta.faces.ViewState");

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH", "TRACE", "get", "PROPFIND"})
    void a_faces_form_submitted_by_any_method_but_post_is_refused(String method) {
        assertThat(FormSubmissions.judge(method, FACES_POSTBACK)).isEqualTo(Verdict.REFUSE);
        assertThat(FormSubmissions.judge(method, List.of("jakarta.faces.ViewState")))
                .isEqualTo(Verdict.REFUSE);
        assertThat(FormSubmissions.judge(method, List.of("email-form_SUBMIT"))).isEqualTo(Verdict.REFUSE);
        assertThat(FormSubmissions.judge(method, List.of("javax.faces.ViewState")))
                .isEqualTo(Verdict.REFUSE);
        assertThat(FormSubmissions.judge(method, List.of("jakarta.faces.partial.ajax")))
                .isEqualTo(Verdict.REFUSE);
    }

    @Test
    void every_post_needs_the_token_faces_or_not() {
        assertThat(FormSubmissions.judge("POST", FACES_POSTBACK)).isEqualTo(Verdict.REQUIRE_TOKEN);
        assertThat(FormSubmissions.judge("POST", List.of())).isEqualTo(Verdict.REQUIRE_TOKEN);
        assertThat(FormSubmissions.judge("post", List.of("name"))).isEqualTo(Verdict.REQUIRE_TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH", "TRACE", "PROPFIND"})
    void other_state_changing_methods_need_the_token(String method) {
        assertThat(FormSubmissions.judge(method, List.of())).isEqualTo(Verdict.REQUIRE_TOKEN);
        assertThat(FormSubmissions.judge(method, List.of("id"))).isEqualTo(Verdict.REQUIRE_TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "OPTIONS"})
    void safe_requests_without_form_fields_pass(String method) {
        assertThat(FormSubmissions.judge(method, List.of())).isEqualTo(Verdict.PASS);
        assertThat(FormSubmissions.judge(method, List.of("email", "token", "callbackUrl", "notice")))
                .as("the confirm page's link")
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void only_faces_field_names_mark_a_submission() {
        assertThat(FormSubmissions.isFormSubmissionField("x_SUBMIT")).isTrue();
        assertThat(FormSubmissions.isFormSubmissionField("jakarta.faces.source"))
                .isTrue();
        assertThat(FormSubmissions.isFormSubmissionField("SUBMIT")).isFalse();
        assertThat(FormSubmissions.isFormSubmissionField("jakarta.faces.ViewStatement"))
                .isFalse();
        assertThat(FormSubmissions.isFormSubmissionField("csrfToken")).isFalse();
    }

    @Test
    void the_browsers_word_that_another_site_sent_it_counts() {
        assertThat(FormSubmissions.fromAnotherSite("cross-site")).isTrue();
        assertThat(FormSubmissions.fromAnotherSite(" Same-Site "))
                .as("a sibling subdomain")
                .isTrue();
        assertThat(FormSubmissions.fromAnotherSite("same-origin")).isFalse();
        assertThat(FormSubmissions.fromAnotherSite("none"))
                .as("typed or bookmarked")
                .isFalse();
        assertThat(FormSubmissions.fromAnotherSite(null))
                .as("a client without fetch metadata")
                .isFalse();
    }
}
