package dev.authschema.codegen.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.DuplicateEmailException;
import dev.authschema.codegen.Samples;
import dev.authschema.codegen.harness.GeneratedAdapterHarness;
import dev.authschema.codegen.harness.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keys differing only by trailing spaces are different keys in the generated DDL's unique constraints: PostgreSQL
 * compares exactly, and the MySQL and MariaDB tables use a binary NO PAD collation. Derby compares with PAD SPACE
 * (a documented limit): its unique constraint refuses the second key, and only the adapter's lookups are exact.
 * The kit's trailing-space cases show the lookups on every database.
 */
class ExactKeysTest {

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = "DERBY", mode = EnumSource.Mode.EXCLUDE)
    void a_key_with_a_trailing_space_is_another_key(TestDatabase.Kind kind) throws Exception {
        try (GeneratedAdapterHarness harness =
                GeneratedAdapterHarness.start(Samples.CURRENT.schema(), Samples.CURRENT.packageName, kind)) {
            AuthAdapter adapter = harness.adapter();
            String email = "exact-" + UUID.randomUUID() + "@example.com";

            AdapterUser plain = adapter.createUser(user(email));
            AdapterUser padded = adapter.createUser(user(email + " "));

            assertThat(padded.id()).isNotEqualTo(plain.id());
            assertThat(adapter.getUserByEmail(email)).map(AdapterUser::id).contains(plain.id());
            assertThat(adapter.getUserByEmail(email + " ")).map(AdapterUser::id).contains(padded.id());
            assertThat(rowsWithEmail(harness, email))
                    .as("rows the database itself finds for the plain address")
                    .isEqualTo(1);
        }
    }

    @Test
    void derbys_unique_constraint_takes_a_key_with_a_trailing_space_for_the_same() throws Exception {
        try (GeneratedAdapterHarness harness = GeneratedAdapterHarness.start(
                Samples.CURRENT.schema(), Samples.CURRENT.packageName, TestDatabase.Kind.DERBY)) {
            AuthAdapter adapter = harness.adapter();
            String email = "exact-" + UUID.randomUUID() + "@example.com";
            adapter.createUser(user(email));

            assertThatThrownBy(() -> adapter.createUser(user(email + " "))).isInstanceOf(DuplicateEmailException.class);
            assertThat(adapter.getUserByEmail(email + " "))
                    .as("the lookup is exact all the same")
                    .isEmpty();
            assertThat(rowsWithEmail(harness, email + " "))
                    .as("what Derby itself finds")
                    .isEqualTo(1);
        }
    }

    private static AdapterUser user(String email) {
        return new AdapterUser(UUID.randomUUID().toString(), "Exact", email, null, null, Map.of());
    }

    private static int rowsWithEmail(GeneratedAdapterHarness harness, String email) throws Exception {
        String table = harness.database().dialect().identifier("User");
        try (Connection connection = harness.database().connect();
                PreparedStatement select =
                        connection.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE email = ?")) {
            select.setString(1, email);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
