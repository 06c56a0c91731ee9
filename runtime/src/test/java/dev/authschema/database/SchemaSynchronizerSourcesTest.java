package dev.authschema.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authschema.contract.ddl.Dialect;
import dev.authschema.database.FreshDatabase.Server;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the layout comes from, and how the synchronizer fails: on embedded Derby. */
class SchemaSynchronizerSourcesTest {

    static final String TABLE = TestLayout.of(Dialect.DERBY)
            .table("things", null, TestLayout.required("id", "INTEGER"))
            .text();

    @TempDir
    Path classes;

    @Test
    void reads_the_script_for_the_connections_database_from_the_class_path() throws Exception {
        Path ddl = Files.createDirectories(classes.resolve("META-INF/authschema/ddl"));
        Files.writeString(ddl.resolve("derby.layout"), TABLE);
        Files.writeString(ddl.resolve("postgresql.layout"), "not for Derby\n");
        try (URLClassLoader loader =
                        new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
                FreshDatabase database = FreshDatabase.create(Server.DERBY);
                Connection connection = database.connect()) {

            SynchronizationReport report =
                    SchemaSynchronizer.fromClassPath(loader).synchronize(connection);

            assertThat(report.changes()).containsExactly("Created table things");
        }
    }

    @Test
    void the_context_class_loader_is_the_default() throws Exception {
        Path ddl = Files.createDirectories(classes.resolve("META-INF/authschema/ddl"));
        Files.writeString(ddl.resolve("derby.layout"), TABLE);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader =
                        new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
                FreshDatabase database = FreshDatabase.create(Server.DERBY);
                Connection connection = database.connect()) {
            thread.setContextClassLoader(loader);

            assertThat(SchemaSynchronizer.fromClassPath()
                            .synchronize(connection)
                            .changes())
                    .containsExactly("Created table things");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void a_missing_script_says_where_it_should_be() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null);
                FreshDatabase database = FreshDatabase.create(Server.DERBY);
                Connection connection = database.connect()) {

            assertThatThrownBy(() -> SchemaSynchronizer.fromClassPath(empty).synchronize(connection))
                    .isInstanceOf(SchemaSynchronizationException.class)
                    .hasMessageContaining("No DDL layout META-INF/authschema/ddl/derby.layout on the class path")
                    .hasMessageContaining("SchemaSynchronizer.forLayout");
        }
    }

    @Test
    void a_script_for_another_database_is_refused_before_anything_runs() throws SQLException {
        try (FreshDatabase database = FreshDatabase.create(Server.DERBY);
                Connection connection = database.connect()) {
            String postgres = TABLE.replace("layout\t1\tderby", "layout\t1\tpostgresql");

            assertThatThrownBy(() -> SchemaSynchronizer.forLayout(postgres).synchronize(connection))
                    .isInstanceOf(SchemaSynchronizationException.class)
                    .hasMessageContaining("generated for postgresql but the connection is to derby")
                    .hasMessageContaining("ddl/derby.layout");
        }
    }

    @Test
    void an_unreadable_script_names_the_line() throws SQLException {
        try (FreshDatabase database = FreshDatabase.create(Server.DERBY);
                Connection connection = database.connect()) {

            assertThatThrownBy(() -> SchemaSynchronizer.forLayout(TABLE + "\ndrop\tthings\n")
                            .synchronize(connection))
                    .isInstanceOf(SchemaSynchronizationException.class)
                    .hasMessageContaining("The derby DDL layout from the given layout cannot be applied")
                    .hasMessageContaining("line 6: unknown element 'drop'");
        }
    }

    @Test
    void a_statement_the_database_refuses_is_named_with_the_databases_reason() throws SQLException {
        try (FreshDatabase database = FreshDatabase.create(Server.DERBY);
                Connection connection = database.connect()) {
            String broken = TestLayout.of(Dialect.DERBY)
                    .table("things", null, TestLayout.required("id", "NO_SUCH_TYPE"))
                    .text();

            assertThatThrownBy(() -> SchemaSynchronizer.forLayout(broken).synchronize(connection))
                    .isInstanceOf(SchemaSynchronizationException.class)
                    .hasMessageContaining("Cannot create table things")
                    .hasMessageContaining("SQLState 42X94")
                    .hasMessageContaining("Statement: CREATE TABLE things (");
        }
    }

    @Test
    void an_index_on_a_table_nobody_creates_is_an_error() throws SQLException {
        try (FreshDatabase database = FreshDatabase.create(Server.DERBY);
                Connection connection = database.connect()) {

            assertThatThrownBy(() -> SchemaSynchronizer.forLayout(TestLayout.of(Dialect.DERBY)
                                    .index("i", "nowhere", "a")
                                    .text())
                            .synchronize(connection))
                    .isInstanceOf(SchemaSynchronizationException.class)
                    .hasMessageContaining("index i on nowhere")
                    .hasMessageContaining("table nowhere does not exist in schema APP");
        }
    }

    @Test
    void takes_a_data_source() throws SQLException {
        try (FreshDatabase database = FreshDatabase.create(Server.DERBY)) {
            EmbeddedDataSource dataSource = new EmbeddedDataSource();
            dataSource.setDatabaseName(
                    database.url().jdbcUrl().replace("jdbc:derby:", "").replace(";create=true", ""));
            dataSource.setCreateDatabase("create");

            assertThat(SchemaSynchronizer.forLayout(TABLE)
                            .synchronize(dataSource)
                            .changes())
                    .containsExactly("Created table things");
        }
    }

    @Test
    void another_database_product_is_named() {
        assertThatThrownBy(() -> DatabaseDialect.ofProductName("Oracle"))
                .hasMessageContaining("Unsupported database 'Oracle'");
        assertThat(DatabaseDialect.ofProductName("Apache Derby")).isEqualTo(DatabaseDialect.DERBY);
        assertThat(DatabaseDialect.ofProductName("PostgreSQL")).isEqualTo(DatabaseDialect.POSTGRESQL);
        assertThat(DatabaseDialect.ofProductName("MySQL", "8.0.36")).isEqualTo(DatabaseDialect.MYSQL);
        assertThat(DatabaseDialect.ofProductName("MySQL", "10.11.19-MariaDB-0+deb12u1"))
                .as("MariaDB through MySQL's driver")
                .isEqualTo(DatabaseDialect.MARIADB);
        assertThat(DatabaseDialect.ofProductName("MariaDB", "10.11.19-MariaDB")).isEqualTo(DatabaseDialect.MARIADB);
        assertThat(DatabaseDialect.ofProductName("MariaDB")).isEqualTo(DatabaseDialect.MARIADB);
        assertThat(DatabaseDialect.ofProductName("MySQL")).isEqualTo(DatabaseDialect.MYSQL);
        assertThat(DatabaseDialect.MARIADB.ddlResource()).isEqualTo("META-INF/authschema/ddl/mariadb.sql");
        assertThat(DatabaseDialect.MARIADB.layoutResource()).isEqualTo("META-INF/authschema/ddl/mariadb.layout");
        assertThat(DatabaseDialect.MYSQL.dialect()).isEqualTo(Dialect.MYSQL);
    }
}
