package dev.authschema.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * A NextAuth.js-style connection string turned into JDBC settings, for Java SE and tests (in a server
 * the container's DataSource takes its place). Accepted forms:
 * <ul>
 * <li>{@code postgres://user:password@host:5432/database} (also {@code postgresql://}),
 *     {@code mysql://...:3306/database}, {@code mariadb://...:3306/database}; the port is optional,
 *     user and password are %-decoded ({@code p%40ss} is {@code p@ss});</li>
 * <li>{@code derby:memory:name}, {@code derby:name} (under {@code derby.system.home}), {@code derby:/path/to/db};</li>
 * <li>{@code sqlite://localhost/:memory:}, {@code sqlite://localhost/<file>}, {@code sqlite:<file>}: the
 *     seeds' development database, served by embedded Derby in memory or in that directory.</li>
 * </ul>
 * Query options: {@code synchronize=true|false}, {@code entityPrefix=nextauth_}, {@code ssl=true|false}
 * (TLS with certificate and host checks, in each driver's words), {@code create=false} for Derby, and the
 * drivers' own properties such as {@code sslmode}, {@code sslrootcert}, {@code currentSchema} (alias
 * {@code schema}), {@code connectTimeout}, which pass through as JDBC properties. Anything else is an error.
 * <p>
 * The password never appears in {@link #toString()} nor in any error message.
 */
public final class DatabaseUrl {

    /** The environment variable {@link #fromEnvironment()} reads. */
    public static final String ENVIRONMENT_VARIABLE = "DATABASE_URL";

    private final DatabaseDialect dialect;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final boolean synchronize;
    private final String entityPrefix;
    private final Map<String, String> jdbcProperties;

    DatabaseUrl(
            DatabaseDialect dialect,
            String jdbcUrl,
            String user,
            String password,
            boolean synchronize,
            String entityPrefix,
            Map<String, String> jdbcProperties) {
        this.dialect = dialect;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.synchronize = synchronize;
        this.entityPrefix = entityPrefix;
        this.jdbcProperties = Collections.unmodifiableMap(new LinkedHashMap<>(jdbcProperties));
    }

    /**
     * Parses a connection string.
     *
     * @param connectionString e.g. {@code postgres://user:pass@127.0.0.1:5432/db?synchronize=true&entityPrefix=nextauth_}
     * @return the JDBC settings
     * @throws InvalidDatabaseUrlException naming the wrong part: scheme (with a "did you mean"), host, port,
     *         database name or option
     */
    public static DatabaseUrl parse(String connectionString) {
        return DatabaseUrlParser.parse(connectionString);
    }

    /**
     * Parses the {@value #ENVIRONMENT_VARIABLE} environment variable.
     *
     * @throws IllegalStateException when the variable is not set
     * @throws InvalidDatabaseUrlException when its value is malformed
     */
    public static DatabaseUrl fromEnvironment() {
        return fromEnvironment(System::getenv);
    }

    /**
     * Parses {@value #ENVIRONMENT_VARIABLE} as {@code environment} gives it (for tests and custom sources).
     *
     * @param environment variable name to value, {@code null} when unset
     * @throws IllegalStateException when the variable is not set or blank
     * @throws InvalidDatabaseUrlException when its value is malformed
     */
    public static DatabaseUrl fromEnvironment(Function<String, String> environment) {
        String value = environment.apply(ENVIRONMENT_VARIABLE);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "The environment variable " + ENVIRONMENT_VARIABLE + " is not set; set it to a connection string"
                            + " such as postgres://user:password@127.0.0.1:5432/database or derby:memory:dev");
        }
        try {
            return parse(value);
        } catch (InvalidDatabaseUrlException e) {
            throw new InvalidDatabaseUrlException(ENVIRONMENT_VARIABLE + ": " + e.getMessage());
        }
    }

    /** The database kind. */
    public DatabaseDialect dialect() {
        return dialect;
    }

    /** {@code derby}, {@code postgresql}, {@code mysql} or {@code mariadb}: the name of the generated DDL script to use. */
    public String dialectName() {
        return dialect.id();
    }

    /** e.g. {@code jdbc:postgresql://127.0.0.1:5432/db} or {@code jdbc:derby:memory:dev;create=true}; never holds credentials. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The %-decoded user name, if the string has one. */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** The %-decoded password, if the string has one. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** The JDBC driver class for {@code jakarta.persistence.jdbc.driver}. */
    public String driverClassName() {
        return dialect.driverClassName();
    }

    /** {@code ?synchronize=true}: create missing tables, columns, indexes and keys at start-up ({@link SchemaSynchronizer}); false by default. */
    public boolean synchronize() {
        return synchronize;
    }

    /** {@code ?entityPrefix=}: the table name prefix, TypeORM's name for the generator's {@code tablePrefix}; empty by default. */
    public String entityPrefix() {
        return entityPrefix;
    }

    /** The driver properties from the query ({@code sslmode}, {@code connectTimeout} ...), without user and password. */
    public Map<String, String> jdbcProperties() {
        return jdbcProperties;
    }

    /** What {@link DriverManager#getConnection(String, Properties)} needs: the driver properties plus user and password. */
    public Properties connectionProperties() {
        Properties properties = new Properties();
        properties.putAll(jdbcProperties);
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return properties;
    }

    /**
     * The persistence unit properties for EclipseLink in Java SE: {@code jakarta.persistence.jdbc.url},
     * {@code .driver}, {@code .user}, {@code .password} (when given), {@code eclipselink.target-database}
     * and each driver property as {@code eclipselink.jdbc.property.<name>}.
     */
    public Map<String, String> jpaProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("jakarta.persistence.jdbc.url", jdbcUrl);
        properties.put("jakarta.persistence.jdbc.driver", dialect.driverClassName());
        if (user != null) {
            properties.put("jakarta.persistence.jdbc.user", user);
        }
        if (password != null) {
            properties.put("jakarta.persistence.jdbc.password", password);
        }
        properties.put("eclipselink.target-database", dialect.eclipseLinkTargetDatabase());
        jdbcProperties.forEach((name, value) -> properties.put("eclipselink.jdbc.property." + name, value));
        return Collections.unmodifiableMap(properties);
    }

    /** Opens a connection through {@link DriverManager}; the driver must be on the class path. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, connectionProperties());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DatabaseUrl that
                && dialect == that.dialect
                && jdbcUrl.equals(that.jdbcUrl)
                && Objects.equals(user, that.user)
                && Objects.equals(password, that.password)
                && synchronize == that.synchronize
                && entityPrefix.equals(that.entityPrefix)
                && jdbcProperties.equals(that.jdbcProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dialect, jdbcUrl, user, synchronize, entityPrefix, jdbcProperties);
    }

    /** The settings with the password masked and driver property values left out (they may hold key passwords). */
    @Override
    public String toString() {
        return "DatabaseUrl[" + dialect.id() + " " + jdbcUrl + (user == null ? "" : " user=" + user)
                + (password == null ? "" : " password=****")
                + " synchronize=" + synchronize + (entityPrefix.isEmpty() ? "" : " entityPrefix=" + entityPrefix)
                + (jdbcProperties.isEmpty() ? "" : " properties=" + jdbcProperties.keySet()) + "]";
    }
}
