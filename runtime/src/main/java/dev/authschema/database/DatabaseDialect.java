package dev.authschema.database;

import dev.authschema.contract.ddl.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The databases a connection string can name, with what Java needs to reach each one: the JDBC
 * driver, the EclipseLink platform and the generated DDL script on the class path. Each is one of the
 * {@link Dialect}s the code generator writes for.
 */
public enum DatabaseDialect {
    /** Embedded Apache Derby: the development database (and what {@code sqlite:} URLs map to). */
    DERBY(Dialect.DERBY, "org.apache.derby.jdbc.EmbeddedDriver", "dev.authschema.jpa.eclipselink.UtcDerbyPlatform", 0),
    /** PostgreSQL through the PostgreSQL JDBC driver. */
    POSTGRESQL(
            Dialect.POSTGRESQL, "org.postgresql.Driver", "dev.authschema.jpa.eclipselink.UtcPostgreSQLPlatform", 5432),
    /** MySQL through MySQL Connector/J; MariaDB Connector/J users write {@code mariadb://}. */
    MYSQL(Dialect.MYSQL, "com.mysql.cj.jdbc.Driver", "dev.authschema.jpa.eclipselink.UtcMySQLPlatform", 3306),
    /** MariaDB through MariaDB Connector/J. */
    MARIADB(Dialect.MARIADB, "org.mariadb.jdbc.Driver", "dev.authschema.jpa.eclipselink.UtcMariaDBPlatform", 3306);

    private final Dialect dialect;
    private final String driverClassName;
    private final String eclipseLinkTargetDatabase;
    private final int defaultPort;

    DatabaseDialect(Dialect dialect, String driverClassName, String eclipseLinkTargetDatabase, int defaultPort) {
        this.dialect = dialect;
        this.driverClassName = driverClassName;
        this.eclipseLinkTargetDatabase = eclipseLinkTargetDatabase;
        this.defaultPort = defaultPort;
    }

    /** The dialect's name as the schema's {@code datasource.provider} and the DDL file spell it: {@code derby}, {@code postgresql} ... */
    public String id() {
        return dialect.id();
    }

    /** The database by the name the code generator and the schema language use for it too. */
    public Dialect dialect() {
        return dialect;
    }

    /** The JDBC driver class. */
    public String driverClassName() {
        return driverClassName;
    }

    /**
     * The value of {@code eclipselink.target-database}: EclipseLink's platform for the database, with timestamps
     * written and read in UTC whatever the JVM's time zone ({@code dev.authschema.jpa.eclipselink.Utc*Platform}).
     */
    public String eclipseLinkTargetDatabase() {
        return eclipseLinkTargetDatabase;
    }

    /** The server's usual port; 0 for embedded Derby. */
    public int defaultPort() {
        return defaultPort;
    }

    /** Where the code generator's Maven plugin puts this dialect's DDL script in the application's class path. */
    public String ddlResource() {
        return "META-INF/authschema/" + dialect.scriptFile();
    }

    /** Where it puts the script's layout, which the {@link SchemaSynchronizer} applies. */
    public String layoutResource() {
        return "META-INF/authschema/" + dialect.layoutFile();
    }

    /**
     * The dialect of an open connection, from the database product name and version the driver reports. A MariaDB
     * server reached through MySQL's driver is named MySQL but says MariaDB in its version ({@code 10.11.19-MariaDB}):
     * it is MariaDB, whose script differs (its collation has another name).
     *
     * @throws IllegalArgumentException for a database other than Derby, PostgreSQL, MySQL and MariaDB
     */
    public static DatabaseDialect of(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        return ofProductName(metaData.getDatabaseProductName(), metaData.getDatabaseProductVersion());
    }

    static DatabaseDialect ofProductName(String productName, String productVersion) {
        DatabaseDialect named = ofProductName(productName);
        boolean mariadb = productVersion != null
                && productVersion.toLowerCase(Locale.ROOT).contains("mariadb");
        return named == MYSQL && mariadb ? MARIADB : named;
    }

    static DatabaseDialect ofProductName(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.contains("derby")) {
            return DERBY;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.contains("mariadb")) {
            return MARIADB;
        }
        if (name.contains("mysql")) {
            return MYSQL;
        }
        throw new IllegalArgumentException(
                "Unsupported database '" + productName + "': expected Apache Derby, PostgreSQL, MySQL or MariaDB");
    }
}
