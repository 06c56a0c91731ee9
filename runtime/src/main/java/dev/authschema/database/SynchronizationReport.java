package dev.authschema.database;

import java.util.List;

/**
 * What one {@link SchemaSynchronizer} run did.
 *
 * @param changes  each table, column, index or constraint it created, in order ("created table users")
 * @param warnings what it could not do as the script asked, e.g. a required column added as nullable
 *                 because the table already had rows
 */
public record SynchronizationReport(List<String> changes, List<String> warnings) {

    /** Copies both lists, so a report never changes. */
    public SynchronizationReport {
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
    }

    /** Whether the database already had everything: the run changed nothing. */
    public boolean upToDate() {
        return changes.isEmpty();
    }
}
