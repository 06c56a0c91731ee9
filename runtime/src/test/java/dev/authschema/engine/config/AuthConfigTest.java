package dev.authschema.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authschema.adapter.AdapterCapability;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.UserUpdate;
import dev.authschema.engine.testing.InMemoryAdapter;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthConfigTest {

    private static final String SECRET = "test-secret-2K-KizgkO7p9kGUXzKFVI3wZ782MtJrR";

    /** An environment with {@code AUTH_URL=https://example.com} unless {@code env} says otherwise. */
    private static AuthConfig.Builder builder(Map<String, String> env) {
        return AuthConfig.builder()
                .environment(name ->
                        env.containsKey(name) ? env.get(name) : "AUTH_URL".equals(name) ? "https://example.com" : null);
    }

    @Test
    void defaults_follow_auth_js() {
        AuthConfig config = builder(Map.of("AUTH_SECRET", SECRET))
                .adapter(new InMemoryAdapter())
                .build();

        assertThat(config.sessionStrategy()).isEqualTo(SessionStrategy.DATABASE);
        assertThat(config.sessionMaxAge()).isEqualTo(Duration.ofDays(30));
        assertThat(config.sessionUpdateAge()).isEqualTo(Duration.ofHours(24));
        assertThat(config.secret()).isEqualTo(SECRET);
        assertThat(config.toString()).doesNotContain(SECRET);
    }

    @Test
    void without_an_adapter_sessions_are_jwt() {
        assertThat(builder(Map.of("AUTH_SECRET", SECRET)).build().sessionStrategy())
                .isEqualTo(SessionStrategy.JWT);
    }

    @Test
    void provider_credentials_come_from_the_environment() {
        AuthConfig config = builder(Map.of(
                        "AUTH_SECRET",
                        SECRET,
                        "AUTH_GITHUB_ID",
                        "gh-id",
                        "AUTH_GITHUB_SECRET",
                        "gh-secret",
                        "AUTH_MY_IDP_ID",
                        "k-id",
                        "AUTH_MY_IDP_SECRET",
                        "k-secret",
                        "AUTH_MY_IDP_ISSUER",
                        "https://idp.example/realms/x"))
                .provider(Providers.gitHub())
                .provider(Providers.openIdConnect("my-idp", "My IdP", null))
                .build();

        OAuthProviderConfig gitHub =
                (OAuthProviderConfig) config.provider("github").orElseThrow();
        OAuthProviderConfig idp =
                (OAuthProviderConfig) config.provider("my-idp").orElseThrow();
        assertThat(gitHub.clientId()).isEqualTo("gh-id");
        assertThat(gitHub.clientSecret()).isEqualTo("gh-secret");
        assertThat(gitHub.toString()).doesNotContain("gh-secret");
        assertThat(idp.issuer()).isEqualTo("https://idp.example/realms/x");
        assertThat(idp.clientId()).isEqualTo("k-id");
    }

    @Test
    void explicit_credentials_win_over_the_environment() {
        AuthConfig config = builder(
                        Map.of("AUTH_SECRET", SECRET, "AUTH_GOOGLE_ID", "env-id", "AUTH_GOOGLE_SECRET", "env-secret"))
                .provider(Providers.google().withClient("code-id", "code-secret"))
                .build();

        assertThat(((OAuthProviderConfig) config.provider("google").orElseThrow()).clientId())
                .isEqualTo("code-id");
    }

    @Test
    void a_missing_secret_outside_development_is_refused_naming_auth_secret() {
        assertThatThrownBy(() -> builder(Map.of()).build())
                .isInstanceOf(AuthConfigurationException.class)
                .hasMessageContaining("AUTH_SECRET is not set");
    }

    @Test
    void a_short_secret_is_refused() {
        assertThatThrownBy(() -> builder(Map.of("AUTH_SECRET", "short")).build())
                .hasMessageContaining("AUTH_SECRET is 5 characters long");
    }

    @Test
    void development_mode_makes_up_a_random_secret() {
        AuthConfig first = builder(Map.of()).development(true).build();
        AuthConfig second = builder(Map.of()).development(true).build();

        assertThat(first.secret()).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(second.secret());
    }

    @Test
    void schema_synchronisation_is_on_in_development_and_off_in_production_by_default() {
        assertThat(builder(Map.of()).development(true).build().synchronizeSchema())
                .isTrue();
        assertThat(builder(Map.of("AUTH_SECRET", SECRET, "AUTH_URL", "https://example.com"))
                        .build()
                        .synchronizeSchema())
                .isFalse();
    }

    @Test
    void schema_synchronisation_follows_the_setting_then_the_variable_then_the_database_url() {
        Map<String, String> production = Map.of("AUTH_SECRET", SECRET, "AUTH_URL", "https://example.com");
        assertThat(builder(production).synchronizeSchema(true).build().synchronizeSchema())
                .isTrue();
        assertThat(builder(with(production, "AUTH_DATABASE_SYNCHRONIZE", "true"))
                        .build()
                        .synchronizeSchema())
                .isTrue();
        assertThat(builder(with(production, "DATABASE_URL", "derby:memory:x?synchronize=true"))
                        .build()
                        .synchronizeSchema())
                .isTrue();
        assertThat(builder(Map.of("AUTH_DATABASE_SYNCHRONIZE", "false"))
                        .development(true)
                        .build()
                        .synchronizeSchema())
                .isFalse();
    }

    @Test
    void a_wrong_synchronisation_value_or_email_server_url_is_a_problem_that_names_the_setting() {
        assertThatThrownBy(() -> builder(
                                Map.of("AUTH_DATABASE_SYNCHRONIZE", "yes", "AUTH_EMAIL_SERVER", "smtp://user:hunter2"))
                        .development(true)
                        .build())
                .isInstanceOfSatisfying(
                        AuthConfigurationException.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(p -> assertThat(p).contains("AUTH_DATABASE_SYNCHRONIZE is 'yes'"))
                                .anySatisfy(p -> assertThat(p)
                                        .contains("emailServer: AUTH_EMAIL_SERVER")
                                        .doesNotContain("hunter2")));
    }

    @Test
    void the_email_server_url_is_read_from_the_environment() {
        AuthConfig config = builder(Map.of("AUTH_EMAIL_SERVER", "smtps://u:p@smtp.example.com"))
                .development(true)
                .build();

        assertThat(config.emailServer())
                .hasValueSatisfying(server -> assertThat(server.port()).isEqualTo(465));
    }

    private static Map<String, String> with(Map<String, String> base, String name, String value) {
        Map<String, String> copy = new java.util.HashMap<>(base);
        copy.put(name, value);
        return copy;
    }

    @Test
    void every_problem_is_reported_at_once_with_the_setting_to_fix() {
        assertThatThrownBy(() -> builder(Map.of())
                        .sessionStrategy(SessionStrategy.DATABASE)
                        .provider(Providers.gitHub())
                        .provider(Providers.openIdConnect("corp", "Corp", null))
                        .provider(Providers.email("noreply@example.com"))
                        .build())
                .isInstanceOfSatisfying(
                        AuthConfigurationException.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(p -> assertThat(p).contains("secret"))
                                .anySatisfy(p -> assertThat(p)
                                        .contains("providers[github].clientId is missing")
                                        .contains("AUTH_GITHUB_ID"))
                                .anySatisfy(p -> assertThat(p)
                                        .contains("providers[github].clientSecret is missing")
                                        .contains("AUTH_GITHUB_SECRET"))
                                .anySatisfy(p -> assertThat(p)
                                        .contains("providers[corp].issuer is missing")
                                        .contains("AUTH_CORP_ISSUER"))
                                .anySatisfy(p ->
                                        assertThat(p).contains("sessionStrategy: DATABASE sessions need an adapter"))
                                .anySatisfy(p -> assertThat(p).contains("providers[email]")));
    }

    @Test
    void duplicate_provider_ids_are_refused() {
        assertThatThrownBy(() -> builder(Map.of("AUTH_SECRET", SECRET))
                        .provider(Providers.google().withClient("a", "b"))
                        .provider(Providers.google().withClient("c", "d"))
                        .build())
                .hasMessageContaining("two providers have the id 'google'");
    }

    @Test
    void an_adapter_lacking_a_needed_capability_is_refused_naming_it() {
        AuthAdapter usersOnly = new UsersOnlyAdapter();

        assertThatThrownBy(() -> builder(Map.of("AUTH_SECRET", SECRET))
                        .adapter(usersOnly)
                        .provider(Providers.email("noreply@example.com"))
                        .build())
                .hasMessageContaining("adapter:")
                .hasMessageContaining("SESSIONS")
                .hasMessageContaining("VERIFICATION_TOKENS");
    }

    @Test
    void update_age_longer_than_max_age_is_refused() {
        assertThatThrownBy(() -> builder(Map.of("AUTH_SECRET", SECRET))
                        .sessionMaxAge(Duration.ofHours(1))
                        .sessionUpdateAge(Duration.ofHours(2))
                        .build())
                .hasMessageContaining("sessionUpdateAge (PT2H) must not exceed sessionMaxAge (PT1H)");
    }

    @Test
    void auth_url_comes_from_the_environment() {
        assertThat(builder(Map.of("AUTH_SECRET", SECRET, "AUTH_URL", "https://example.com/app"))
                        .build()
                        .url())
                .contains("https://example.com/app");
    }

    private static final class UsersOnlyAdapter implements AuthAdapter {
        @Override
        public Set<AdapterCapability> capabilities() {
            return EnumSet.of(AdapterCapability.USERS);
        }

        @Override
        public AdapterUser createUser(AdapterUser user) {
            return user;
        }

        @Override
        public Optional<AdapterUser> getUser(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<AdapterUser> getUserByEmail(String email) {
            return Optional.empty();
        }

        @Override
        public AdapterUser updateUser(UserUpdate update) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteUser(String id) {}
    }
}
