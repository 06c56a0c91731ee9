package dev.authschema.codegen.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AdapterUser;
import dev.authschema.codegen.Samples;
import dev.authschema.codegen.ddl.DdlGenerator;
import dev.authschema.codegen.ddl.Dialect;
import dev.authschema.codegen.harness.GeneratedAdapterHarness;
import dev.authschema.codegen.harness.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code Unsupported("...")} columns on a real PostgreSQL: the script creates each with exactly its type (an index and
 * a unique key over them included), the entities without a property for them deploy, and the adapter creates users
 * with the optional {@code location} left null, as Prisma's client would.
 */
class UnsupportedTypesTest {

    @Test
    void the_columns_have_their_exact_types_and_the_adapter_writes_around_them() throws Exception {
        Samples sample = Samples.UNSUPPORTED_TYPES;
        try (GeneratedAdapterHarness harness =
                GeneratedAdapterHarness.start(sample.schema(), sample.packageName, TestDatabase.Kind.POSTGRESQL)) {
            AdapterUser user =
                    harness.adapter().createUser(new AdapterUser(null, "Ada", "ada@example.com", null, null, Map.of()));

            try (Connection connection = harness.database().connect()) {
                assertThat(columnTypes(connection, "places"))
                        .containsEntry("area", "circle")
                        .containsEntry("centre", "point")
                        .containsEntry("network", "inet")
                        .containsEntry("range", "cidr");
                assertThat(columnTypes(connection, "User")).containsEntry("location", "point");
                try (PreparedStatement select =
                        connection.prepareStatement("SELECT location IS NULL FROM \"User\" WHERE id = ?")) {
                    select.setString(1, user.id());
                    try (ResultSet row = select.executeQuery()) {
                        assertThat(row.next()).isTrue();
                        assertThat(row.getBoolean(1)).isTrue();
                    }
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("INSERT INTO places (name, area, network) VALUES"
                            + " ('Hub', circle '((1,2),3)', inet '10.0.0.1')");
                    try (ResultSet row =
                            statement.executeQuery("SELECT area::text, centre::text FROM places WHERE name = 'Hub'")) {
                        assertThat(row.next()).isTrue();
                        assertThat(row.getString(1)).isEqualTo("<(1,2),3>");
                        assertThat(row.getString(2)).as("dbgenerated default").isEqualTo("(0,0)");
                    }
                }
            }
        }
    }

    /** Other databases get the type as written: the schema's provider decides which database it is for. */
    @Test
    void every_script_writes_the_type_as_written() {
        for (Dialect dialect : Dialect.values()) {
            assertThat(DdlGenerator.generate(Samples.UNSUPPORTED_TYPES.schema(), dialect))
                    .as("%s", dialect)
                    .contains("area circle NOT NULL", "location point,");
        }
    }

    private static Map<String, String> columnTypes(Connection connection, String table) throws Exception {
        Map<String, String> types = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT column_name, udt_name FROM"
                + " information_schema.columns WHERE table_schema = current_schema() AND table_name = ?")) {
            select.setString(1, table);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    types.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return types;
    }
}
