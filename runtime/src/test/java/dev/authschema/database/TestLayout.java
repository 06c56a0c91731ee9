package dev.authschema.database;

import dev.authschema.contract.ddl.Column;
import dev.authschema.contract.ddl.DdlLayout;
import dev.authschema.contract.ddl.Dialect;
import dev.authschema.contract.ddl.ForeignKey;
import dev.authschema.contract.ddl.SqlName;
import dev.authschema.contract.ddl.Table;
import dev.authschema.contract.ddl.TableIndex;
import dev.authschema.contract.ddl.UniqueKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Hand-made layouts for the synchronizer's tests, with the statements the generator would write for them. */
final class TestLayout {

    private final Dialect dialect;
    private final Map<String, List<Column>> columns = new LinkedHashMap<>();
    private final Map<String, String> primaryKeys = new LinkedHashMap<>();
    private final Map<String, List<UniqueKey>> uniques = new LinkedHashMap<>();
    private final List<TableIndex> indexes = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();

    private TestLayout(Dialect dialect) {
        this.dialect = dialect;
    }

    static TestLayout of(Dialect dialect) {
        return new TestLayout(dialect);
    }

    static Column required(String name, String type) {
        return new Column(SqlName.of(name), type, null, true);
    }

    static Column nullable(String name, String type) {
        return new Column(SqlName.of(name), type, null, false);
    }

    static Column defaulted(String name, String type, String value) {
        return new Column(SqlName.of(name), type, "DEFAULT " + value, true);
    }

    /** A table; {@code primaryKey} is its key column, or null for none. */
    TestLayout table(String name, String primaryKey, Column... tableColumns) {
        columns.put(name, List.of(tableColumns));
        uniques.put(name, new ArrayList<>());
        if (primaryKey != null) {
            primaryKeys.put(name, primaryKey);
        }
        return this;
    }

    TestLayout unique(String table, String name, String... uniqueColumns) {
        uniques.get(table).add(new UniqueKey(SqlName.of(name), SqlName.of(table), names(uniqueColumns)));
        return this;
    }

    TestLayout index(String name, String table, String... indexColumns) {
        indexes.add(new TableIndex(
                SqlName.of(name),
                SqlName.of(table),
                names(indexColumns),
                false,
                "CREATE INDEX " + name + " ON " + table + " (" + String.join(", ", indexColumns) + ")"));
        return this;
    }

    TestLayout foreignKey(String name, String table, String column, String referencedTable, String referencedColumn) {
        foreignKeys.add(new ForeignKey(
                SqlName.of(name),
                SqlName.of(table),
                names(column),
                SqlName.of(referencedTable),
                "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " FOREIGN KEY (" + column + ") REFERENCES "
                        + referencedTable + " (" + referencedColumn + ") ON DELETE CASCADE"));
        return this;
    }

    DdlLayout build() {
        List<Table> tables = new ArrayList<>();
        columns.forEach((name, tableColumns) -> {
            List<String> lines = new ArrayList<>(tableColumns.stream()
                    .map(c -> c.name().sql() + " " + c.definition())
                    .toList());
            SqlName table = SqlName.of(name);
            if (primaryKeys.containsKey(name)) {
                lines.add("CONSTRAINT " + table.name() + "_pkey PRIMARY KEY (" + primaryKeys.get(name) + ")");
            }
            for (UniqueKey unique : uniques.get(name)) {
                lines.add("CONSTRAINT " + unique.name().sql() + " UNIQUE ("
                        + unique.columns().stream().map(SqlName::sql).collect(Collectors.joining(", ")) + ")");
            }
            tables.add(new Table(
                    table,
                    tableColumns,
                    uniques.get(name),
                    "CREATE TABLE " + name + " (\n    " + String.join(",\n    ", lines) + "\n)"));
        });
        return new DdlLayout(dialect, tables, indexes, foreignKeys);
    }

    /** The layout file's text. */
    String text() {
        return build().write("Hand-made for a test.");
    }

    private static List<SqlName> names(String... names) {
        return Arrays.stream(names).map(SqlName::of).toList();
    }
}
