package dev.authschema.engine.passkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authschema.engine.config.PasskeyProviderConfig;
import dev.authschema.engine.config.Providers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RelyingPartyTest {

    @Test
    void the_origin_is_the_base_urls_scheme_host_and_port_and_the_rp_id_its_host() {
        RelyingParty party = RelyingParty.of("https://app.example:8443/shop");
        assertThat(party.origin()).isEqualTo("https://app.example:8443");
        assertThat(party.id()).isEqualTo("app.example");
    }

    @Test
    void a_base_url_without_a_port_or_path_keeps_the_default_port_out_of_the_origin() {
        RelyingParty party = RelyingParty.of("http://localhost");
        assertThat(party.origin()).isEqualTo("http://localhost");
        assertThat(party.id()).isEqualTo("localhost");
    }

    @Test
    void the_passkey_provider_has_sign_up_off_and_five_minute_challenges_by_default() {
        PasskeyProviderConfig provider = Providers.passkey();
        assertThat(provider.allowSignUp()).isFalse();
        assertThat(provider.challengeMaxAge()).isEqualTo(Duration.ofMinutes(5));
        assertThat(provider.type()).isEqualTo("webauthn");
        assertThat(provider.withSignUp(true).allowSignUp()).isTrue();
    }

    @Test
    void a_challenge_lifetime_over_fifteen_minutes_is_refused_with_the_limit_in_the_message() {
        assertThatThrownBy(() -> Providers.passkey().withChallengeMaxAge(Duration.ofMinutes(16)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most PT15M");
        assertThatThrownBy(() -> Providers.passkey().withChallengeMaxAge(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
