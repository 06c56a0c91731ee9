package dev.authschema.engineit.app;

import dev.authschema.database.SchemaSynchronizer;
import dev.authschema.database.SynchronizationReport;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.ServletContext;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Creates the generated tables when the {@code /db} deployment starts. Only that one: all deployments share the
 * database, and two synchronizers racing on embedded Derby wait out its 20-second deadlock detection several times
 * (harmless, but it doubles the server's start time). The tests wait for {@code /db} before they begin.
 */
@ApplicationScoped
public class SchemaInstaller {

    private static final Logger LOG = Logger.getLogger(SchemaInstaller.class.getName());

    @Resource(lookup = ItDataSource.JNDI_NAME)
    DataSource dataSource;

    void onStart(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        if (!"/db".equals(context.getContextPath())) {
            return; // every other deployment (/jwt, /dev, /proxy, /rotating, /rotated) shares /db's tables
        }
        SynchronizationReport report = SchemaSynchronizer.fromClassPath().synchronize(dataSource);
        LOG.info(() -> report.upToDate() ? "engine-it schema is up to date" : "engine-it schema: " + report.changes());
        report.warnings().forEach(LOG::warning);
    }
}
