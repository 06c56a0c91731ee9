package dev.authschema.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * {@code synchronize: true} without the data loss: brings a database up to a generated DDL script by
 * creating only what is missing, and never drops or changes anything that exists.
 * <ul>
 * <li>a missing table is created as the script writes it;</li>
 * <li>an existing table gets each missing column ({@code ALTER TABLE ... ADD COLUMN}). A required column
 *     without a default cannot be filled for rows that exist: it is added as nullable, with a warning
 *     in the log and the report, so no row is rejected;</li>
 * <li>missing unique constraints, indexes and foreign keys are added; they are compared by name, folded
 *     to each database's case (Derby upper-cases plain names, PostgreSQL lower-cases them, MySQL and
 *     MariaDB keep them), or as the same columns under another name;</li>
 * <li>columns, tables, keys and rows that are there stay as they are, also those the script no longer has.</li>
 * </ul>
 * A second run changes nothing. Servers may start together: when a statement fails because another
 * server created the same object a moment earlier, the synchronizer sees that it now exists and goes on.
 * Each statement runs in auto-commit mode; what it does is logged ({@code java.util.logging}, logger
 * {@code dev.authschema.database}), at INFO for each change and WARNING for each compromise.
 * <pre>{@code
 * DatabaseUrl url = DatabaseUrl.fromEnvironment();
 * if (url.synchronize()) {
 *     try (Connection connection = url.connect()) {
 *         SchemaSynchronizer.fromClassPath().synchronize(connection);
 *     }
 * }
 * }</pre>
 */
public final class SchemaSynchronizer {

    private static final Logger LOG = Logger.getLogger(SchemaSynchronizer.class.getPackageName());
    private static final Set<DatabaseDialect> MYSQL_FAMILY = Set.of(DatabaseDialect.MYSQL, DatabaseDialect.MARIADB);

    private final Function<DatabaseDialect, String> scripts;
    private final String source;

    private SchemaSynchronizer(Function<DatabaseDialect, String> scripts, String source) {
        this.scripts = scripts;
        this.source = source;
    }

    /**
     * Reads the script for the connection's database from {@code META-INF/authschema/ddl/<dialect>.sql},
     * where the Maven plugin packages it, through the thread's context class loader (as in a server).
     */
    public static SchemaSynchronizer fromClassPath() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return fromClassPath(loader != null ? loader : SchemaSynchronizer.class.getClassLoader());
    }

    /** Reads the script for the connection's database from {@code META-INF/authschema/ddl/<dialect>.sql} in this class loader. */
    public static SchemaSynchronizer fromClassPath(ClassLoader classLoader) {
        Objects.requireNonNull(classLoader, "classLoader");
        return new SchemaSynchronizer(dialect -> resource(classLoader, dialect.ddlResource()), "the class path");
    }

    /**
     * Applies this script, whatever the connection's database; it must be the script generated for that database.
     *
     * @param ddlScript a script as the code generator writes it ({@code ddl/<dialect>.sql})
     */
    public static SchemaSynchronizer forScript(String ddlScript) {
        Objects.requireNonNull(ddlScript, "ddlScript");
        return new SchemaSynchronizer(dialect -> ddlScript, "the given script");
    }

    /**
     * Brings the database the data source connects to up to the script, on a connection of its own.
     *
     * @throws SchemaSynchronizationException when a statement fails, the script is missing or unreadable,
     *         or the database cannot be reached
     */
    public SynchronizationReport synchronize(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return synchronize(connection);
        } catch (SQLException e) {
            throw new SchemaSynchronizationException("Cannot synchronize the database schema: " + e.getMessage(), e);
        }
    }

    /**
     * Brings the connection's current schema (Derby, PostgreSQL) or database (MySQL, MariaDB) up to the
     * script. The connection is switched to auto-commit for the run (committing any pending work) and
     * switched back afterwards.
     *
     * @return what was created and what was added differently from the script
     * @throws SchemaSynchronizationException when a statement fails, the script is missing, unreadable or
     *         for another database
     */
    public SynchronizationReport synchronize(Connection connection) {
        try {
            DatabaseDialect dialect = DatabaseDialect.of(connection);
            DdlScript script = script(dialect);
            boolean autoCommit = connection.getAutoCommit();
            // PostgreSQL aborts a whole transaction at its first error; alone, a statement that a concurrent
            // server beat us to fails without undoing the others.
            connection.setAutoCommit(true);
            SynchronizationReport report;
            try {
                report = run(connection, dialect, script);
            } catch (RuntimeException | SQLException e) {
                restoreAutoCommit(connection, autoCommit, e);
                throw e;
            }
            connection.setAutoCommit(autoCommit);
            return report;
        } catch (SQLException e) {
            throw new SchemaSynchronizationException("Cannot synchronize the database schema: " + e.getMessage() + " (SQLState "
                    + e.getSQLState() + ")", e);
        }
    }

    private static SynchronizationReport run(Connection connection, DatabaseDialect dialect, DdlScript script) throws SQLException {
        ExistingSchema existing = new ExistingSchema(connection, dialect);
        SynchronizationReport report = new Synchronization(script, existing, new DdlApplier(connection), dialect).run();
        LOG.info(() -> "Database schema in " + existing.location() + " is up to date with the " + dialect.id() + " DDL script"
                + (report.upToDate() ? " (no change needed)" : " (" + report.changes().size() + " changes)")
                + (report.warnings().isEmpty() ? "" : ", " + report.warnings().size() + " warnings"));
        return report;
    }

    /** Puts the connection back as it was without hiding the failure (a broken connection cannot be). */
    private static void restoreAutoCommit(Connection connection, boolean autoCommit, Exception failure) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private DdlScript script(DatabaseDialect dialect) {
        DdlScript script;
        try {
            script = DdlScript.parse(scripts.apply(dialect));
        } catch (IllegalArgumentException e) {
            throw new SchemaSynchronizationException("The " + dialect.id() + " DDL script from " + source + " cannot be applied: " + e.getMessage(), e);
        }
        script.dialectId().ifPresent(written -> {
            boolean fits = written.equals(dialect.id())
                    || (MYSQL_FAMILY.contains(dialect) && (written.equals("mysql") || written.equals("mariadb")));
            if (!fits) {
                throw new SchemaSynchronizationException("The DDL script from " + source + " was generated for " + written
                        + " but the connection is to " + dialect.id() + "; use ddl/" + dialect.id() + ".sql");
            }
        });
        return script;
    }

    private static String resource(ClassLoader classLoader, String name) {
        URL url = classLoader.getResource(name);
        if (url == null) {
            throw new SchemaSynchronizationException("No DDL script " + name + " on the class path: the authschema Maven plugin's generate"
                    + " goal packages it; or pass the script to SchemaSynchronizer.forScript");
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + url, e);
        }
    }
}
