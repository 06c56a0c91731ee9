package dev.authschema.demo.schema;

import dev.authschema.jpa.JpaWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Creates the tables from the generated DDL of the database's dialect when the application starts and they do not
 * exist yet. It never alters or drops anything: an existing schema is left as it is.
 */
@ApplicationScoped
public class SchemaInstaller {

    private static final Logger LOG = Logger.getLogger(SchemaInstaller.class.getName());

    @Inject
    JpaWork work;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        work.inTransaction(em -> {
            install(em.unwrap(Connection.class));
            return null;
        });
    }

    private static void install(Connection connection) {
        try {
            DatabaseMetaData metaData = connection.getMetaData();
            DdlScript script = DdlScript.load(dialectOf(metaData.getDatabaseProductName()));
            String table = script.firstTable().orElseThrow();
            if (tableExists(metaData, table)) {
                LOG.info(() -> "Database schema present (table " + table + ")");
                return;
            }
            try (Statement statement = connection.createStatement()) {
                for (String sql : script.statements()) {
                    statement.execute(sql);
                }
            }
            LOG.info(() -> "Created the database schema from the generated " + script.dialect() + " DDL ("
                    + script.statements().size() + " statements)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database schema: " + e.getMessage(), e);
        }
    }

    static String dialectOf(String productName) {
        String product = productName.toLowerCase(Locale.ROOT);
        if (product.contains("derby")) {
            return "derby";
        } else if (product.contains("postgres")) {
            return "postgresql";
        } else if (product.contains("mariadb")) {
            return "mariadb";
        } else if (product.contains("mysql")) {
            return "mysql";
        } else if (product.contains("sql server")) {
            return "sqlserver";
        }
        throw new IllegalStateException("No generated DDL for the database " + productName);
    }

    private static boolean tableExists(DatabaseMetaData metaData, String table) throws SQLException {
        for (String candidate : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet tables = metaData.getTables(null, null, candidate, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
