package dev.authschema.codegen.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AdapterUser;
import dev.authschema.codegen.Samples;
import dev.authschema.codegen.ddl.DdlGenerator;
import dev.authschema.codegen.harness.GeneratedAdapterHarness;
import dev.authschema.codegen.harness.TestDatabase;
import dev.authschema.contract.ddl.DdlLayout;
import dev.authschema.database.SchemaSynchronizer;
import dev.authschema.database.SynchronizationReport;
import dev.authschema.dsl.CompileResult;
import dev.authschema.dsl.SchemaCompiler;
import dev.authschema.dsl.resolve.ResolvedSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code @@index} with a sort order, a prefix length (MySQL's {@code length:}) and an access method (PostgreSQL's
 * {@code type:}): the synchronizer creates them on each real database as the dialect can have them, the database
 * reports them so, and a second run finds nothing to do.
 */
class IndexOptionsTest {

    private static final String EVENT = """

            model Event {
              id        Int      @id @default(autoincrement())
              code      String
              title     String
              createdAt DateTime @default(now())

              @@index([code(sort: Desc), title])
              @@index([title]%s)
              @@index([createdAt]%s)
              @@index([createdAt(sort: Desc), code])
              @@map("events_with_indexes")
            }
            """;

    /** The Auth.js schema with an extra model; {@code provider} decides which options the schema may use. */
    private static ResolvedSchema schema(TestDatabase.Kind kind) {
        boolean mysql = kind == TestDatabase.Kind.MARIADB || kind == TestDatabase.Kind.MYSQL_DIALECT;
        String text = Samples.CURRENT
                        .text()
                        .replace("provider = \"postgresql\"", "provider = \"" + (mysql ? "mysql" : "postgresql") + "\"")
                + EVENT.formatted(mysql ? "" : ", type: Hash", mysql ? "" : ", type: Brin")
                        .replace(
                                "@@index([code(sort: Desc), title])",
                                mysql
                                        ? "@@index([code(sort: Desc, length: 12), title(length: 5)])"
                                        : "@@index([code(sort: Desc), title])")
                        .replace(
                                "  code      String\n",
                                mysql ? "  code      String   @db.VarChar(200)\n" : "  code      String\n")
                        .replace(
                                "  title     String\n",
                                mysql ? "  title     String   @db.VarChar(200)\n" : "  title     String\n");
        CompileResult result = SchemaCompiler.compile("indexes.prisma", text);
        return result.schema().orElseThrow(() -> new AssertionError(result.render()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void sort_length_and_type_reach_the_database(TestDatabase.Kind kind) throws Exception {
        ResolvedSchema schema = schema(kind);
        try (TestDatabase database = TestDatabase.create(kind)) {
            DdlLayout layout = database.runnable(DdlGenerator.layout(schema, database.dialect()));
            assertThat(DdlLayout.read(layout.write("round trip")))
                    .as("the layout file reads back")
                    .isEqualTo(layout);
            try (Connection connection = database.connect()) {
                SchemaSynchronizer synchronizer = SchemaSynchronizer.forLayout(layout);
                synchronizer.synchronize(connection);
                SynchronizationReport second = synchronizer.synchronize(connection);
                assertThat(second.upToDate()).as("second run: %s", second).isTrue();

                assertThat(directions(connection, "events_with_indexes_code_title_idx"))
                        .containsExactly("D", "A");
                assertThat(directions(connection, "events_with_indexes_createdAt_code_idx"))
                        .containsExactly("D", "A");
                switch (kind) {
                    case POSTGRESQL -> {
                        assertThat(postgresqlDefinition(connection, "events_with_indexes_title_idx"))
                                .contains("USING hash");
                        assertThat(postgresqlDefinition(connection, "events_with_indexes_createdAt_idx"))
                                .contains("USING brin");
                    }
                    case MARIADB, MYSQL_DIALECT ->
                        assertThat(prefixLengths(connection, "events_with_indexes_code_title_idx"))
                                .containsExactly(12, 5);
                    default -> {}
                }
            }
        }
    }

    /** The entity's {@code @Index(columnList = "code DESC, title")} compiles and deploys. */
    @ParameterizedTest
    @EnumSource(
            value = TestDatabase.Kind.class,
            names = {"DERBY", "MARIADB"})
    void the_entities_with_sorted_indexes_deploy(TestDatabase.Kind kind) {
        try (GeneratedAdapterHarness harness =
                GeneratedAdapterHarness.start(schema(kind), Samples.CURRENT.packageName, kind)) {
            assertThat(harness.adapter()
                            .createUser(new AdapterUser(null, "Ix", "ix@example.com", null, null, Map.of()))
                            .id())
                    .isNotNull();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** "A" or "D" per column, as JDBC's index metadata reports them. */
    private static List<String> directions(Connection connection, String index) throws Exception {
        List<String> directions = new ArrayList<>();
        String table =
                connection.getMetaData().storesUpperCaseIdentifiers() ? "EVENTS_WITH_INDEXES" : "events_with_indexes";
        try (ResultSet rows =
                connection.getMetaData().getIndexInfo(connection.getCatalog(), null, table, false, false)) {
            while (rows.next()) {
                if (index.equalsIgnoreCase(rows.getString("INDEX_NAME"))) {
                    directions.add(rows.getString("ASC_OR_DESC"));
                }
            }
        }
        return directions;
    }

    private static String postgresqlDefinition(Connection connection, String index) throws Exception {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT indexdef FROM pg_indexes WHERE lower(indexname) = ?")) {
            select.setString(1, index.toLowerCase(Locale.ROOT));
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("index %s exists", index).isTrue();
                return row.getString(1);
            }
        }
    }

    private static List<Integer> prefixLengths(Connection connection, String index) throws Exception {
        List<Integer> lengths = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT SUB_PART FROM information_schema.STATISTICS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME = ? ORDER BY SEQ_IN_INDEX")) {
            select.setString(1, index);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    lengths.add(rows.getInt(1));
                }
            }
        }
        return lengths;
    }
}
