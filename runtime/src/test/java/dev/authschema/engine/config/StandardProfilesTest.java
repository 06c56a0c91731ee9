package dev.authschema.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StandardProfilesTest {

    @Test
    void github_ids_stay_integral_and_login_stands_in_for_a_missing_name() {
        OAuthProfile profile = Providers.gitHub().profileMapper().map(Map.of("id", 12345.0, "login", "octocat",
                "avatar_url", "https://avatars/1"));

        assertThat(profile.providerAccountId()).isEqualTo("12345");
        assertThat(profile.name()).isEqualTo("octocat");
        assertThat(profile.image()).isEqualTo("https://avatars/1");
        assertThat(profile.email()).isNull();
    }

    @Test
    void oidc_maps_the_standard_claims() {
        OAuthProfile profile = Providers.google().profileMapper().map(Map.of("sub", "abc", "name", "Ann",
                "email", "ann@example.com", "picture", "https://p"));

        assertThat(profile).isEqualTo(new OAuthProfile("abc", "Ann", "ann@example.com", "https://p", Map.of()));
    }

    @Test
    void a_profile_without_an_id_is_refused() {
        assertThatThrownBy(() -> Providers.google().profileMapper().map(Map.of("name", "x")))
                .hasMessageContaining("'sub'");
    }
}
