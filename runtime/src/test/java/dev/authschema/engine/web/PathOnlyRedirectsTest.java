package dev.authschema.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which {@code sendRedirect} targets become a path-only {@code Location}, and which path. */
class PathOnlyRedirectsTest {

    @Test
    void paths_and_relative_urls_become_paths_resolved_against_the_request() {
        assertThat(PathOnlyRedirects.pathOnly("/app/test/redirect", "/app/home"))
                .isEqualTo("/app/home");
        assertThat(PathOnlyRedirects.pathOnly("/app/test/redirect", "clock?from=x"))
                .isEqualTo("/app/test/clock?from=x");
        assertThat(PathOnlyRedirects.pathOnly("/app/test/redirect", "../api/auth/session"))
                .isEqualTo("/app/api/auth/session");
        assertThat(PathOnlyRedirects.pathOnly("/app", "app/")).isEqualTo("/app/");
        assertThat(PathOnlyRedirects.pathOnly("/app/x", "")).isEqualTo("/app/");
        assertThat(PathOnlyRedirects.pathOnly("/app/x", "a b")).isEqualTo("/app/a b");
    }

    @Test
    void a_path_never_becomes_a_protocol_relative_url_to_another_host() {
        assertThat(PathOnlyRedirects.pathOnly("/x", "..//evil.example/"))
                .startsWith("/")
                .doesNotStartWith("//");
        assertThat(PathOnlyRedirects.pathOnly("/x", "/\\evil.example/")).isEqualTo("/evil.example/");
        assertThat(PathOnlyRedirects.pathOnly("/x", "\\\\evil.example/")).isEqualTo("/evil.example/");
    }

    @Test
    void absolute_urls_are_left_to_the_container() {
        assertThat(PathOnlyRedirects.pathOnly("/x", "https://example.com/a")).isNull();
        assertThat(PathOnlyRedirects.pathOnly("/x", "//example.com/a")).isNull();
        assertThat(PathOnlyRedirects.pathOnly("/x", "mailto:a@example.com")).isNull();
        assertThat(PathOnlyRedirects.pathOnly("/x", null)).isNull();
    }
}
