package dev.authschema.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserUpdateTest {

    private static final Instant VERIFIED = Instant.parse("2024-05-01T10:15:30.123Z");
    private final AdapterUser stored =
            new AdapterUser("u1", "Ada", "ada@example.com", VERIFIED, "https://img/ada", Map.of("role", "user"));

    @Test
    void an_empty_update_sets_nothing_and_changes_nothing() {
        UserUpdate update = UserUpdate.of("u1");

        assertThat(update.isEmpty()).isTrue();
        assertThat(update.setProperties()).isEmpty();
        assertThat(update.extras()).isEmpty();
        assertThat(update.applyTo(stored)).isEqualTo(stored);
    }

    @Test
    void records_which_properties_were_set_including_null() {
        UserUpdate update = UserUpdate.of("u1").withName("Grace").withImage(null);

        assertThat(update.setProperties())
                .containsExactlyInAnyOrder(UserUpdate.Property.NAME, UserUpdate.Property.IMAGE);
        assertThat(update.isSet(UserUpdate.Property.IMAGE)).isTrue();
        assertThat(update.image()).isNull();
        assertThat(update.name()).isEqualTo("Grace");
        assertThat(update.isSet(UserUpdate.Property.EMAIL)).isFalse();
    }

    @Test
    void reading_a_property_that_was_not_set_is_refused() {
        assertThatThrownBy(() -> UserUpdate.of("u1").email())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EMAIL");
    }

    @Test
    void apply_changes_only_what_was_set() {
        UserUpdate update = UserUpdate.of("u1").withName("Grace").withEmail(null);

        assertThat(update.applyTo(stored))
                .isEqualTo(new AdapterUser("u1", "Grace", null, VERIFIED, "https://img/ada", Map.of("role", "user")));
    }

    @Test
    void extras_are_merged_kept_in_order_and_may_be_cleared() {
        AdapterUser withTwoExtras =
                new AdapterUser("u1", null, null, null, null, ordered("role", "user", "plan", "FREE"));

        AdapterUser updated = UserUpdate.of("u1")
                .withExtra("plan", null)
                .withExtra("karma", 7L)
                .applyTo(withTwoExtras);

        assertThat(updated.extras().keySet()).containsExactly("role", "plan", "karma");
        assertThat(updated.extras())
                .containsEntry("role", "user")
                .containsEntry("plan", null)
                .containsEntry("karma", 7L);
    }

    @Test
    void every_with_method_returns_a_new_update() {
        UserUpdate original = UserUpdate.of("u1");
        UserUpdate changed = original.withName("x").withExtra("role", "admin");

        assertThat(original.isEmpty()).isTrue();
        assertThat(changed)
                .isNotEqualTo(original)
                .isEqualTo(UserUpdate.of("u1").withName("x").withExtra("role", "admin"));
    }

    @Test
    void email_verified_is_truncated_to_milliseconds() {
        UserUpdate update = UserUpdate.of("u1").withEmailVerified(Instant.parse("2024-01-01T00:00:00.123456789Z"));

        assertThat(update.emailVerified()).isEqualTo(Instant.parse("2024-01-01T00:00:00.123Z"));
    }

    @Test
    void applying_to_another_user_is_refused() {
        AdapterUser other = stored.withId("u2");

        assertThatThrownBy(() -> UserUpdate.of("u1").withName("x").applyTo(other))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
