package dev.authschema.demo.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authschema.engine.config.SessionStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** AUTH_SESSION_STRATEGY, set here as a system property (the environment of the test run does not have it). */
class DemoSettingsTest {

    private static final String SETTING = "AUTH_SESSION_STRATEGY";

    private final DemoSettings settings = new DemoSettings();

    @AfterEach
    void clear() {
        System.clearProperty(SETTING);
    }

    @Test
    void database_sessions_unless_set() {
        assertThat(settings.sessionStrategy()).isEqualTo(SessionStrategy.DATABASE);
    }

    @Test
    void reads_either_strategy_in_any_case() {
        System.setProperty(SETTING, "JWT");
        assertThat(settings.sessionStrategy()).isEqualTo(SessionStrategy.JWT);
        System.setProperty(SETTING, " database ");
        assertThat(settings.sessionStrategy()).isEqualTo(SessionStrategy.DATABASE);
    }

    @Test
    void a_bad_value_names_the_setting_and_the_choices() {
        System.setProperty(SETTING, "cookie");
        assertThatThrownBy(settings::sessionStrategy)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("AUTH_SESSION_STRATEGY must be 'database' or 'jwt', not 'cookie'");
    }
}
