package dev.authschema.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmailCodeSettingsTest {

    private static final String WHERE = "providers[email-code]";

    @Test
    void the_defaults_are_six_digits_five_attempts_and_ten_minutes() {
        EmailProviderConfig provider = Providers.emailCode("a@example.com");

        assertThat(provider.codes()).isEqualTo(new EmailCodeSettings(6, "0123456789", 5));
        assertThat(provider.maxAge()).isEqualTo(Duration.ofMinutes(10));
        assertThat(provider.codes().problems(WHERE, provider.maxAge())).isEmpty();
    }

    @Test
    void too_few_possible_codes_are_refused_with_the_fix() {
        assertThat(EmailCodeSettings.defaults().withLength(4).problems(WHERE, Duration.ofMinutes(5)))
                .singleElement()
                .asString()
                .contains("providers[email-code].codes.length", "fewer than a million", "6 digits");
        assertThat(EmailCodeSettings.defaults()
                        .withAlphabet("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
                        .withLength(4)
                        .problems(WHERE, Duration.ofMinutes(5)))
                .isEqualTo(java.util.List.of()); // 32^4 > 10^6
    }

    @Test
    void a_bad_alphabet_attempt_budget_or_lifetime_is_named() {
        assertThat(EmailCodeSettings.defaults().withAlphabet("0012345678").problems(WHERE, Duration.ofMinutes(5)))
                .singleElement()
                .asString()
                .contains("codes.alphabet", "each only once");
        assertThat(EmailCodeSettings.defaults().withAlphabet("0123 56789").problems(WHERE, Duration.ofMinutes(5)))
                .singleElement()
                .asString()
                .contains("visible ASCII");
        assertThat(EmailCodeSettings.defaults().withMaxAttempts(0).problems(WHERE, Duration.ofMinutes(5)))
                .singleElement()
                .asString()
                .contains("codes.maxAttempts", "between 1 and 10");
        assertThat(EmailCodeSettings.defaults().withMaxAttempts(50).problems(WHERE, Duration.ofMinutes(5)))
                .hasSize(1);
        assertThat(EmailCodeSettings.defaults().problems(WHERE, Duration.ofHours(24)))
                .singleElement()
                .asString()
                .contains("providers[email-code].maxAge", "at most PT1H");
    }

    @Test
    void the_start_up_check_reports_the_code_problems_with_the_others() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AuthConfig.builder()
                        .development(true)
                        .adapter(new dev.authschema.engine.testing.InMemoryAdapter())
                        .provider(Providers.emailCode("a@example.com")
                                .withMaxAge(Duration.ofDays(1))
                                .withCodes(EmailCodeSettings.defaults().withLength(3)))
                        .build())
                .isInstanceOf(AuthConfigurationException.class)
                .hasMessageContaining("codes.length")
                .hasMessageContaining("maxAge");
    }
}
