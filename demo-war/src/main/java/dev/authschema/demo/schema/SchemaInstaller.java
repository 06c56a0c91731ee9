package dev.authschema.demo.schema;

import dev.authschema.database.SchemaSynchronizer;
import dev.authschema.database.SynchronizationReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Brings the database up to the generated DDL of its dialect when the application starts: missing tables, columns,
 * indexes and keys are created, nothing is ever altered or dropped (the runtime's {@link SchemaSynchronizer}). Safe
 * when several servers start at once on one database.
 */
@ApplicationScoped
public class SchemaInstaller {

    private static final Logger LOG = Logger.getLogger(SchemaInstaller.class.getName());

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        String name = PersistenceUnitDataSource.jndiName(Thread.currentThread().getContextClassLoader());
        DataSource dataSource;
        try {
            dataSource = (DataSource) new InitialContext().lookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException("The persistence unit's data source " + name + " is not defined in this server: "
                    + e.getMessage(), e);
        }
        // Outside any transaction: the synchronizer runs each statement on its own.
        SynchronizationReport report = SchemaSynchronizer.fromClassPath().synchronize(dataSource);
        LOG.info(() -> report.upToDate() ? "Database schema is up to date" : "Database schema synchronized: " + report.changes());
        report.warnings().forEach(LOG::warning);
    }
}
