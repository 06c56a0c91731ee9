package dev.authschema.demo.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserAgentsTest {

    @Test
    void names_browser_and_system() {
        assertThat(UserAgents.describe("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
                        + " Chrome/131.0.0.0 Safari/537.36"))
                .isEqualTo("Chrome on Linux");
        assertThat(UserAgents.describe(
                        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101" + " Firefox/133.0"))
                .isEqualTo("Firefox on Windows");
        assertThat(UserAgents.describe("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15"
                        + " (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"))
                .isEqualTo("Safari on iOS");
    }

    @Test
    void an_unknown_agent_is_an_unknown_device() {
        assertThat(UserAgents.describe(null)).isEqualTo("Unknown device");
        assertThat(UserAgents.describe("unknown")).isEqualTo("Unknown device");
    }
}
