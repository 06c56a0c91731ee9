package dev.authschema.demo.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.database.SchemaSynchronizer;
import dev.authschema.database.SynchronizationReport;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's upgrade to the schema with passkeys, on the local PostgreSQL: a database as the release before left it
 * (every table but {@code demo_passkeys}), with members, accounts and sessions in it, is brought up to date by the
 * synchroniser the demo runs at start-up ({@link SchemaInstaller}); the passkeys table appears and every row stays.
 * Likewise the later upgrade to passwords: the nullable {@code password_hash} column is added to a members table that
 * holds rows.
 */
class PasskeySchemaUpgradeTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private final String database =
            "demo_passkey_upgrade_" + UUID.randomUUID().toString().replace("-", "");

    @BeforeEach
    void createDatabase() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void the_synchroniser_adds_the_passkeys_table_and_keeps_every_existing_row() throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + database, "postgres", "")) {
            SchemaSynchronizer.fromClassPath().synchronize(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE demo_passkeys"); // the schema of the release before passkeys
                statement.execute(
                        "INSERT INTO demo_members (id, email, display_name) VALUES ('m1', 'a@demo.test'," + " 'Ada')");
                statement.execute("INSERT INTO demo_linked_accounts (id, user_id, type, provider,"
                        + " provider_account_id) VALUES ('a1', 'm1', 'oidc', 'demo', 'sub-1')");
                statement.execute("INSERT INTO demo_login_sessions (id, session_token, user_id, expires) VALUES"
                        + " ('s1', 'token-1', 'm1', TIMESTAMP '2099-01-01 00:00:00')");
            }

            SynchronizationReport report = SchemaSynchronizer.fromClassPath().synchronize(connection);

            assertThat(report.upToDate()).isFalse();
            assertThat(report.changes().toString()).contains("demo_passkeys");
            assertThat(count(connection, "demo_members WHERE id = 'm1' AND display_name = 'Ada'"))
                    .isEqualTo(1);
            assertThat(count(connection, "demo_linked_accounts WHERE user_id = 'm1'"))
                    .isEqualTo(1);
            assertThat(count(connection, "demo_login_sessions WHERE session_token = 'token-1'"))
                    .isEqualTo(1);
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO demo_passkeys (credential_id, user_id, provider_account_id,"
                        + " credential_public_key, counter, credential_device_type, credential_backed_up) VALUES"
                        + " ('c1', 'm1', 'h1', 'k1', 0, 'multiDevice', true)");
                statement.execute("DELETE FROM demo_members WHERE id = 'm1'");
            }
            assertThat(count(connection, "demo_passkeys"))
                    .as("deleted with its member")
                    .isZero();
            assertThat(SchemaSynchronizer.fromClassPath()
                            .synchronize(connection)
                            .upToDate())
                    .isTrue();
        }
    }

    @Test
    void the_synchroniser_adds_the_password_hash_column_and_keeps_every_member() throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + database, "postgres", "")) {
            SchemaSynchronizer.fromClassPath().synchronize(connection);
            try (Statement statement = connection.createStatement()) {
                // the schema of the release before passwords, with members and their sessions in it
                statement.execute("ALTER TABLE demo_members DROP COLUMN password_hash");
                statement.execute(
                        "INSERT INTO demo_members (id, email, display_name) VALUES ('m1', 'a@demo.test'," + " 'Ada')");
                statement.execute(
                        "INSERT INTO demo_members (id, email, display_name) VALUES ('m2', 'b@demo.test'," + " 'Bo')");
                statement.execute("INSERT INTO demo_login_sessions (id, session_token, user_id, expires) VALUES"
                        + " ('s1', 'token-1', 'm1', TIMESTAMP '2099-01-01 00:00:00')");
            }

            SynchronizationReport report = SchemaSynchronizer.fromClassPath().synchronize(connection);

            assertThat(report.upToDate()).isFalse();
            assertThat(report.changes().toString()).contains("password_hash");
            assertThat(count(connection, "demo_members WHERE password_hash IS NULL"))
                    .as("both members kept, without a password")
                    .isEqualTo(2);
            assertThat(count(connection, "demo_members WHERE id = 'm1' AND display_name = 'Ada'"))
                    .isEqualTo(1);
            assertThat(count(connection, "demo_login_sessions WHERE session_token = 'token-1'"))
                    .isEqualTo(1);
            try (Statement statement = connection.createStatement()) {
                statement.execute("UPDATE demo_members SET password_hash = '$argon2id$v=19$x' WHERE id = 'm2'");
            }
            assertThat(count(connection, "demo_members WHERE password_hash LIKE '$argon2id$%'"))
                    .isEqualTo(1);
            assertThat(SchemaSynchronizer.fromClassPath()
                            .synchronize(connection)
                            .upToDate())
                    .isTrue();
        }
    }

    private static int count(Connection connection, String tableAndCondition) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + tableAndCondition)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
