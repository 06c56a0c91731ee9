package dev.authschema.codegen.upgrade;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The shape of the connection's current schema (or MariaDB database) as plain text, read through
 * {@link DatabaseMetaData}: per table its columns (type, size, nullability, default), indexes and
 * foreign keys. Two databases built from the same script have equal snapshots; a database that only
 * grew misses nothing of its earlier snapshot ({@link #missingFrom}).
 */
record SchemaSnapshot(Map<String, Table> tables) {

    /** One table's shape; every entry is a line of text so a failed comparison shows the difference. */
    record Table(List<String> columns, TreeSet<String> indexes, TreeSet<String> foreignKeys) {}

    /** Derby names the indexes behind constraints itself (SQL0000000081-726d...): those names differ between databases. */
    private static final Pattern SYSTEM_NAME = Pattern.compile("SQL\\d+(-[0-9a-f-]+)?");

    static SchemaSnapshot of(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        boolean mariadb = metaData.getDatabaseProductName().contains("MariaDB")
                || metaData.getDatabaseProductName().contains("MySQL");
        String catalog = connection.getCatalog();
        String schema = mariadb ? null : connection.getSchema();
        Map<String, Table> tables = new TreeMap<>();
        try (ResultSet rows = metaData.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                if (schema == null || schema.equals(rows.getString("TABLE_SCHEM"))) {
                    tables.put(rows.getString("TABLE_NAME"), null);
                }
            }
        }
        for (String table : tables.keySet()) {
            tables.put(
                    table,
                    new Table(
                            columns(metaData, catalog, schema, table),
                            indexes(metaData, catalog, schema, table),
                            foreignKeys(metaData, catalog, schema, table)));
        }
        return new SchemaSnapshot(tables);
    }

    private static List<String> columns(DatabaseMetaData metaData, String catalog, String schema, String table)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rows = metaData.getColumns(catalog, schema, table, "%")) {
            while (rows.next()) {
                if (table.equals(rows.getString("TABLE_NAME"))
                        && (schema == null || schema.equals(rows.getString("TABLE_SCHEM")))) {
                    columns.add(rows.getString("COLUMN_NAME") + " " + rows.getString("TYPE_NAME") + "("
                            + rows.getInt("COLUMN_SIZE") + ") "
                            + (rows.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? "NOT NULL" : "NULL")
                            + " DEFAULT "
                            + rows.getString("COLUMN_DEF"));
                }
            }
        }
        return columns;
    }

    private static TreeSet<String> indexes(DatabaseMetaData metaData, String catalog, String schema, String table)
            throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        try (ResultSet rows = metaData.getIndexInfo(catalog, schema, table, false, false)) {
            while (rows.next()) {
                String name = rows.getString("INDEX_NAME");
                if (name != null) {
                    columns.computeIfAbsent(name, n -> new ArrayList<>()).add(rows.getString("COLUMN_NAME"));
                    unique.put(name, !rows.getBoolean("NON_UNIQUE"));
                }
            }
        }
        TreeSet<String> indexes = new TreeSet<>();
        columns.forEach((name, list) -> indexes.add(
                (SYSTEM_NAME.matcher(name).matches() ? "*" : name) + list + (unique.get(name) ? " UNIQUE" : "")));
        return indexes;
    }

    private static TreeSet<String> foreignKeys(DatabaseMetaData metaData, String catalog, String schema, String table)
            throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, String> targets = new LinkedHashMap<>();
        try (ResultSet rows = metaData.getImportedKeys(catalog, schema, table)) {
            while (rows.next()) {
                String name = rows.getString("FK_NAME");
                columns.computeIfAbsent(name, n -> new ArrayList<>()).add(rows.getString("FKCOLUMN_NAME"));
                targets.put(name, rows.getString("PKTABLE_NAME") + " ON DELETE " + rows.getShort("DELETE_RULE"));
            }
        }
        TreeSet<String> keys = new TreeSet<>();
        columns.forEach((name, list) -> keys.add(name + list + " -> " + targets.get(name)));
        return keys;
    }

    /** What of {@code earlier} is missing here: tables, columns (with their type and nullability), indexes, foreign keys. */
    List<String> missingFrom(SchemaSnapshot earlier) {
        List<String> missing = new ArrayList<>();
        earlier.tables.forEach((name, table) -> {
            Table now = tables.get(name);
            if (now == null) {
                missing.add("table " + name);
                return;
            }
            table.columns().stream()
                    .filter(c -> !now.columns().contains(c))
                    .forEach(c -> missing.add("column " + name + "." + c));
            table.indexes().stream()
                    .filter(i -> !now.indexes().contains(i))
                    .forEach(i -> missing.add("index " + name + "." + i));
            table.foreignKeys().stream()
                    .filter(k -> !now.foreignKeys().contains(k))
                    .forEach(k -> missing.add("foreign key " + name + "." + k));
        });
        return missing;
    }
}
