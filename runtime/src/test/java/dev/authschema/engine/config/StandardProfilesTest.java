package dev.authschema.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StandardProfilesTest {

    @Test
    void github_ids_stay_integral_and_login_stands_in_for_a_missing_name() {
        OAuthProfile profile = Providers.gitHub()
                .profileMapper()
                .map(Map.of("id", 12345.0, "login", "octocat", "avatar_url", "https://avatars/1"));

        assertThat(profile.providerAccountId()).isEqualTo("12345");
        assertThat(profile.name()).isEqualTo("octocat");
        assertThat(profile.image()).isEqualTo("https://avatars/1");
        assertThat(profile.email()).isNull();
    }

    @Test
    void oidc_maps_the_standard_claims() {
        OAuthProfile profile = Providers.google()
                .profileMapper()
                .map(Map.of("sub", "abc", "name", "Ann", "email", "ann@example.com", "picture", "https://p"));

        assertThat(profile).isEqualTo(new OAuthProfile("abc", "Ann", "ann@example.com", "https://p", Map.of()));
    }

    @Test
    void an_oidc_address_is_verified_only_when_email_verified_is_true() {
        assertThat(oidc(Map.of())).isFalse();
        assertThat(oidc(Map.of("email_verified", false))).isFalse();
        assertThat(oidc(Map.of("email_verified", "false"))).isFalse();
        assertThat(oidc(Map.of("email_verified", "yes"))).isFalse();
        assertThat(oidc(Map.of("email_verified", 1))).isFalse();
        assertThat(oidc(Map.of("email_verified", java.util.List.of(true)))).isFalse();
        assertThat(oidc(Map.of("email_verified", true))).isTrue();
        assertThat(oidc(Map.of("email_verified", "true"))).isTrue();
        assertThat(oidc(Map.of("email_verified", "TRUE"))).isTrue();
    }

    @Test
    void a_github_address_is_verified_only_when_the_engine_marked_it_from_the_address_list() {
        assertThat(Providers.gitHub()
                        .profileMapper()
                        .map(Map.of("id", 1, "email", "a@example.com"))
                        .emailVerified())
                .isFalse();
        assertThat(Providers.gitHub()
                        .profileMapper()
                        .map(Map.of("id", 1, "email", "a@example.com", "email_verified", true))
                        .emailVerified())
                .isTrue();
    }

    @Test
    void the_earlier_constructor_makes_an_unverified_profile() {
        assertThat(new OAuthProfile("x", null, "a@example.com", null, null).emailVerified())
                .isFalse();
    }

    private static boolean oidc(Map<String, Object> verification) {
        Map<String, Object> claims = new java.util.HashMap<>(verification);
        claims.put("sub", "abc");
        claims.put("email", "ann@example.com");
        return Providers.google().profileMapper().map(claims).emailVerified();
    }

    @Test
    void a_profile_without_an_id_is_refused() {
        assertThatThrownBy(() -> Providers.google().profileMapper().map(Map.of("name", "x")))
                .hasMessageContaining("'sub'");
    }
}
