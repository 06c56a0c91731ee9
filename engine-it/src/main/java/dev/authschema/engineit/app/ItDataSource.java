package dev.authschema.engineit.app;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Embedded Derby in {@code derby.system.home} (the module's {@code target/derby-it}). Both deployments (/db and /jwt)
 * load Derby from the server's global library, so they share one engine and one database.
 */
@DataSourceDefinition(
        name = ItDataSource.JNDI_NAME,
        className = "org.apache.derby.jdbc.EmbeddedDataSource",
        databaseName = "engine-it",
        properties = "createDatabase=create")
@ApplicationScoped
public class ItDataSource {

    /** The name the generated persistence.xml (the plugin's dataSource in pom.xml) and the test servlets use. */
    public static final String JNDI_NAME = "java:app/jdbc/engine-it";
}
