package dev.authschema.database;

import dev.authschema.contract.ddl.SqlName;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the connection's current schema (Derby, PostgreSQL) or database (MySQL, MariaDB) holds, read
 * fresh through {@link DatabaseMetaData} on every question, so a change another server made a moment
 * ago is seen.
 */
final class ExistingSchema {

    /** An index as the metadata lists it; constraint-backed indexes included. */
    record StoredIndex(String name, boolean unique, List<String> columns) {}

    /** A foreign key as the metadata lists it. */
    record StoredForeignKey(String name, List<String> columns, String referencedTable) {}

    /** Derby names the index behind a unique constraint itself and lists only the index: its constraint names are in the catalog. */
    private static final String DERBY_UNIQUE_CONSTRAINTS = "SELECT c.CONSTRAINTNAME FROM SYS.SYSCONSTRAINTS c"
            + " JOIN SYS.SYSTABLES t ON c.TABLEID = t.TABLEID JOIN SYS.SYSSCHEMAS s ON t.SCHEMAID = s.SCHEMAID"
            + " WHERE c.TYPE = 'U' AND s.SCHEMANAME = ? AND t.TABLENAME = ?";

    private final Connection connection;
    private final DatabaseDialect dialect;
    private final DatabaseMetaData metaData;
    private final String catalog;
    private final String schema;
    private final IdentifierCase names;

    ExistingSchema(Connection connection, DatabaseDialect dialect) throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        this.metaData = connection.getMetaData();
        this.catalog = blankToNull(connection.getCatalog());
        // MySQL and MariaDB call a database a catalog and have no schemas.
        this.schema = dialect == DatabaseDialect.MYSQL || dialect == DatabaseDialect.MARIADB
                ? null
                : blankToNull(connection.getSchema());
        this.names = IdentifierCase.of(metaData, dialect);
    }

    IdentifierCase names() {
        return names;
    }

    /** Where the tables live, for log lines. */
    String location() {
        return schema != null ? "schema " + schema : "database " + catalog;
    }

    /** The table's name as stored, if it exists. */
    Optional<String> table(SqlName table) throws SQLException {
        try (ResultSet rows = metaData.getTables(catalog, pattern(schema), "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                String stored = rows.getString("TABLE_NAME");
                if (inSchema(rows.getString("TABLE_SCHEM")) && names.isTable(stored, table)) {
                    return Optional.of(stored);
                }
            }
        }
        return Optional.empty();
    }

    boolean hasColumn(String table, SqlName column) throws SQLException {
        try (ResultSet rows = metaData.getColumns(catalog, pattern(schema), pattern(table), "%")) {
            while (rows.next()) {
                if (table.equals(rows.getString("TABLE_NAME"))
                        && inSchema(rows.getString("TABLE_SCHEM"))
                        && names.isSame(rows.getString("COLUMN_NAME"), column)) {
                    return true;
                }
            }
        }
        return false;
    }

    List<StoredIndex> indexes(String table) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        try (ResultSet rows = metaData.getIndexInfo(catalog, schema, table, false, false)) {
            while (rows.next()) {
                String name = rows.getString("INDEX_NAME");
                String column = rows.getString("COLUMN_NAME");
                if (name == null || column == null || rows.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
                    continue;
                }
                // Rows come ordered by index and ORDINAL_POSITION.
                columns.computeIfAbsent(name, n -> new ArrayList<>()).add(column);
                unique.put(name, !rows.getBoolean("NON_UNIQUE"));
            }
        }
        List<StoredIndex> indexes = new ArrayList<>();
        columns.forEach((name, list) -> indexes.add(new StoredIndex(name, unique.get(name), List.copyOf(list))));
        return indexes;
    }

    /**
     * Names of the table's unique constraints that its index names do not show: Derby's. Elsewhere
     * (PostgreSQL, MySQL, MariaDB) a unique constraint's index carries the constraint's name.
     */
    List<String> uniqueConstraintNames(String table) throws SQLException {
        List<String> names = new ArrayList<>();
        if (dialect != DatabaseDialect.DERBY) {
            return names;
        }
        try (PreparedStatement statement = connection.prepareStatement(DERBY_UNIQUE_CONSTRAINTS)) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    List<StoredForeignKey> foreignKeys(String table) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, String> referenced = new LinkedHashMap<>();
        try (ResultSet rows = metaData.getImportedKeys(catalog, schema, table)) {
            while (rows.next()) {
                String name = rows.getString("FK_NAME");
                String key = name != null ? name : rows.getString("PKTABLE_NAME") + "#" + referenced.size();
                columns.computeIfAbsent(key, n -> new ArrayList<>()).add(rows.getString("FKCOLUMN_NAME"));
                referenced.put(key, rows.getString("PKTABLE_NAME"));
            }
        }
        List<StoredForeignKey> keys = new ArrayList<>();
        columns.forEach((name, list) -> keys.add(new StoredForeignKey(name, List.copyOf(list), referenced.get(name))));
        return keys;
    }

    /** Whether the table has no rows (a NOT NULL column without default can then be added as such). */
    boolean isEmpty(SqlName table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setMaxRows(1);
            try (ResultSet rows = statement.executeQuery("SELECT 1 FROM " + table.sql())) {
                return !rows.next();
            }
        }
    }

    /** Whether the stored columns are the wanted ones: in the same order, or in any order when {@code ordered} is false. */
    boolean sameColumns(List<String> stored, List<SqlName> wanted, boolean ordered) {
        if (stored.size() != wanted.size()) {
            return false;
        }
        for (int i = 0; i < wanted.size(); i++) {
            SqlName column = wanted.get(i);
            boolean found = ordered
                    ? names.isSame(stored.get(i), column)
                    : stored.stream().anyMatch(s -> names.isSame(s, column));
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private boolean inSchema(String rowSchema) {
        return schema == null || schema.equals(rowSchema);
    }

    /** Metadata patterns treat '_' and '%' as wildcards: escape them so "t_1" does not match "tx1". */
    private String pattern(String name) throws SQLException {
        if (name == null) {
            return null;
        }
        String escape = metaData.getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
