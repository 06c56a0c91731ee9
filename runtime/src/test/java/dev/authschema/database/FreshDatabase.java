package dev.authschema.database;

import dev.authschema.contract.ddl.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * An empty database of its own for one test, reached through a connection string: an in-memory Derby
 * database, a schema in the local PostgreSQL or a database in the local MariaDB, dropped on close.
 */
final class FreshDatabase implements AutoCloseable {

    enum Server {
        DERBY,
        POSTGRESQL,
        MARIADB
    }

    private static final String POSTGRES_ADMIN = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String MARIADB_ADMIN = "jdbc:mariadb://127.0.0.1:3306/";

    private final Server server;
    private final String name;
    private final DatabaseUrl url;

    private FreshDatabase(Server server, String name, DatabaseUrl url) {
        this.server = server;
        this.name = name;
        this.url = url;
    }

    static FreshDatabase create(Server server) throws SQLException {
        String name = "sync_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        switch (server) {
            case DERBY -> {
                return new FreshDatabase(server, name, DatabaseUrl.parse("derby:memory:" + name));
            }
            case POSTGRESQL -> {
                admin(POSTGRES_ADMIN, "postgres", "CREATE SCHEMA " + name);
                return new FreshDatabase(
                        server, name, DatabaseUrl.parse("postgres://postgres@127.0.0.1:5432/test?schema=" + name));
            }
            default -> {
                admin(MARIADB_ADMIN, "root", "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                return new FreshDatabase(server, name, DatabaseUrl.parse("mariadb://root:@127.0.0.1:3306/" + name));
            }
        }
    }

    DatabaseUrl url() {
        return url;
    }

    Connection connect() throws SQLException {
        return url.connect();
    }

    /** The dialect the generated DDL and its layout are for. */
    Dialect dialect() {
        return url.dialect().dialect();
    }

    /** Quotes a name the way this database's generated DDL does. */
    String quote(String identifier) {
        return server == Server.MARIADB ? "`" + identifier + "`" : "\"" + identifier + "\"";
    }

    /** Runs statements on a connection of its own. */
    void execute(String... statements) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static void admin(String url, String user, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        switch (server) {
            case DERBY -> {
                try {
                    DriverManager.getConnection("jdbc:derby:memory:" + name + ";drop=true")
                            .close();
                } catch (SQLException dropped) {
                    // Derby reports a successful drop as SQLState 08006
                }
            }
            case POSTGRESQL -> admin(POSTGRES_ADMIN, "postgres", "DROP SCHEMA " + name + " CASCADE");
            case MARIADB -> admin(MARIADB_ADMIN, "root", "DROP DATABASE " + name);
        }
    }
}
