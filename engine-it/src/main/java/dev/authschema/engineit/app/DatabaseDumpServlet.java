package dev.authschema.engineit.app;

import jakarta.annotation.Resource;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Test-only: {@code GET /test/db} answers every row of every table of the app's schema as canonical JSON (tables by
 * name, columns by name, rows sorted), read straight over JDBC rather than through the adapter, so that two dumps are
 * equal exactly when the database is unchanged.
 *
 * <p>Except the rate-limit counters ({@value #RATE_LIMITS}): every request within a limit counts in them, so they would
 * make every before/after comparison fail; they hold no account data. {@code GET /test/db?include=RATE_LIMITS} adds
 * them.
 */
@WebServlet("/test/db")
public class DatabaseDumpServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The table of the built-in schema's RateLimit model, as Derby reports it. */
    static final String RATE_LIMITS = "RATE_LIMITS";

    @Resource(lookup = ItDataSource.JNDI_NAME)
    private transient DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObjectBuilder dump = Json.createObjectBuilder();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String quote = meta.getIdentifierQuoteString();
            TreeSet<String> tables = new TreeSet<>();
            try (ResultSet rs = meta.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            if (!RATE_LIMITS.equals(request.getParameter("include"))) {
                tables.remove(RATE_LIMITS);
            }
            for (String table : tables) {
                dump.add(table, rows(connection, quote + table.replace(quote, quote + quote) + quote));
            }
        } catch (SQLException e) {
            throw new IOException("database dump failed", e);
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(dump.build().toString());
    }

    private static JsonArrayBuilder rows(Connection connection, String quotedTable) throws SQLException {
        List<String> rows = new ArrayList<>();
        List<TreeMap<String, String>> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT * FROM " + quotedTable)) {
            ResultSetMetaData columns = rs.getMetaData();
            while (rs.next()) {
                TreeMap<String, String> row = new TreeMap<>();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    row.put(columns.getColumnName(i), rs.getString(i));
                }
                values.add(row);
                rows.add(row.toString());
            }
        }
        // Sort by the row's text so that the order of a SELECT without ORDER BY does not matter.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> rows.get(a).compareTo(rows.get(b)));
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (int i : order) {
            JsonObjectBuilder row = Json.createObjectBuilder();
            values.get(i).forEach((column, value) -> {
                if (value == null) {
                    row.addNull(column);
                } else {
                    row.add(column, value);
                }
            });
            array.add(row);
        }
        return array;
    }
}
