package dev.authschema.codegen.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.codegen.Samples;
import dev.authschema.codegen.ddl.DdlGenerator;
import dev.authschema.codegen.harness.TestDatabase;
import dev.authschema.database.SchemaSynchronizer;
import dev.authschema.database.SynchronizationReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The synchronizer builds each sample's full schema from the generated DDL on an empty Derby,
 * PostgreSQL and MariaDB database (and MariaDB with the MySQL script): the same tables, columns,
 * indexes and keys from the script's layout as from running the script, and a second run changes nothing.
 */
class SampleSchemaSynchronizationTest {

    static Stream<Arguments> targets() {
        return Arrays.stream(TestDatabase.Kind.values())
                .flatMap(kind -> Arrays.stream(Samples.values())
                        .filter(sample -> sample.runsOn(kind))
                        .map(sample -> Arguments.of(sample, kind)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("targets")
    void builds_what_the_script_builds_and_a_second_run_changes_nothing(Samples sample, TestDatabase.Kind kind)
            throws SQLException {
        try (TestDatabase synchronizedDatabase = TestDatabase.create(kind);
                TestDatabase scriptedDatabase = TestDatabase.create(kind)) {
            String script = synchronizedDatabase.runnable(
                    DdlGenerator.generate(sample.schema(), synchronizedDatabase.dialect()));
            SchemaSynchronizer synchronizer = SchemaSynchronizer.forLayout(synchronizedDatabase.runnable(
                    DdlGenerator.layout(sample.schema(), synchronizedDatabase.dialect())));

            SynchronizationReport first;
            SchemaSnapshot synchronizedShape;
            try (Connection connection =
                    ConnectionStrings.of(synchronizedDatabase).connect()) {
                first = synchronizer.synchronize(connection);
                synchronizedShape = SchemaSnapshot.of(connection);
            }
            runScript(scriptedDatabase, script);
            SchemaSnapshot scriptedShape;
            try (Connection connection = scriptedDatabase.connect()) {
                scriptedShape = SchemaSnapshot.of(connection);
            }

            assertThat(first.changes()).hasSize(statementCount(script));
            assertThat(first.warnings()).isEmpty();
            assertThat(synchronizedShape.tables()).isNotEmpty();
            assertThat(synchronizedShape).isEqualTo(scriptedShape);

            try (Connection connection =
                    ConnectionStrings.of(synchronizedDatabase).connect()) {
                SynchronizationReport second = synchronizer.synchronize(connection);
                assertThat(second.upToDate()).as(second.changes().toString()).isTrue();
                assertThat(second.warnings()).isEmpty();
                assertThat(SchemaSnapshot.of(connection)).isEqualTo(synchronizedShape);
            }
            // A script-built database is up to date too: the synchronizer sees the generator's own names.
            try (Connection connection = scriptedDatabase.connect()) {
                assertThat(synchronizer.synchronize(connection).upToDate()).isTrue();
            }
        }
    }

    /** The script's statements but {@code CREATE EXTENSION} (PostgreSQL), which the synchronizer leaves to it. */
    private static int statementCount(String script) {
        return (int) Arrays.stream(script.split(";\n"))
                .filter(s -> s.lines().anyMatch(l -> !l.isBlank() && !l.startsWith("--")))
                .filter(s -> s.lines().noneMatch(l -> l.startsWith("CREATE EXTENSION")))
                .count();
    }

    /** The script as the shared harness applies it: statement by statement. */
    private static void runScript(TestDatabase database, String script) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            for (String sql : script.split(";\n")) {
                String body = sql.lines()
                        .filter(l -> !l.startsWith("--"))
                        .reduce("", (a, b) -> a + b + "\n")
                        .trim();
                if (!body.isEmpty()) {
                    statement.execute(body);
                }
            }
        }
    }
}
