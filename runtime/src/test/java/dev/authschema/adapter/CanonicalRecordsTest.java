package dev.authschema.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalRecordsTest {

    private static final Instant NANOS = Instant.parse("2024-03-04T05:06:07.123456789Z");
    private static final Instant MILLIS = Instant.parse("2024-03-04T05:06:07.123Z");

    @Test
    void instants_are_truncated_to_milliseconds() {
        assertThat(AdapterUser.of("u", null, null, NANOS, null).emailVerified()).isEqualTo(MILLIS);
        assertThat(AdapterSession.of("t", "u", NANOS).expires()).isEqualTo(MILLIS);
        assertThat(new VerificationToken("i", "t", NANOS).expires()).isEqualTo(MILLIS);
        assertThat(AdapterUser.of("u", null, null, null, null).emailVerified()).isNull();
    }

    @Test
    void instant_extras_are_truncated_too() {
        AdapterUser user = new AdapterUser("u", null, null, null, null, Map.of("lastSeen", NANOS));

        assertThat(user.extras()).containsEntry("lastSeen", MILLIS);
    }

    @Test
    void null_extras_become_an_empty_map() {
        assertThat(new AdapterUser("u", null, null, null, null, null).extras()).isEmpty();
        assertThat(new AdapterSession("t", "u", MILLIS, null).extras()).isEmpty();
    }

    @Test
    void extras_are_copied_defensively_keep_order_and_allow_null_values() {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("zeta", 1);
        source.put("alpha", null);
        source.put("mid", "x");

        AdapterUser user = new AdapterUser("u", null, null, null, null, source);
        source.put("late", true);

        assertThat(user.extras()).containsOnlyKeys("zeta", "alpha", "mid");
        assertThat(user.extras().keySet()).containsExactly("zeta", "alpha", "mid");
        assertThatThrownBy(() -> user.extras().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void byte_array_extras_are_copied_and_compared_by_content() {
        byte[] avatar = {1, 2, 3};
        AdapterUser user = new AdapterUser("u", null, null, null, null, Map.of("avatar", avatar));
        avatar[0] = 9;

        assertThat((byte[]) user.extras().get("avatar")).containsExactly(1, 2, 3);
        AdapterUser same = new AdapterUser("u", null, null, null, null, Map.of("avatar", new byte[] {1, 2, 3}));
        assertThat(user).isEqualTo(same).hasSameHashCodeAs(same);
    }

    @Test
    void decimal_extras_compare_numerically() {
        AdapterAccount a = account(Map.of("balance", new BigDecimal("12.5")));
        AdapterAccount b = account(Map.of("balance", new BigDecimal("12.50")));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(account(Map.of("balance", new BigDecimal("12.51"))));
    }

    @Test
    void extras_equality_ignores_order_but_not_values() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("a", 1);
        one.put("b", 2);
        Map<String, Object> other = new HashMap<>();
        other.put("b", 2);
        other.put("a", 1);

        assertThat(AdapterSession.of("t", "u", MILLIS)).isNotEqualTo(new AdapterSession("t", "u", MILLIS, one));
        assertThat(new AdapterSession("t", "u", MILLIS, one)).isEqualTo(new AdapterSession("t", "u", MILLIS, other));
    }

    @Test
    void required_properties_are_checked() {
        assertThatThrownBy(() -> AdapterAccount.of("u", "oauth", null, "1"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("provider");
        assertThatThrownBy(() -> AdapterSession.of("t", null, MILLIS))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("userId");
        assertThatThrownBy(() -> new VerificationToken("i", "t", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("expires");
    }

    @Test
    void to_string_masks_credentials_but_shows_byte_extras() {
        AdapterAccount account = new AdapterAccount(
                "u",
                "oauth",
                "github",
                "42",
                "refresh-secret",
                "access-secret",
                1_700_000_000L,
                "bearer",
                "read",
                "id-secret",
                "state-secret",
                Map.of("raw", new byte[] {7}));

        assertThat(account.toString())
                .doesNotContain("refresh-secret", "access-secret", "id-secret", "state-secret")
                .contains("github", "1700000000", "[7]");
        assertThat(AdapterSession.of("session-secret", "u", MILLIS).toString()).doesNotContain("session-secret");
    }

    @Test
    void with_methods_replace_one_property() {
        AdapterUser user = AdapterUser.of(null, "Ada", null, null, null).withId("u9");
        AdapterAuthenticator authenticator =
                new AdapterAuthenticator("c", "u", "p", "key", 1, "singleDevice", false, null).withCounter(5);

        assertThat(user.id()).isEqualTo("u9");
        assertThat(user.name()).isEqualTo("Ada");
        assertThat(authenticator.counter()).isEqualTo(5);
    }

    private static AdapterAccount account(Map<String, Object> extras) {
        return new AdapterAccount("u", "oauth", "github", "42", null, null, null, null, null, null, null, extras);
    }
}
