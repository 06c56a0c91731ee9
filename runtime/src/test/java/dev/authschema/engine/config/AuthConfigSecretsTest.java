package dev.authschema.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code AUTH_SECRET} as a list for rotation: its syntax, and each secret checked like a single one. */
class AuthConfigSecretsTest {

    private static final String NEW = "new-secret-2K-KizgkO7p9kGUXzKFVI3wZ782MtJrR";
    private static final String OLD = "old-secret-Hq8vT2mXc5LpR9wZb3NdK7sJyF4aGe1u";

    private static AuthConfig.Builder builder(Map<String, String> env) {
        return AuthConfig.builder()
                .environment(name ->
                        env.containsKey(name) ? env.get(name) : "AUTH_URL".equals(name) ? "https://example.com" : null);
    }

    @Test
    void comma_separated_secrets_become_the_ring_in_order_and_the_first_is_the_current_one() {
        AuthConfig config = builder(Map.of("AUTH_SECRET", NEW + ", " + OLD)).build();

        assertThat(config.secrets().all()).containsExactly(NEW, OLD);
        assertThat(config.secret()).isEqualTo(NEW);
        assertThat(config.secrets().toString()).doesNotContain(NEW, OLD);
        assertThat(config.toString()).doesNotContain(NEW, OLD);
    }

    @Test
    void a_list_in_the_builder_wins_over_the_environment() {
        AuthConfig config =
                builder(Map.of("AUTH_SECRET", OLD)).secrets(List.of(NEW, OLD)).build();

        assertThat(config.secrets().all()).containsExactly(NEW, OLD);
    }

    @Test
    void a_weak_older_secret_is_refused_naming_its_position() {
        assertThatThrownBy(() -> builder(Map.of("AUTH_SECRET", NEW + ",short")).build())
                .isInstanceOfSatisfying(
                        AuthConfigurationException.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith("secret: AUTH_SECRET's secret 2 of 2 is 5" + " characters long")));
    }

    @Test
    void an_empty_part_and_a_repeated_secret_are_refused_with_how_to_write_the_list() {
        assertThatThrownBy(
                        () -> builder(Map.of("AUTH_SECRET", NEW + ",," + NEW)).build())
                .isInstanceOfSatisfying(
                        AuthConfigurationException.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(p -> assertThat(p).contains("secret 2 of 3 is empty", "single commas"))
                                .anySatisfy(p -> assertThat(p).contains("secret 3 of 3 repeats an earlier one")));
        assertThatThrownBy(() -> builder(Map.of("AUTH_SECRET", NEW + ",")).build())
                .as("a trailing comma")
                .isInstanceOf(AuthConfigurationException.class);
    }

    @Test
    void a_published_secret_behind_a_good_one_is_still_refused() {
        assertThatThrownBy(() -> builder(
                                Map.of("AUTH_SECRET", NEW + ",dev-only-secret-do-not-use-in-production-0123456789"))
                        .build())
                .isInstanceOfSatisfying(
                        AuthConfigurationException.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(p -> assertThat(p).contains("secret 2 of 2 is a secret published")));
    }
}
