package dev.authschema.database;

import static dev.authschema.database.TestLayout.defaulted;
import static dev.authschema.database.TestLayout.nullable;
import static dev.authschema.database.TestLayout.required;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authschema.database.FreshDatabase.Server;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The synchronizer on hand-made layouts in each database: creates, extends, never drops, twice is once. */
class SchemaSynchronizerTest {

    /** Version 1: a table with a reserved name ("user", "order"), a unique constraint, an index and a foreign key. */
    static String v1(FreshDatabase database) {
        String user = database.quote("user");
        return TestLayout.of(database.dialect())
                .table(
                        user,
                        "id",
                        required("id", "VARCHAR(100)"),
                        nullable("email", "VARCHAR(100)"),
                        defaulted(database.quote("order"), "INTEGER", "0"))
                .unique(user, "user_email_key", "email")
                .table(
                        "sessions",
                        "token",
                        required("token", "VARCHAR(100)"),
                        required("user_id", "VARCHAR(100)"),
                        required("expires", "BIGINT"))
                .index("sessions_user_id_idx", "sessions", "user_id")
                .foreignKey("sessions_user_id_fkey", "sessions", "user_id", user, "id")
                .text();
    }

    /** Version 2: new nullable, defaulted and required columns, a new unique constraint, index, table and foreign key; "email" is gone. */
    static String v2(FreshDatabase database) {
        String user = database.quote("user");
        String order = database.quote("order");
        return TestLayout.of(database.dialect())
                .table(
                        user,
                        "id",
                        required("id", "VARCHAR(100)"),
                        defaulted(order, "INTEGER", "0"),
                        nullable("nickname", "VARCHAR(100)"),
                        defaulted("plan", "VARCHAR(20)", "'free'"))
                .unique(user, "user_nickname_key", "nickname")
                .table(
                        "sessions",
                        "token",
                        required("token", "VARCHAR(100)"),
                        required("user_id", "VARCHAR(100)"),
                        required("expires", "BIGINT"),
                        required("created", "BIGINT"))
                .table("audit", "id", required("id", "VARCHAR(100)"), required("user_id", "VARCHAR(100)"))
                .index("sessions_user_id_idx", "sessions", "user_id")
                .index("user_order_idx", user, order)
                .foreignKey("sessions_user_id_fkey", "sessions", "user_id", user, "id")
                .foreignKey("audit_user_id_fkey", "audit", "user_id", user, "id")
                .text();
    }

    @ParameterizedTest
    @EnumSource(Server.class)
    void creates_everything_in_an_empty_database_and_a_second_run_changes_nothing(Server server) throws SQLException {
        try (FreshDatabase database = FreshDatabase.create(server);
                Connection connection = database.connect()) {
            SchemaSynchronizer synchronizer = SchemaSynchronizer.forLayout(v1(database));
            String user = database.quote("user");

            SynchronizationReport first = synchronizer.synchronize(connection);

            assertThat(first.changes())
                    .containsExactly(
                            "Created table " + user,
                            "Created table sessions",
                            "Created index sessions_user_id_idx on sessions",
                            "Added foreign key sessions_user_id_fkey on sessions");
            assertThat(first.warnings()).isEmpty();
            assertThat(first.upToDate()).isFalse();
            assertThat(indexNames(connection, "sessions")).contains("sessions_user_id_idx");
            database.execute(
                    "INSERT INTO " + user + " (id, email) VALUES ('u1', 'a@example.com')",
                    "INSERT INTO sessions (token, user_id, expires) VALUES ('t1', 'u1', 1)");
            assertThatThrownBy(() ->
                            database.execute("INSERT INTO " + user + " (id, email) VALUES ('u2', 'a@example.com')"))
                    .as("unique e-mail")
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> database.execute(
                            "INSERT INTO sessions (token, user_id, expires) VALUES ('t2', 'nobody', 1)"))
                    .as("foreign key")
                    .isInstanceOf(SQLException.class);

            SynchronizationReport second = synchronizer.synchronize(connection);

            assertThat(second.upToDate()).isTrue();
            assertThat(second.changes()).isEmpty();
            assertThat(second.warnings()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Server.class)
    void extends_existing_tables_keeps_every_row_and_drops_nothing(Server server) throws SQLException {
        try (FreshDatabase database = FreshDatabase.create(server);
                Connection connection = database.connect()) {
            String user = database.quote("user");
            String order = database.quote("order");
            SchemaSynchronizer.forLayout(v1(database)).synchronize(connection);
            database.execute(
                    "INSERT INTO " + user + " (id, email, " + order + ") VALUES ('u1', 'a@example.com', 7)",
                    "INSERT INTO " + user + " (id, email) VALUES ('u2', NULL)",
                    "INSERT INTO sessions (token, user_id, expires) VALUES ('t1', 'u1', 1000)");

            SynchronizationReport report =
                    SchemaSynchronizer.forLayout(v2(database)).synchronize(connection);

            assertThat(report.changes())
                    .containsExactly(
                            "Added column nickname in table " + user,
                            "Added column plan in table " + user,
                            "Added unique constraint user_nickname_key on " + user,
                            "Added column created in table sessions",
                            "Created table audit",
                            "Created index user_order_idx on " + user,
                            "Added foreign key audit_user_id_fkey on audit");
            assertThat(report.warnings())
                    .singleElement()
                    .asString()
                    .contains("Added column created in table sessions as nullable")
                    .contains("the table has rows");
            assertThat(rows(
                            connection,
                            "SELECT id, email, " + order + ", nickname, plan FROM " + user + " ORDER BY id"))
                    .containsExactly("u1|a@example.com|7|null|free", "u2|null|0|null|free");
            assertThat(rows(connection, "SELECT token, user_id, expires, created FROM sessions"))
                    .containsExactly("t1|u1|1000|null");
            assertThat(indexNames(connection, "user")).contains("user_order_idx");
            // "email" is no longer in the script but keeps its unique constraint and values.
            assertThatThrownBy(() ->
                            database.execute("INSERT INTO " + user + " (id, email) VALUES ('u3', 'a@example.com')"))
                    .isInstanceOf(SQLException.class);
            database.execute("UPDATE " + user + " SET nickname = 'n' WHERE id = 'u1'");
            assertThatThrownBy(() -> database.execute("UPDATE " + user + " SET nickname = 'n' WHERE id = 'u2'"))
                    .as("the new unique constraint")
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> database.execute("INSERT INTO audit (id, user_id) VALUES ('a1', 'nobody')"))
                    .as("the new foreign key")
                    .isInstanceOf(SQLException.class);

            assertThat(SchemaSynchronizer.forLayout(v2(database))
                            .synchronize(connection)
                            .upToDate())
                    .isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Server.class)
    void a_required_column_without_default_is_required_when_the_table_is_empty(Server server) throws SQLException {
        try (FreshDatabase database = FreshDatabase.create(server);
                Connection connection = database.connect()) {
            SchemaSynchronizer.forLayout(v1(database)).synchronize(connection);
            database.execute("INSERT INTO " + database.quote("user") + " (id) VALUES ('u1')");

            SynchronizationReport report =
                    SchemaSynchronizer.forLayout(v2(database)).synchronize(connection);

            assertThat(report.changes()).contains("Added column created in table sessions");
            assertThat(report.warnings()).isEmpty();
            assertThatThrownBy(() ->
                            database.execute("INSERT INTO sessions (token, user_id, expires) VALUES ('t1', 'u1', 1)"))
                    .as("created is NOT NULL")
                    .isInstanceOf(SQLException.class);
            database.execute("INSERT INTO sessions (token, user_id, expires, created) VALUES ('t1', 'u1', 1, 2)");
        }
    }

    /** Servers share PostgreSQL or MariaDB; an embedded Derby database belongs to one JVM (Derby locks its directory). */
    @ParameterizedTest
    @EnumSource(
            value = Server.class,
            names = {"POSTGRESQL", "MARIADB"})
    void servers_starting_together_all_succeed_and_build_the_schema_once(Server server) throws Exception {
        try (FreshDatabase database = FreshDatabase.create(server)) {
            SchemaSynchronizer synchronizer = SchemaSynchronizer.forLayout(v2(database));
            int servers = 4;
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(servers);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(servers);
            List<java.util.concurrent.Future<SynchronizationReport>> runs = new ArrayList<>();
            try {
                for (int i = 0; i < servers; i++) {
                    runs.add(pool.submit(() -> {
                        try (Connection connection = database.connect()) {
                            start.await();
                            return synchronizer.synchronize(connection);
                        }
                    }));
                }
                List<String> changes = new ArrayList<>();
                for (var run : runs) {
                    changes.addAll(
                            run.get(2, java.util.concurrent.TimeUnit.MINUTES).changes());
                }
                assertThat(changes)
                        .as("each object created by exactly one server")
                        .containsExactlyInAnyOrder(
                                "Created table " + database.quote("user"),
                                "Created table sessions",
                                "Created table audit",
                                "Created index sessions_user_id_idx on sessions",
                                "Created index user_order_idx on " + database.quote("user"),
                                "Added foreign key sessions_user_id_fkey on sessions",
                                "Added foreign key audit_user_id_fkey on audit");
            } finally {
                pool.shutdownNow();
            }
            try (Connection connection = database.connect()) {
                assertThat(synchronizer.synchronize(connection).upToDate()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Server.class)
    void restores_the_connections_auto_commit_mode(Server server) throws SQLException {
        try (FreshDatabase database = FreshDatabase.create(server);
                Connection connection = database.connect()) {
            connection.setAutoCommit(false);

            SchemaSynchronizer.forLayout(v1(database)).synchronize(connection);

            assertThat(connection.getAutoCommit()).isFalse();
        }
    }

    /** Each row as its values joined with '|'. */
    static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(result.getObject(i)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    /** Index names of a table, lower-cased, found whatever case the database stores the table name in. */
    static List<String> indexNames(Connection connection, String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        List<String> names = new ArrayList<>();
        for (String stored : List.of(table, table.toUpperCase(Locale.ROOT))) {
            String schema = metaData.getDatabaseProductName().contains("MariaDB") ? null : connection.getSchema();
            try (ResultSet rows = metaData.getIndexInfo(connection.getCatalog(), schema, stored, false, false)) {
                while (rows.next()) {
                    if (rows.getString("INDEX_NAME") != null) {
                        names.add(rows.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return names;
    }
}
