package dev.authschema.adapter.tck.derby;

import dev.authschema.adapter.AdapterException;
import dev.authschema.jpa.StoreOperation;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * One embedded in-memory Derby database with the reference schema, and the plain-JDBC access that the adapter and
 * the inspector share. Every operation takes a connection of its own (embedded Derby connects in microseconds), so
 * concurrent callers never share a transaction.
 */
final class DerbyDatabase {

    /** One unit of JDBC work on a connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final String name;

    private DerbyDatabase(String name) {
        this.name = name;
    }

    /**
     * @param name a name no other database of this JVM uses
     * @return a new database with the reference schema
     */
    static DerbyDatabase createInMemory(String name) {
        DerbyDatabase database = new DerbyDatabase(name);
        database.withConnection(";create=true", connection -> {
            DerbySchema.create(connection);
            return null;
        });
        return database;
    }

    <T> T withConnection(SqlWork<T> work) {
        return withConnection(StoreOperation.named("a Derby call"), work);
    }

    /**
     * @param operation what {@code work} does, so that a failure becomes the typed exception it means
     * @param work      the JDBC work
     * @param <T>       what it returns
     * @return what {@code work} returned
     */
    <T> T withConnection(StoreOperation operation, SqlWork<T> work) {
        try (Connection connection = DriverManager.getConnection(url(""))) {
            return work.run(connection);
        } catch (SQLException e) {
            throw operation.failure(e);
        }
    }

    void deleteAllRows() {
        withConnection(connection -> {
            DerbySchema.deleteAllRows(connection);
            return null;
        });
    }

    /** Frees the memory; Derby reports a successful drop with SQLState 08006. */
    void drop() {
        try {
            DriverManager.getConnection(url(";drop=true")).close();
        } catch (SQLException expected) {
            if (!"08006".equals(expected.getSQLState())) {
                throw new AdapterException("Could not drop Derby database " + name, expected);
            }
        }
    }

    private <T> T withConnection(String attributes, SqlWork<T> work) {
        try (Connection connection = DriverManager.getConnection(url(attributes))) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new AdapterException("Derby database " + name + ": " + e.getMessage(), e);
        }
    }

    private String url(String attributes) {
        return "jdbc:derby:memory:" + name + attributes;
    }
}
