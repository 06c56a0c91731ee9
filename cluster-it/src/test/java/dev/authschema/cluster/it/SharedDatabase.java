package dev.authschema.cluster.it;

import dev.authschema.database.DatabaseUrl;
import dev.authschema.database.SchemaSynchronizer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for one run, with the demo's tables from the DDL in its WAR. The tables are created
 * here, before the servers start: two nodes starting at once on an empty database would both try to create them.
 */
final class SharedDatabase implements AutoCloseable {

    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = "postgres";

    private final String name = "authschema_cluster_"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    static SharedDatabase create() throws SQLException {
        SharedDatabase database = new SharedDatabase();
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database.name);
        }
        try (Connection connection = database.connect()) {
            SchemaSynchronizer.fromClassPath(SharedDatabase.class.getClassLoader())
                    .synchronize(connection);
        }
        return database;
    }

    /** @return the database name, which the servers get as {@code DB_NAME} */
    String name() {
        return name;
    }

    /** @return the connection string for EclipseLink outside a server */
    DatabaseUrl url() {
        return DatabaseUrl.parse("postgresql://" + USER + "@127.0.0.1:5432/" + name);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + name, USER, "");
    }

    @Override
    public void close() throws SQLException {
        Postgres.ensureRunning();
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
