package dev.authschema.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The JDBC settings reach the real databases: embedded Derby and the local PostgreSQL and MariaDB servers. */
class DatabaseUrlConnectTest {

    @Test
    void derby_in_memory() throws SQLException {
        DatabaseUrl url = DatabaseUrl.parse("derby:memory:connect_test");
        try (Connection connection = url.connect()) {
            assertThat(DatabaseDialect.of(connection)).isEqualTo(url.dialect());
            assertThat(selectOne(connection)).isEqualTo(1);
        }
    }

    @Test
    void sqlite_in_memory_is_derby() throws SQLException {
        try (Connection connection = DatabaseUrl.parse("sqlite://localhost/:memory:?synchronize=true")
                .connect()) {
            assertThat(DatabaseDialect.of(connection)).isEqualTo(DatabaseDialect.DERBY);
        }
    }

    @Test
    void postgres_with_schema_and_ssl_disabled() throws SQLException {
        DatabaseUrl url = DatabaseUrl.parse(
                "postgres://postgres@127.0.0.1:5432/test?ssl=false&schema=public&application_name=authschema-test");
        try (Connection connection = url.connect()) {
            assertThat(DatabaseDialect.of(connection)).isEqualTo(DatabaseDialect.POSTGRESQL);
            assertThat(connection.getSchema()).isEqualTo("public");
            assertThat(selectOne(connection)).isEqualTo(1);
        }
    }

    @Test
    void mariadb_with_an_empty_password() throws SQLException {
        DatabaseUrl url = DatabaseUrl.parse("mariadb://root:@127.0.0.1:3306/test?connectTimeout=5000");
        try (Connection connection = url.connect()) {
            assertThat(DatabaseDialect.of(connection)).isEqualTo(DatabaseDialect.MARIADB);
            assertThat(connection.getCatalog()).isEqualTo("test");
            assertThat(selectOne(connection)).isEqualTo(1);
        }
    }

    private static int selectOne(Connection connection) throws SQLException {
        String sql = DatabaseDialect.of(connection) == DatabaseDialect.DERBY ? "VALUES 1" : "SELECT 1";
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }
}
