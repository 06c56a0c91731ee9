package dev.authschema.containerit;

import dev.authschema.codegen.ddl.Dialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The database a deployment runs on, named by its test class: the server's embedded Derby, or a database of its
 * own on the local PostgreSQL (made fresh for each deployment, dropped after it). The deployment defines its data
 * source in web.xml, so that one test source serves every server; the isolation level is set there because servers
 * differ in their defaults (Liberty's is repeatable read, where Derby deadlocks on the kit's races).
 */
public enum TargetDatabase {
    DERBY(Dialect.DERBY),
    POSTGRESQL(Dialect.POSTGRESQL);

    /** The data source's name in every deployment (web.xml defines it, persistence.xml and the tests use it). */
    public static final String JNDI_NAME = "java:app/jdbc/container-it";

    private static final String POSTGRESQL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    public final Dialect dialect;

    TargetDatabase(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * A web.xml {@code <data-source>} for a deployment's own database, named after the deployment: one Derby
     * database in the server's derby home, or one PostgreSQL database (made here, empty).
     */
    public String dataSourceXml(String deploymentName) {
        return switch (this) {
            case DERBY -> """
                      <data-source>
                        <name>%s</name>
                        <class-name>org.apache.derby.jdbc.EmbeddedDataSource</class-name>
                        <database-name>%s</database-name>
                        <property><name>createDatabase</name><value>create</value></property>
                        <isolation-level>TRANSACTION_READ_COMMITTED</isolation-level>
                      </data-source>
                    """.formatted(JNDI_NAME, derbyHome().resolve(deploymentName));
            case POSTGRESQL -> {
                String database = postgresqlDatabase(deploymentName);
                recreatePostgresqlDatabase(database);
                yield """
                          <data-source>
                            <name>%s</name>
                            <class-name>org.postgresql.ds.PGSimpleDataSource</class-name>
                            <server-name>127.0.0.1</server-name>
                            <port-number>5432</port-number>
                            <database-name>%s</database-name>
                            <user>postgres</user>
                            <password>postgres</password>
                            <transactional>true</transactional>
                            <isolation-level>TRANSACTION_READ_COMMITTED</isolation-level>
                            <max-pool-size>40</max-pool-size>
                          </data-source>
                        """.formatted(JNDI_NAME, database);
            }
        };
    }

    /** Drops what {@link #dataSourceXml} made on PostgreSQL; Derby's files go with {@code target/}. */
    public void dropDatabase(String deploymentName) {
        // Only the build's client JVM knows the server it launched; inside the server this is a no-op.
        if (this == POSTGRESQL && System.getProperty("arquillian.launch") != null) {
            postgresql("DROP DATABASE IF EXISTS " + postgresqlDatabase(deploymentName) + " WITH (FORCE)");
        }
    }

    private static Path derbyHome() {
        return Path.of(System.getProperty("containerit.derby.home", "target/derby"));
    }

    private static String postgresqlDatabase(String deploymentName) {
        String base = System.getProperty("containerit.postgresql.database", "authschema_container_it");
        String server = System.getProperty("arquillian.launch", "server");
        return (base + "_" + server + "_" + deploymentName)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
    }

    private static void recreatePostgresqlDatabase(String database) {
        postgresql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        postgresql("CREATE DATABASE " + database);
    }

    private static void postgresql(String sql) {
        try (Connection connection = DriverManager.getConnection(POSTGRESQL_SERVER + "postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run \"" + sql + "\" on the local PostgreSQL: " + e.getMessage(), e);
        }
    }
}
