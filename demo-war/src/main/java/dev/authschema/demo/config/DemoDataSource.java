package dev.authschema.demo.config;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The default database: embedded Derby in {@code derby.system.home}, created on first use. The driver comes from the
 * server (Liberty: {@code lib/global}; Payara Micro: {@code --addLibs}), so the same WAR runs on both. To use
 * PostgreSQL instead, see the README ("Deploying with PostgreSQL").
 */
@DataSourceDefinition(
        name = DemoDataSource.JNDI_NAME,
        className = "org.apache.derby.jdbc.EmbeddedDataSource",
        databaseName = "authschema-demo",
        properties = "createDatabase=create")
@ApplicationScoped
public class DemoDataSource {

    /** The name persistence.xml uses by default. */
    public static final String JNDI_NAME = "java:app/jdbc/authschema-demo";
}
