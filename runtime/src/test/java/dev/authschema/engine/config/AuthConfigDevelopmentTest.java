package dev.authschema.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Development mode from {@code AUTH_DEVELOPMENT}, the development server's environment, so that a WAR never carries it
 * into production; {@code development(boolean)} in code still decides when it is called.
 */
class AuthConfigDevelopmentTest {

    private static AuthConfig.Builder builder(String... settings) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < settings.length; i += 2) {
            env.put(settings[i], settings[i + 1]);
        }
        return AuthConfig.builder().environment(env::get);
    }

    @Test
    void auth_development_true_turns_development_mode_on() {
        AuthConfig config = builder("AUTH_DEVELOPMENT", "true").build();

        assertThat(config.development()).isTrue();
        assertThat(config.url()).as("no AUTH_URL needed").isEmpty();
        assertThat(builder("AUTH_DEVELOPMENT", " TRUE ").build().development()).isTrue();
        assertThat(builder("AUTH_DEVELOPMENT", "1").build().development()).isTrue();
    }

    @Test
    void without_it_the_same_war_is_in_production_and_says_what_it_lacks() {
        assertThatThrownBy(() -> builder().build())
                .isInstanceOf(AuthConfigurationException.class)
                .hasMessageContaining("AUTH_URL is not set")
                .hasMessageContaining("AUTH_SECRET");
        assertThatThrownBy(() -> builder("AUTH_DEVELOPMENT", "false").build())
                .hasMessageContaining("AUTH_URL is not set");
    }

    @Test
    void a_malformed_value_is_refused_naming_the_variable() {
        assertThatThrownBy(() -> builder("AUTH_DEVELOPMENT", "yes").build())
                .isInstanceOf(AuthConfigurationException.class)
                .hasMessageContaining("AUTH_DEVELOPMENT is 'yes'")
                .hasMessageContaining("leave it unset (or false) in production");
    }

    @Test
    void the_code_decides_when_it_says_so() {
        assertThat(builder("AUTH_DEVELOPMENT", "true")
                        .development(false)
                        .url("https://example.com")
                        .secret("config-test-secret-Vq3xR9tLmZ2pK7wYb4NcH8sJ")
                        .build()
                        .development())
                .isFalse();
        assertThat(builder().development(true).build().development()).isTrue();
    }
}
