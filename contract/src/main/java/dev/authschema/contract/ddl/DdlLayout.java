package dev.authschema.contract.ddl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a generated DDL script creates, as data: the code generator writes it next to each script
 * ({@code ddl/<dialect>.layout}) and the runtime's schema synchronizer reads it, so that neither parses SQL.
 *
 * <p>The file is UTF-8 text, one element per line, fields separated by a tab; in a field a backslash, tab,
 * carriage return and line feed are written {@code \\}, {@code \t}, {@code \r}, {@code \n}. Lines starting
 * with {@code #} and empty lines are comments. The first other line is {@code layout 1 <dialect>}; then
 * <pre>
 * table       name  create-statement
 * column      table name type fill null|not-null     (fill empty when none; after its table)
 * unique      table name column...                   (name empty when none; after its table)
 * index       table name unique|plain statement column...
 * foreign-key table name referenced-table statement column...
 * </pre>
 * Statements are written without their {@code ;}. Reading checks that each is one statement of its element's kind
 * for the object the element names ({@code CREATE TABLE name (}, {@code CREATE [UNIQUE|FULLTEXT] INDEX name ON table (},
 * {@code ALTER TABLE table ADD CONSTRAINT name FOREIGN KEY (}), so a layout never runs anything else.
 *
 * @param dialect     the database the script is for
 * @param tables      the tables, in the script's order
 * @param indexes     the indexes, in the script's order
 * @param foreignKeys the foreign keys, in the script's order
 */
public record DdlLayout(Dialect dialect, List<Table> tables, List<TableIndex> indexes, List<ForeignKey> foreignKeys) {

    /** The format's version, the second field of the {@code layout} line. */
    public static final String VERSION = "1";

    private static final char TAB = '\t';
    /** What follows {@code CREATE INDEX name ON table }: the column list, or an access method and the column list. */
    private static final Pattern ACCESS_METHOD = Pattern.compile("(USING [A-Z]+ )?\\(");

    public DdlLayout {
        Objects.requireNonNull(dialect, "dialect");
        tables = List.copyOf(tables);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
    }

    /** "a, b" for statements and messages. */
    static String columnList(List<SqlName> columns) {
        return columns.stream().map(SqlName::sql).collect(Collectors.joining(", "));
    }

    /** The file's text, headed by a comment naming its source. */
    public String write(String comment) {
        StringBuilder out = new StringBuilder();
        comment.lines().forEach(line -> out.append("# ").append(line).append('\n'));
        line(out, "layout", VERSION, dialect.id());
        for (Table table : tables) {
            line(out, "table", table.name().sql(), table.createStatement());
            for (Column column : table.columns()) {
                line(
                        out,
                        "column",
                        table.name().sql(),
                        column.name().sql(),
                        column.type(),
                        column.fill() == null ? "" : column.fill(),
                        column.notNull() ? "not-null" : "null");
            }
            for (UniqueKey unique : table.uniques()) {
                line(
                        out,
                        "unique",
                        fields(
                                unique.columns(),
                                table.name().sql(),
                                unique.name() == null ? "" : unique.name().sql()));
            }
        }
        for (TableIndex index : indexes) {
            line(
                    out,
                    "index",
                    fields(
                            index.columns(),
                            index.table().sql(),
                            index.name().sql(),
                            index.unique() ? "unique" : "plain",
                            index.statement()));
        }
        for (ForeignKey key : foreignKeys) {
            line(
                    out,
                    "foreign-key",
                    fields(
                            key.columns(),
                            key.table().sql(),
                            key.name().sql(),
                            key.referencedTable().sql(),
                            key.statement()));
        }
        return out.toString();
    }

    /** The fields, then the names. */
    private static String[] fields(List<SqlName> names, String... fields) {
        List<String> out = new ArrayList<>(List.of(fields));
        names.forEach(name -> out.add(name.sql()));
        return out.toArray(String[]::new);
    }

    private static void line(StringBuilder out, String kind, String... fields) {
        out.append(kind);
        for (String field : fields) {
            out.append(TAB);
            for (int i = 0; i < field.length(); i++) {
                char c = field.charAt(i);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\r' -> out.append("\\r");
                    case '\n' -> out.append("\\n");
                    default -> out.append(c);
                }
            }
        }
        out.append('\n');
    }

    /**
     * Reads a layout file.
     *
     * @throws IllegalArgumentException naming the line that is not in the format
     */
    public static DdlLayout read(String text) {
        Reader reader = new Reader();
        int number = 0;
        for (String content : text.lines().toList()) {
            number++;
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            try {
                reader.add(fields(content));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("DDL layout line " + number + ": " + e.getMessage(), e);
            }
        }
        if (reader.dialect == null) {
            throw new IllegalArgumentException(
                    "DDL layout: no 'layout " + VERSION + " <dialect>' line; is this a layout file?");
        }
        return reader.layout();
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == TAB) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\\') {
                char next = ++i < line.length() ? line.charAt(i) : 0;
                field.append(
                        switch (next) {
                            case '\\' -> '\\';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            case 'n' -> '\n';
                            default -> throw new IllegalArgumentException("'\\' must be followed by \\, t, r or n");
                        });
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** Collects the lines; a table's columns and unique constraints follow it. */
    private static final class Reader {

        private Dialect dialect;
        private final Map<SqlName, TableParts> tables = new LinkedHashMap<>();
        private final List<TableIndex> indexes = new ArrayList<>();
        private final List<ForeignKey> foreignKeys = new ArrayList<>();

        private record TableParts(String createStatement, List<Column> columns, List<UniqueKey> uniques) {}

        void add(List<String> line) {
            String kind = line.get(0);
            if (dialect == null && !kind.equals("layout")) {
                throw new IllegalArgumentException("'" + kind + "' before the 'layout' line");
            }
            switch (kind) {
                case "layout" -> layout(line);
                case "table" -> {
                    count(line, 3, 3);
                    String create = statement(
                            line.get(2),
                            "CREATE TABLE " + SqlName.of(line.get(1)).sql() + " (");
                    if (tables.putIfAbsent(
                                    SqlName.of(line.get(1)),
                                    new TableParts(create, new ArrayList<>(), new ArrayList<>()))
                            != null) {
                        throw new IllegalArgumentException("table " + line.get(1) + " is listed twice");
                    }
                }
                case "column" -> {
                    count(line, 6, 6);
                    String nullability = line.get(5);
                    if (!nullability.equals("null") && !nullability.equals("not-null")) {
                        throw new IllegalArgumentException(
                                "a column is 'null' or 'not-null', not '" + nullability + "'");
                    }
                    table(line.get(1))
                            .columns
                            .add(new Column(
                                    SqlName.of(line.get(2)),
                                    nonEmpty(line.get(3), "type"),
                                    line.get(4).isEmpty() ? null : line.get(4),
                                    nullability.equals("not-null")));
                }
                case "unique" -> {
                    count(line, 4, Integer.MAX_VALUE);
                    SqlName table = SqlName.of(line.get(1));
                    table(line.get(1))
                            .uniques
                            .add(new UniqueKey(
                                    line.get(2).isEmpty() ? null : SqlName.of(line.get(2)), table, names(line, 3)));
                }
                case "index" -> {
                    count(line, 6, Integer.MAX_VALUE);
                    String uniqueness = line.get(3);
                    if (!uniqueness.equals("unique") && !uniqueness.equals("plain")) {
                        throw new IllegalArgumentException("an index is 'unique' or 'plain', not '" + uniqueness + "'");
                    }
                    boolean unique = uniqueness.equals("unique");
                    // A plain index may be MySQL's full-text one (@@fulltext).
                    boolean fulltext = !unique && line.get(4).regionMatches(true, 0, FULLTEXT, 0, FULLTEXT.length());
                    String start = (unique ? "CREATE UNIQUE INDEX " : fulltext ? FULLTEXT : "CREATE INDEX ")
                            + SqlName.of(line.get(2)).sql() + " ON "
                            + SqlName.of(line.get(1)).sql() + " ";
                    String statement = statement(line.get(4), start);
                    // The columns follow at once, or after PostgreSQL's access method (USING HASH, USING GIN, ...).
                    if (!ACCESS_METHOD
                            .matcher(statement.substring(start.length()))
                            .lookingAt()) {
                        throw new IllegalArgumentException(
                                "the statement must go on with '(' or 'USING <method> (' after '" + start + "'");
                    }
                    indexes.add(new TableIndex(
                            SqlName.of(line.get(2)), SqlName.of(line.get(1)), names(line, 5), unique, statement));
                }
                case "foreign-key" -> {
                    count(line, 6, Integer.MAX_VALUE);
                    String start = "ALTER TABLE " + SqlName.of(line.get(1)).sql() + " ADD CONSTRAINT "
                            + SqlName.of(line.get(2)).sql() + " FOREIGN KEY (";
                    foreignKeys.add(new ForeignKey(
                            SqlName.of(line.get(2)),
                            SqlName.of(line.get(1)),
                            names(line, 5),
                            SqlName.of(line.get(3)),
                            statement(line.get(4), start)));
                }
                default ->
                    throw new IllegalArgumentException("unknown element '" + kind
                            + "': expected layout, table, column, unique, index or foreign-key");
            }
        }

        private void layout(List<String> line) {
            if (dialect != null) {
                throw new IllegalArgumentException("a second 'layout' line");
            }
            count(line, 3, 3);
            if (!line.get(1).equals(VERSION)) {
                throw new IllegalArgumentException("layout format " + line.get(1) + " is not " + VERSION
                        + ": regenerate it with this version's authschema plugin");
            }
            dialect = Dialect.named(line.get(2))
                    .filter(d -> d.id().equals(line.get(2)))
                    .orElseThrow(() -> new IllegalArgumentException("unknown dialect '" + line.get(2) + "'"
                            + Dialect.didYouMean(line.get(2))
                                    .map(s -> "; did you mean '" + s + "'?")
                                    .orElse("")));
        }

        private TableParts table(String name) {
            TableParts parts = tables.get(SqlName.of(name));
            if (parts == null) {
                throw new IllegalArgumentException(
                        "table " + name + " is not listed before its columns and unique constraints");
            }
            return parts;
        }

        private static void count(List<String> line, int min, int max) {
            if (line.size() < min || line.size() > max) {
                throw new IllegalArgumentException("'" + line.get(0) + "' has " + (line.size() - 1)
                        + " fields, expected " + (min == max ? String.valueOf(min - 1) : "at least " + (min - 1)));
            }
        }

        private static String nonEmpty(String field, String what) {
            if (field.isEmpty()) {
                throw new IllegalArgumentException("the " + what + " is empty");
            }
            return field;
        }

        private static List<SqlName> names(List<String> line, int from) {
            return line.subList(from, line.size()).stream().map(SqlName::of).toList();
        }

        DdlLayout layout() {
            List<Table> list = new ArrayList<>();
            tables.forEach((name, parts) -> {
                if (parts.columns.isEmpty()) {
                    throw new IllegalArgumentException("DDL layout: table " + name.sql() + " has no columns");
                }
                list.add(new Table(name, parts.columns, parts.uniques, parts.createStatement));
            });
            return new DdlLayout(dialect, list, indexes, foreignKeys);
        }

        /**
         * A statement of the kind its element says, for the object it names, and only one: a layout that would run
         * anything else (a {@code DROP} above all) is refused before anything runs.
         */
        private static final String FULLTEXT = "CREATE FULLTEXT INDEX ";

        private static String statement(String statement, String expectedStart) {
            if (!statement.regionMatches(true, 0, expectedStart, 0, expectedStart.length())) {
                throw new IllegalArgumentException("the statement must start with '" + expectedStart + "'");
            }
            char quote = 0;
            for (int i = 0; i < statement.length(); i++) {
                char c = statement.charAt(i);
                if (quote != 0) {
                    quote = c == quote ? 0 : quote;
                } else if (c == '\'' || c == '"' || c == '`') {
                    quote = c;
                } else if (c == ';') {
                    throw new IllegalArgumentException("the statement holds a ';': one statement per element");
                }
            }
            return statement;
        }
    }
}
