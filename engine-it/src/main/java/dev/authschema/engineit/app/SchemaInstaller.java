package dev.authschema.engineit.app;

import dev.authschema.database.SchemaSynchronizer;
import dev.authschema.database.SynchronizationReport;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Creates the generated tables on start (both deployments may do it at once; the synchronizer allows that). */
@ApplicationScoped
public class SchemaInstaller {

    private static final Logger LOG = Logger.getLogger(SchemaInstaller.class.getName());

    @Resource(lookup = ItDataSource.JNDI_NAME)
    DataSource dataSource;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        SynchronizationReport report = SchemaSynchronizer.fromClassPath().synchronize(dataSource);
        LOG.info(() -> report.upToDate() ? "engine-it schema is up to date" : "engine-it schema: " + report.changes());
        report.warnings().forEach(LOG::warning);
    }
}
