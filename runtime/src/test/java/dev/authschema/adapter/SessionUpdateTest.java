package dev.authschema.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionUpdateTest {

    private static final Instant EXPIRES = Instant.parse("2030-01-01T00:00:00.001Z");
    private final AdapterSession stored = new AdapterSession("tok", "u1", EXPIRES, Map.of("ip", "127.0.0.1"));

    @Test
    void changes_only_the_expiry_when_only_the_expiry_is_set() {
        Instant later = Instant.parse("2030-02-01T00:00:00.999Z");

        AdapterSession updated = SessionUpdate.of("tok").withExpires(later).applyTo(stored);

        assertThat(updated).isEqualTo(new AdapterSession("tok", "u1", later, Map.of("ip", "127.0.0.1")));
    }

    @Test
    void changes_extras_and_user() {
        SessionUpdate update = SessionUpdate.of("tok").withUserId("u2").withExtra("ip", "::1");

        assertThat(update.setProperties()).containsExactly(SessionUpdate.Property.USER_ID);
        assertThat(update.applyTo(stored)).isEqualTo(new AdapterSession("tok", "u2", EXPIRES, Map.of("ip", "::1")));
    }

    @Test
    void required_properties_cannot_be_set_to_null() {
        assertThatThrownBy(() -> SessionUpdate.of("tok").withExpires(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SessionUpdate.of("tok").withUserId(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void reading_an_unset_property_is_refused() {
        assertThatThrownBy(() -> SessionUpdate.of("tok").expires()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void to_string_does_not_show_the_session_token() {
        assertThat(SessionUpdate.of("very-secret-token").withExpires(EXPIRES).toString())
                .doesNotContain("very-secret-token");
    }
}
