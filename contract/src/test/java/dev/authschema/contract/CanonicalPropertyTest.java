package dev.authschema.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CanonicalPropertyTest {

    @Test
    void records_list_their_components_in_order() {
        assertThat(CanonicalProperty.recordComponents(Role.SESSION))
                .extracting(p -> p.accessor().orElseThrow())
                .containsExactly("sessionToken", "userId", "expires");
        assertThat(CanonicalProperty.recordComponents(Role.RATE_LIMIT)).isEmpty();
        assertThat(CanonicalProperty.ACCOUNT_COMPOUND_ID.accessor()).isEmpty();
    }

    @Test
    void update_constants_follow_the_accessor() {
        assertThat(CanonicalProperty.updatable(Role.USER))
                .extracting(CanonicalProperty::updateConstant)
                .containsExactly("NAME", "EMAIL", "EMAIL_VERIFIED", "IMAGE");
        assertThat(CanonicalProperty.SESSION_USER_ID.updateConstant()).isEqualTo("USER_ID");
        assertThatThrownBy(CanonicalProperty.ACCOUNT_SCOPE::updateConstant).hasMessageContaining("not updatable");
    }

    @Test
    void legacy_names_may_hold_another_kind() {
        assertThat(CanonicalProperty.ACCOUNT_EXPIRES_AT.type(false)).isEqualTo(ValueType.INTEGER);
        assertThat(CanonicalProperty.ACCOUNT_EXPIRES_AT.type(true)).isEqualTo(ValueType.INSTANT);
        assertThat(CanonicalProperty.ACCOUNT_TYPE.legacyName()).isEqualTo("providerType");
        assertThat(CanonicalProperty.ACCOUNT_TYPE.type(true)).isEqualTo(ValueType.TEXT);
        assertThat(CanonicalProperty.values())
                .filteredOn(CanonicalProperty::isUserReference)
                .containsExactly(
                        CanonicalProperty.ACCOUNT_USER_ID,
                        CanonicalProperty.SESSION_USER_ID,
                        CanonicalProperty.AUTHENTICATOR_USER_ID);
    }

    @Test
    void roles_and_capabilities_pair_up() {
        assertThat(Role.schemaNames())
                .containsExactly(
                        "User",
                        "Account",
                        "Session",
                        "VerificationToken",
                        "Authenticator",
                        "RateLimit",
                        "VerificationRequest");
        assertThat(Role.of("VerificationRequest")).contains(Role.VERIFICATION_TOKEN);
        for (Role role : Role.values()) {
            assertThat(Capability.of(role).role()).isEqualTo(role);
        }
    }

    @Test
    void suggestions_allow_one_edit_per_three_letters() {
        assertThat(Suggestions.closest("Acount", java.util.List.of("Account", "Session")))
                .contains("Account");
        assertThat(Suggestions.closest("postgers", java.util.List.of("postgres")))
                .as("a swap is one edit")
                .contains("postgres");
        assertThat(Suggestions.closest("xyz", java.util.List.of("Account"))).isEmpty();
    }
}
