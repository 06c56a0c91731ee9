package dev.authschema.demo.it;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The test server's database, read directly: Liberty's embedded Derby through the network server that only the test
 * server starts ({@code derby.drda.startNetworkServer} in the pom), Payara's PostgreSQL as it is. Nothing of this is
 * in the WAR. The URL and credentials come from the system properties {@code demo.db.*}.
 */
public final class DemoDatabase {

    private DemoDatabase() {}

    /** The engine's rate-limit counters: every request within a limit counts in them; they hold no account data. */
    private static final String RATE_LIMITS = "demo_rate_limits";

    /**
     * Every row of every table of the demo ({@code demo_*}: members, linked accounts, sessions, sign-in links), so
     * that a test can tell that a refused request changed nothing. Leaves out the rate-limit counters
     * ({@value #RATE_LIMITS}), which count every request within a limit.
     *
     * @return table name to its rows, each row as text, sorted
     */
    public static Map<String, List<String>> snapshot() {
        try (Connection connection = connect()) {
            DatabaseMetaData metaData = connection.getMetaData();
            String quote = metaData.getIdentifierQuoteString();
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = metaData.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    String name = rows.getString("TABLE_NAME");
                    String schema = rows.getString("TABLE_SCHEM");
                    if (name.toLowerCase(Locale.ROOT).startsWith("demo_")
                            && !name.equalsIgnoreCase(RATE_LIMITS)
                            && ("APP".equalsIgnoreCase(schema) || "public".equalsIgnoreCase(schema))) {
                        tables.add(name);
                    }
                }
            }
            if (tables.size() < 4) {
                throw new AssertionError("Expected the demo's four tables in " + url() + ", found " + tables);
            }
            Map<String, List<String>> snapshot = new TreeMap<>();
            for (String table : tables) {
                snapshot.put(table.toLowerCase(Locale.ROOT), rows(connection, quote + table + quote));
            }
            return snapshot;
        } catch (SQLException e) {
            throw new AssertionError("Cannot read the test database " + url() + ": " + e.getMessage(), e);
        }
    }

    private static List<String> rows(Connection connection, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData columns = result.getMetaData();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    row.append(columns.getColumnName(i).toLowerCase(Locale.ROOT))
                            .append('=')
                            .append(result.getString(i))
                            .append(i < columns.getColumnCount() ? ", " : "");
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(
                url(), System.getProperty("demo.db.user"), System.getProperty("demo.db.password"));
    }

    private static String url() {
        String url = System.getProperty("demo.db.url");
        if (url == null) {
            throw new AssertionError("demo.db.url is not set: run the tests through Maven (demo-war's failsafe)");
        }
        return url;
    }
}
