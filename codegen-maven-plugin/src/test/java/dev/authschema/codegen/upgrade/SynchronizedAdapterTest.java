package dev.authschema.codegen.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterCapability;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.VerificationToken;
import dev.authschema.codegen.Samples;
import dev.authschema.codegen.ddl.DdlGenerator;
import dev.authschema.codegen.harness.TestDatabase;
import dev.authschema.contract.Role;
import dev.authschema.database.DatabaseUrl;
import dev.authschema.database.SchemaSynchronizer;
import dev.authschema.dsl.resolve.ResolvedSchema;
import dev.authschema.dsl.resolve.ScalarType;
import java.sql.Connection;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated {@code JpaAuthAdapter} of each sample runs on a database that only the synchronizer
 * built, with EclipseLink configured from the connection string: users, accounts, sessions and
 * single-use tokens round-trip, and deleting a user cascades through the synchronizer's foreign keys.
 */
class SynchronizedAdapterTest {

    static final Instant VERIFIED = Instant.parse("2024-05-06T07:08:09.123Z");
    static final Instant EXPIRES = Instant.parse("2031-01-02T03:04:05.678Z");

    static Stream<Arguments> targets() {
        return Stream.of(TestDatabase.Kind.DERBY, TestDatabase.Kind.POSTGRESQL, TestDatabase.Kind.MARIADB)
                .flatMap(kind -> Arrays.stream(Samples.values())
                        .filter(sample -> sample.runsOn(kind))
                        .map(sample -> Arguments.of(sample, kind)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("targets")
    void the_generated_adapter_works_on_the_synchronized_schema(Samples sample, TestDatabase.Kind kind)
            throws Exception {
        try (TestDatabase database = TestDatabase.create(kind)) {
            DatabaseUrl url = ConnectionStrings.of(database);
            try (Connection connection = url.connect()) {
                SchemaSynchronizer.forLayout(DdlGenerator.layout(sample.schema(), database.dialect()))
                        .synchronize(connection);
            }
            try (SynchronizedAdapter running = SynchronizedAdapter.start(sample.schema(), sample.packageName, url)) {
                exercise(running.adapter(), sample.schema());
            }
        }
    }

    private static void exercise(AuthAdapter adapter, ResolvedSchema schema) {
        Set<AdapterCapability> capabilities = adapter.capabilities();
        AdapterUser ada = adapter.createUser(
                new AdapterUser(null, "Ada", "ada@example.com", VERIFIED, null, requiredTextExtras(schema, Role.USER)));
        assertThat(adapter.getUser(ada.id())).map(AdapterUser::emailVerified).contains(VERIFIED);
        assertThat(adapter.getUserByEmail("ada@example.com"))
                .map(AdapterUser::id)
                .contains(ada.id());

        if (capabilities.contains(AdapterCapability.ACCOUNTS)) {
            adapter.linkAccount(AdapterAccount.of(ada.id(), "oauth", "github", "gh-1"));
            assertThat(adapter.getUserByAccount("github", "gh-1"))
                    .map(AdapterUser::id)
                    .contains(ada.id());
        }
        if (capabilities.contains(AdapterCapability.SESSIONS)) {
            adapter.createSession(
                    new AdapterSession("token-1", ada.id(), EXPIRES, requiredTextExtras(schema, Role.SESSION)));
            assertThat(adapter.getSessionAndUser("token-1")).hasValueSatisfying(found -> {
                assertThat(found.user().id()).isEqualTo(ada.id());
                assertThat(found.session().expires()).isEqualTo(EXPIRES);
            });
        }
        if (capabilities.contains(AdapterCapability.VERIFICATION_TOKENS)) {
            adapter.createVerificationToken(new VerificationToken("ada@example.com", "hashed-token", EXPIRES));
            assertThat(adapter.useVerificationToken("ada@example.com", "hashed-token"))
                    .map(VerificationToken::expires)
                    .contains(EXPIRES);
            assertThat(adapter.useVerificationToken("ada@example.com", "hashed-token"))
                    .as("single use")
                    .isEmpty();
        }

        adapter.deleteUser(ada.id());
        assertThat(adapter.getUser(ada.id())).isEmpty();
        if (capabilities.contains(AdapterCapability.SESSIONS)) {
            assertThat(adapter.getSessionAndUser("token-1")).isEmpty();
        }
        if (capabilities.contains(AdapterCapability.ACCOUNTS)) {
            assertThat(adapter.getUserByAccount("github", "gh-1")).isEmpty();
        }
    }

    /** A value for each text extra the model requires (NOT NULL without a default), which the adapter refuses to leave out. */
    private static Map<String, Object> requiredTextExtras(ResolvedSchema schema, Role role) {
        Map<String, Object> extras = new LinkedHashMap<>();
        schema.model(role)
                .ifPresent(model -> model.extraFields().stream()
                        .filter(field -> !field.optional()
                                && !field.list()
                                && field.defaultValue() == null
                                && !field.updatedAt())
                        .filter(field -> field.scalarType() == ScalarType.STRING)
                        .forEach(field -> extras.put(field.name(), "required value")));
        return extras;
    }
}
