package dev.authschema.engineit;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.stream.Collectors;

/** The test app's canonical dump of every auth table ({@code GET /test/db}), for before/after comparisons. */
public final class Database {

    private Database() {}

    /**
     * @return every row of every table, canonically ordered
     */
    public static JsonObject dump() {
        Browser.Response response = new Browser(ItServers.DB).get("/test/db");
        if (response.status() != 200) {
            throw new AssertionError("database dump failed: " + response);
        }
        return response.json();
    }

    /**
     * @return the rows of the rate-limit counters, which {@link #dump()} leaves out
     */
    public static List<JsonObject> rateLimits() {
        Browser.Response response = new Browser(ItServers.DB).get("/test/db?include=RATE_LIMITS");
        if (response.status() != 200) {
            throw new AssertionError("database dump failed: " + response);
        }
        return rows(response.json(), "RATE_LIMITS");
    }

    /**
     * @param dump  a dump
     * @param table a table name, such as {@code sessions}
     * @return its rows
     */
    public static List<JsonObject> rows(JsonObject dump, String table) {
        JsonArray rows = dump.getJsonArray(table);
        if (rows == null) {
            throw new AssertionError("no table " + table + " in " + dump.keySet());
        }
        return rows.stream().map(JsonValue::asJsonObject).collect(Collectors.toList());
    }

    /**
     * @param dump   a dump
     * @param table  a table name
     * @param column a column name
     * @param value  a value
     * @return the rows with that value
     */
    public static List<JsonObject> rowsWhere(JsonObject dump, String table, String column, String value) {
        return rows(dump, table).stream()
                .filter(r -> r.containsKey(column)
                        && !r.isNull(column)
                        && r.getString(column).equals(value))
                .collect(Collectors.toList());
    }
}
