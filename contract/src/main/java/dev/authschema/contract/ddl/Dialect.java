package dev.authschema.contract.ddl;

import dev.authschema.contract.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The databases AuthSchema generates DDL for, by the one name each goes by everywhere: a schema's datasource
 * {@code provider}, the generated files ({@code ddl/postgresql.sql}, {@code ddl/postgresql.layout}) and the
 * runtime's check that a layout fits the connection. The code generator's SQL spelling and the runtime's drivers
 * are keyed by this enum, each in one place.
 */
public enum Dialect {
    DERBY("derby"),
    POSTGRESQL("postgresql"),
    MYSQL("mysql"),
    MARIADB("mariadb"),
    SQLSERVER("sqlserver");

    /** The seeds' development database; embedded Derby plays its part. */
    public static final String SQLITE = "sqlite";

    private final String id;

    Dialect(String id) {
        this.id = id;
    }

    /** The name: {@code derby}, {@code postgresql}, {@code mysql}, {@code mariadb}, {@code sqlserver}. */
    public String id() {
        return id;
    }

    /** The dialect of a name as a schema or a file writes it; {@code sqlite} is Derby. */
    public static Optional<Dialect> named(String name) {
        if (SQLITE.equals(name)) {
            return Optional.of(DERBY);
        }
        return Arrays.stream(values()).filter(d -> d.id.equals(name)).findFirst();
    }

    /** Every name {@link #named} accepts, {@code sqlite} last. */
    public static List<String> names() {
        List<String> names =
                new ArrayList<>(Arrays.stream(values()).map(Dialect::id).toList());
        names.add(SQLITE);
        return List.copyOf(names);
    }

    /** The accepted dialect name a misspelt one is closest to, if any is close. */
    public static Optional<String> didYouMean(String name) {
        return Suggestions.closest(name, names());
    }

    /** MySQL and MariaDB share a script's syntax and a connection may report either. */
    public boolean isMySqlFamily() {
        return this == MYSQL || this == MARIADB;
    }

    /** The generated DDL script, relative to the output root: {@code ddl/<id>.sql}. */
    public String scriptFile() {
        return "ddl/" + id + ".sql";
    }

    /** The generated {@link DdlLayout} of that script, relative to the output root: {@code ddl/<id>.layout}. */
    public String layoutFile() {
        return "ddl/" + id + ".layout";
    }
}
