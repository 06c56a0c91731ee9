package dev.authschema.bench.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the {@link CountingDriver} saw go to the database, in order: each executed statement's SQL and each
 * {@code COMMIT} or {@code ROLLBACK} that ends an open server transaction. Each entry is one client-server
 * round trip (a batch counts once, as the PostgreSQL driver sends it in one go).
 */
public final class SqlLog {

    private final List<String> entries = new ArrayList<>();

    synchronized void add(String entry) {
        entries.add(entry);
    }

    /** Forgets everything recorded so far. */
    public synchronized void clear() {
        entries.clear();
    }

    /** The entries recorded since the last {@link #clear()}. */
    public synchronized List<String> entries() {
        return List.copyOf(entries);
    }

    /** How many round trips the recorded entries cost. */
    public synchronized int roundTrips() {
        return entries.size();
    }

    /** The recorded {@code INSERT}, {@code UPDATE}, {@code DELETE} and {@code MERGE} statements. */
    public synchronized List<String> writes() {
        return entries.stream().filter(SqlLog::isWrite).toList();
    }

    private static boolean isWrite(String sql) {
        String verb = sql.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        return verb.equals("INSERT") || verb.equals("UPDATE") || verb.equals("DELETE") || verb.equals("MERGE");
    }
}
