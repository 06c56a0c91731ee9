package dev.authschema.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThemeTest {

    private static AuthConfig.Builder builder(Theme theme) {
        return AuthConfig.builder()
                .environment(name -> null)
                .development(true)
                .url("http://localhost:8080/app")
                .theme(theme);
    }

    @Test
    void hexadecimal_and_functional_colours_and_https_or_path_logos_are_accepted() {
        for (String colour : List.of(
                "#fff",
                "#FFFFFF",
                "#346df1cc",
                "rgb(52, 109, 241)",
                "rgba(0,0,0,.5)",
                "hsl(222, 87%, 57%)",
                "hsla(222deg, 87%, 57%, 50%)")) {
            assertThat(Theme.defaults()
                            .withBrandColor(colour)
                            .withButtonText(colour)
                            .problems())
                    .as(colour)
                    .isEmpty();
        }
        for (String logo : List.of("/images/logo.svg", "https://cdn.example.com/logo.png?v=2")) {
            assertThat(Theme.defaults().withLogo(logo).problems()).as(logo).isEmpty();
        }
        assertThat(builder(Theme.defaults().withLogo("/logo.svg"))
                        .build()
                        .theme()
                        .logo())
                .isEqualTo("/logo.svg");
    }

    @Test
    void a_value_that_could_break_out_of_the_stylesheet_is_not_a_colour() {
        for (String colour : List.of(
                "red; } body { display: none",
                "url(https://evil.example/x)",
                "expression(alert(1))",
                "#12345",
                "var(--x)",
                "",
                "rgb(1,2,3);x",
                "#fff</style>")) {
            assertThat(Theme.defaults().withBrandColor(colour).problems())
                    .as(colour)
                    .singleElement()
                    .asString()
                    .startsWith("theme.brandColor: ")
                    .contains("write #rrggbb");
        }
    }

    @Test
    void a_logo_that_is_not_https_or_a_path_on_the_application_is_refused() {
        for (String logo : List.of(
                "javascript:alert(1)",
                "http://cdn.example.com/logo.png",
                "//evil.example/x.png",
                "data:image/svg+xml,<svg onload=alert(1)>",
                "/logo.svg\" onerror=\"alert(1)",
                "logo.png",
                "https://user@cdn.example.com/x.png",
                "/\\evil.example/x")) {
            assertThat(Theme.defaults().withLogo(logo).problems())
                    .as(logo)
                    .singleElement()
                    .asString()
                    .startsWith("theme.logo: ")
                    .contains("https:// URL", "/images/logo.svg");
        }
    }

    @Test
    void the_build_fails_at_start_up_naming_every_bad_theme_value() {
        Theme bad = Theme.defaults()
                .withBrandColor("blue;}")
                .withButtonText("white")
                .withLogo("javascript:x");

        assertThatThrownBy(() -> builder(bad).build())
                .isInstanceOf(AuthConfigurationException.class)
                .hasMessageContaining("theme.brandColor: 'blue;}'")
                .hasMessageContaining("theme.buttonText: 'white'")
                .hasMessageContaining("theme.logo: 'javascript:x'");
    }
}
