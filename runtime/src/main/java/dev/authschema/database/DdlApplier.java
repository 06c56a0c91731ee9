package dev.authschema.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the statements of one synchronization and keeps its report. When a statement fails, another
 * server starting at the same moment may have just created the same object: the applier looks again
 * before it gives up, and retries a statement the database rolled back to break a deadlock.
 */
final class DdlApplier {

    /** Whether the object a statement creates exists now. */
    interface Check {
        boolean exists() throws SQLException;
    }

    /** What a statement does to its object, for the log and the report. */
    enum Action {
        CREATE("create", "Created"),
        ADD("add", "Added");

        private final String verb;
        private final String done;

        Action(String verb, String done) {
            this.verb = verb;
            this.done = done;
        }
    }

    private static final Logger LOG = Logger.getLogger(DdlApplier.class.getPackageName());
    private static final int ATTEMPTS = 4;
    private static final int LOOKS = 5;
    /** Derby's "index is a duplicate of an existing one": it shares that one instead of creating a second. */
    private static final String DUPLICATE_INDEX = "01504";

    private final Connection connection;
    private final List<String> changes = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    DdlApplier(Connection connection) {
        this.connection = connection;
    }

    /**
     * Runs the statement.
     *
     * @param what   the object, e.g. "table users"
     * @param exists looks whether the object exists after a failure
     * @return true if this run created the object, false if a concurrent one did
     * @throws SchemaSynchronizationException when the statement fails and the object still does not exist
     */
    boolean apply(Action action, String what, String sql, Check exists) {
        for (int attempt = 1; ; attempt++) {
            try {
                if (!execute(sql)) {
                    LOG.info(() -> what + " was not created: the database already has an equivalent one");
                    return false;
                }
                changes.add(action.done + " " + what);
                LOG.info(() -> action.done + " " + what);
                return true;
            } catch (SQLException e) {
                if (existsNow(exists)) {
                    LOG.info(() -> what + " was created by another server meanwhile (" + e.getMessage() + ")");
                    return false;
                }
                if (attempt == ATTEMPTS || !isTransient(e)) {
                    throw new SchemaSynchronizationException(
                            "Cannot " + action.verb + " " + what + ": " + e.getMessage() + " (SQLState "
                                    + e.getSQLState() + "). Statement: " + sql,
                            e);
                }
                pause(attempt);
            }
        }
    }

    /** Runs a statement whose failure is acceptable (the caller then warns); true if it succeeded. */
    boolean tryApply(String sql) {
        try {
            execute(sql);
            return true;
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Optional statement failed: " + sql, e);
            return false;
        }
    }

    void warn(String message) {
        warnings.add(message);
        LOG.warning(message);
    }

    SynchronizationReport report() {
        return new SynchronizationReport(changes, warnings);
    }

    /** Runs the statement; false when the database skipped it with a warning that an equivalent object exists. */
    private boolean execute(String sql) throws SQLException {
        LOG.fine(() -> "Executing: " + sql);
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
                if (DUPLICATE_INDEX.equals(warning.getSQLState())) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Whether the object exists, looking a few times: another server's statement that made ours fail
     * may take a moment to show in the metadata (MariaDB's data dictionary, for one).
     */
    static boolean existsNow(Check exists) {
        for (int look = 1; look <= LOOKS; look++) {
            try {
                if (exists.exists()) {
                    return true;
                }
            } catch (SQLException e) {
                LOG.log(Level.FINE, "Looking for a concurrently created object failed", e);
            }
            if (look < LOOKS) {
                pause(look);
            }
        }
        return false;
    }

    /** Deadlocks, serialization failures and lock timeouts (SQLState class 40, Derby's 40XL1) pass when tried again. */
    private static boolean isTransient(SQLException e) {
        return e instanceof SQLTransientException
                || (e.getSQLState() != null && e.getSQLState().startsWith("40"));
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaSynchronizationException("Interrupted while retrying a schema change", e);
        }
    }
}
