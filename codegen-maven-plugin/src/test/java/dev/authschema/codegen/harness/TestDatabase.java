package dev.authschema.codegen.harness;

import dev.authschema.codegen.ddl.Dialect;
import dev.authschema.contract.ddl.DdlLayout;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh, empty database for one test class: an in-memory Derby database, a PostgreSQL schema or a
 * MariaDB database of its own on the local servers, dropped again by {@link #close()}.
 */
public final class TestDatabase implements AutoCloseable {

    public enum Kind {
        DERBY,
        POSTGRESQL,
        MARIADB,
        MYSQL_DIALECT
    }

    private final Kind kind;
    private final String name;
    private final String url;
    private final String user;

    private TestDatabase(Kind kind, String name, String url, String user) {
        this.kind = kind;
        this.name = name;
        this.url = url;
        this.user = user;
    }

    public static TestDatabase create(Kind kind) {
        String name =
                "authschema_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        TestDatabase database = switch (kind) {
            case DERBY -> new TestDatabase(kind, name, "jdbc:derby:memory:" + name, "");
            case POSTGRESQL ->
                new TestDatabase(kind, name, "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + name, "postgres");
            case MARIADB, MYSQL_DIALECT ->
                new TestDatabase(kind, name, "jdbc:mariadb://127.0.0.1:3306/" + name + mariadbSession(), "root");
        };
        database.createEmpty();
        return database;
    }

    /**
     * The session options of MariaDB connections: with {@code -Dauthschema.test.mariadbSessionTimeZone=+05:30} the
     * sessions run in that zone rather than the server's, as a server in another zone would.
     */
    private static String mariadbSession() {
        String zone = System.getProperty("authschema.test.mariadbSessionTimeZone", "");
        return zone.isEmpty() ? "" : "?sessionVariables=time_zone='" + zone + "'";
    }

    public Dialect dialect() {
        return switch (kind) {
            case DERBY -> Dialect.DERBY;
            case POSTGRESQL -> Dialect.POSTGRESQL;
            case MARIADB -> Dialect.MARIADB;
            case MYSQL_DIALECT -> Dialect.MYSQL;
        };
    }

    /**
     * The script as this database runs it. The MySQL dialect runs on the local MariaDB server, which has no
     * {@code utf8mb4_0900_bin}: there it gets MariaDB's name for the same comparison (binary, NO PAD).
     */
    public String runnable(String script) {
        return kind == Kind.MYSQL_DIALECT ? script.replace(Dialect.MYSQL_COLLATION, Dialect.MARIADB_COLLATION) : script;
    }

    /** The layout as this database runs it: see {@link #runnable(String)}. */
    public DdlLayout runnable(DdlLayout layout) {
        return kind == Kind.MYSQL_DIALECT
                ? DdlLayout.read(runnable(layout.write("MySQL's layout for the local MariaDB server")))
                : layout;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    /** The EclipseLink target database for this kind: the runtime's platforms that keep timestamps in UTC. */
    public String eclipseLinkPlatform() {
        return switch (kind) {
            case DERBY -> "dev.authschema.jpa.eclipselink.UtcDerbyPlatform";
            case POSTGRESQL -> "dev.authschema.jpa.eclipselink.UtcPostgreSQLPlatform";
            case MARIADB -> "dev.authschema.jpa.eclipselink.UtcMariaDBPlatform";
            case MYSQL_DIALECT -> "dev.authschema.jpa.eclipselink.UtcMySQLPlatform";
        };
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    private void createEmpty() {
        try {
            switch (kind) {
                case DERBY -> DriverManager.getConnection(url + ";create=true").close();
                case POSTGRESQL -> admin("jdbc:postgresql://127.0.0.1:5432/test", "CREATE SCHEMA " + name);
                case MARIADB, MYSQL_DIALECT ->
                    admin(
                            "jdbc:mariadb://127.0.0.1:3306/",
                            "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot create the " + kind.name().toLowerCase(Locale.ROOT) + " test database at " + url
                            + " (is the server running?): " + e.getMessage(),
                    e);
        }
    }

    private void admin(String adminUrl, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        switch (kind) {
            case DERBY -> {
                try {
                    DriverManager.getConnection(url + ";drop=true").close();
                } catch (SQLException expected) {
                    // Derby reports a successful drop as an exception (SQLState 08006)
                }
            }
            case POSTGRESQL -> admin("jdbc:postgresql://127.0.0.1:5432/test", "DROP SCHEMA " + name + " CASCADE");
            case MARIADB, MYSQL_DIALECT -> admin("jdbc:mariadb://127.0.0.1:3306/", "DROP DATABASE " + name);
        }
    }
}
