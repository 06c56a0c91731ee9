package dev.authschema.database;

import dev.authschema.contract.ddl.DdlLayout;
import dev.authschema.contract.ddl.Dialect;
import dev.authschema.contract.ddl.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * {@code synchronize: true} without the data loss: brings a database up to a generated DDL script by
 * creating only what is missing, and never drops or changes anything that exists. It reads what the script
 * creates from the layout the code generator writes next to it ({@code ddl/<dialect>.layout}), not from SQL.
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
    private final Function<DatabaseDialect, DdlLayout> layouts;
    private final String source;

    private SchemaSynchronizer(Function<DatabaseDialect, DdlLayout> layouts, String source) {
        this.layouts = layouts;
        this.source = source;
    }

    /**
     * Reads the layout for the connection's database from {@code META-INF/authschema/ddl/<dialect>.layout},
     * where the Maven plugin packages it next to the script, through the thread's context class loader (as in a server).
     */
    public static SchemaSynchronizer fromClassPath() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return fromClassPath(loader != null ? loader : SchemaSynchronizer.class.getClassLoader());
    }

    /** Reads the layout for the connection's database from {@code META-INF/authschema/ddl/<dialect>.layout} in this class loader. */
    public static SchemaSynchronizer fromClassPath(ClassLoader classLoader) {
        Objects.requireNonNull(classLoader, "classLoader");
        String source = "the class path";
        return new SchemaSynchronizer(
                dialect -> read(resource(classLoader, dialect.layoutResource()), dialect, source), source);
    }

    /**
     * Applies this layout, whatever the connection's database; it must be the layout generated for that database.
     *
     * @param layout a layout file as the code generator writes it ({@code ddl/<dialect>.layout})
     */
    public static SchemaSynchronizer forLayout(String layout) {
        Objects.requireNonNull(layout, "layout");
        String source = "the given layout";
        return new SchemaSynchronizer(dialect -> read(layout, dialect, source), source);
    }

    /**
     * Applies this layout, whatever the connection's database; it must be the layout generated for that database.
     *
     * @param layout what a generated script creates, e.g. from the code generator's {@code DdlGenerator.layout}
     */
    public static SchemaSynchronizer forLayout(DdlLayout layout) {
        Objects.requireNonNull(layout, "layout");
        return new SchemaSynchronizer(dialect -> layout, "the given layout");
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
            DdlLayout layout = layout(dialect);
            boolean autoCommit = connection.getAutoCommit();
            // PostgreSQL aborts a whole transaction at its first error; alone, a statement that a concurrent
            // server beat us to fails without undoing the others.
            connection.setAutoCommit(true);
            SynchronizationReport report;
            try {
                report = run(connection, dialect, layout);
            } catch (RuntimeException | SQLException e) {
                restoreAutoCommit(connection, autoCommit, e);
                throw e;
            }
            connection.setAutoCommit(autoCommit);
            return report;
        } catch (SQLException e) {
            throw new SchemaSynchronizationException(
                    "Cannot synchronize the database schema: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")",
                    e);
        }
    }

    /**
     * The tables of the script that the data source's database lacks, changing nothing: what start-up reports when
     * synchronisation is off.
     *
     * @return the missing tables' names as the script writes them, in its order; empty when all exist
     * @throws SchemaSynchronizationException when the script is missing or the database cannot be reached
     */
    public List<String> missingTables(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseDialect dialect = DatabaseDialect.of(connection);
            ExistingSchema existing = new ExistingSchema(connection, dialect);
            List<String> missing = new ArrayList<>();
            for (Table table : layout(dialect).tables()) {
                if (existing.table(table.name()).isEmpty()) {
                    missing.add(table.name().sql());
                }
            }
            return missing;
        } catch (SQLException e) {
            throw new SchemaSynchronizationException(
                    "Cannot read the database schema: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private static SynchronizationReport run(Connection connection, DatabaseDialect dialect, DdlLayout layout)
            throws SQLException {
        ExistingSchema existing = new ExistingSchema(connection, dialect);
        SynchronizationReport report = new Synchronization(layout, existing, new DdlApplier(connection), dialect).run();
        LOG.info(() -> "Database schema in " + existing.location() + " is up to date with the " + dialect.id()
                + " DDL script"
                + (report.upToDate()
                        ? " (no change needed)"
                        : " (" + report.changes().size() + " changes)")
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

    /** The layout for the connection's database, checked to be one generated for it. */
    private DdlLayout layout(DatabaseDialect dialect) {
        DdlLayout layout = layouts.apply(dialect);
        Dialect written = layout.dialect();
        if (written != dialect.dialect()
                && !(written.isMySqlFamily() && dialect.dialect().isMySqlFamily())) {
            throw new SchemaSynchronizationException("The DDL layout from " + source + " was generated for "
                    + written.id() + " but the connection is to " + dialect.id() + "; use "
                    + dialect.dialect().layoutFile());
        }
        return layout;
    }

    private static DdlLayout read(String text, DatabaseDialect dialect, String source) {
        try {
            return DdlLayout.read(text);
        } catch (IllegalArgumentException e) {
            throw new SchemaSynchronizationException(
                    "The " + dialect.id() + " DDL layout from " + source + " cannot be applied: " + e.getMessage(), e);
        }
    }

    private static String resource(ClassLoader classLoader, String name) {
        URL url = classLoader.getResource(name);
        if (url == null) {
            throw new SchemaSynchronizationException(
                    "No DDL layout " + name + " on the class path: the authschema Maven plugin's generate"
                            + " goal packages it; or pass the layout to SchemaSynchronizer.forLayout");
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + url, e);
        }
    }
}
