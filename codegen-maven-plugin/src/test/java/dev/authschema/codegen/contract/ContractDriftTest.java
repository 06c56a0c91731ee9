package dev.authschema.codegen.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterAuthenticator;
import dev.authschema.adapter.AdapterCapability;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.SessionUpdate;
import dev.authschema.adapter.UserUpdate;
import dev.authschema.adapter.VerificationToken;
import dev.authschema.adapter.tck.AccountProperty;
import dev.authschema.contract.CanonicalProperty;
import dev.authschema.contract.Capability;
import dev.authschema.contract.Role;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract table against the runtime's public face (its records, update properties and capabilities) and the
 * conformance kit's account properties: a property added, renamed or retyped on one side only fails here, by name.
 */
class ContractDriftTest {

    @Test
    void the_records_carry_the_tables_properties_in_order_with_their_types() {
        assertThat(ContractDrift.record(Role.USER, AdapterUser.class)).isEmpty();
        assertThat(ContractDrift.record(Role.ACCOUNT, AdapterAccount.class)).isEmpty();
        assertThat(ContractDrift.record(Role.SESSION, AdapterSession.class)).isEmpty();
        assertThat(ContractDrift.record(Role.VERIFICATION_TOKEN, VerificationToken.class))
                .isEmpty();
        assertThat(ContractDrift.record(Role.AUTHENTICATOR, AdapterAuthenticator.class))
                .isEmpty();
    }

    @Test
    void the_updates_set_the_tables_updatable_properties() {
        assertThat(ContractDrift.update(Role.USER, UserUpdate.Property.class)).isEmpty();
        assertThat(ContractDrift.update(Role.SESSION, SessionUpdate.Property.class))
                .isEmpty();
        assertThat(CanonicalProperty.updatable(Role.ACCOUNT))
                .as("accounts have no update")
                .isEmpty();
    }

    @Test
    void the_capabilities_are_the_tables() {
        List<String> names = Arrays.stream(Capability.values()).map(Enum::name).toList();
        assertThat(ContractDrift.constants("AdapterCapability", AdapterCapability.class, names))
                .isEmpty();
    }

    @Test
    void the_kit_names_every_optional_account_property_of_the_record() {
        List<CanonicalProperty> optional = CanonicalProperty.recordComponents(Role.ACCOUNT).stream()
                .filter(p -> !p.isRequired())
                .toList();
        assertThat(Arrays.stream(AccountProperty.values()).map(AccountProperty::canonical))
                .containsExactlyElementsOf(optional);
        for (AccountProperty property : AccountProperty.values()) {
            assertThat(property.name()).isEqualTo(property.canonical().name().substring("ACCOUNT_".length()));
        }
    }

    /** What a drifted record looks like: the differences name the component and the table's property. */
    record DriftedAccount(
            String userId,
            String type,
            String provider,
            String providerAccountId,
            String refreshToken,
            String accessToken,
            String expiresAt,
            String tokenType,
            String scope,
            String idToken,
            String state,
            Map<String, Object> extras) {}

    record ShortSession(String sessionToken, String userId) {}

    record LongToken(String identifier, String token, Instant expires, String purpose) {}

    enum DriftedProperty {
        NAME,
        EMAIL,
        IMAGE,
        AVATAR
    }

    @Test
    void a_difference_names_the_property() {
        assertThat(ContractDrift.record(Role.ACCOUNT, DriftedAccount.class))
                .containsExactly(
                        "DriftedAccount component 7 'expiresAt' is a String but the table's ACCOUNT_EXPIRES_AT holds INTEGER (Long)",
                        "DriftedAccount component 11 is 'state' but the table's ACCOUNT_SESSION_STATE is 'sessionState' there");
        assertThat(ContractDrift.record(Role.SESSION, ShortSession.class))
                .containsExactly(
                        "ShortSession component 3: the table's SESSION_EXPIRES (expires) is missing in the record");
        assertThat(ContractDrift.record(Role.VERIFICATION_TOKEN, LongToken.class))
                .containsExactly(
                        "LongToken component 4 'purpose' has no property of role VERIFICATION_TOKEN in the contract table");
        assertThat(ContractDrift.constants(
                        "UserUpdate.Property",
                        DriftedProperty.class,
                        CanonicalProperty.updatable(Role.USER).stream()
                                .map(CanonicalProperty::updateConstant)
                                .toList()))
                .containsExactly(
                        "UserUpdate.Property has no EMAIL_VERIFIED, which the contract table has",
                        "UserUpdate.Property has AVATAR, which the contract table does not have");
    }
}
