package dev.authschema.database;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A generated DDL script, read into what it creates. The generator's format is regular: {@code --}
 * comment lines, then statements that each end with {@code ;} at a line end; a {@code CREATE TABLE}
 * has one column or constraint per line. Only {@code CREATE TABLE}, {@code CREATE [UNIQUE] INDEX} and
 * {@code ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY | UNIQUE} are accepted: anything else (a
 * {@code DROP} above all) is an error, not something to run.
 */
final class DdlScript {

    private static final String NAME = "(" + SqlName.PATTERN + ")";
    private static final String LIST = "\\(([^()]*)\\)";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern HEADER = Pattern.compile("--.* for (\\w+)\\..*");
    private static final Pattern CREATE_TABLE = Pattern.compile("CREATE\\s+TABLE\\s+" + NAME + "\\s*\\((.*)\\)([^()]*)", FLAGS);
    private static final Pattern CREATE_INDEX = Pattern.compile("CREATE\\s+(UNIQUE\\s+)?INDEX\\s+" + NAME + "\\s+ON\\s+" + NAME + "\\s*" + LIST,
            FLAGS);
    private static final Pattern ADD_FOREIGN_KEY = Pattern.compile("ALTER\\s+TABLE\\s+" + NAME + "\\s+ADD\\s+CONSTRAINT\\s+" + NAME
            + "\\s+FOREIGN\\s+KEY\\s*" + LIST + "\\s*REFERENCES\\s+" + NAME + "\\s*" + LIST + ".*", FLAGS);
    private static final Pattern ADD_UNIQUE = Pattern.compile("ALTER\\s+TABLE\\s+" + NAME + "\\s+ADD\\s+(?:CONSTRAINT\\s+" + NAME
            + "\\s+)?UNIQUE\\s*" + LIST, FLAGS);
    private static final Pattern PRIMARY_KEY_LINE = Pattern.compile("(?:CONSTRAINT\\s+" + NAME + "\\s+)?PRIMARY\\s+KEY\\s*" + LIST, FLAGS);
    private static final Pattern UNIQUE_LINE = Pattern.compile("(?:CONSTRAINT\\s+" + NAME + "\\s+)?UNIQUE\\s*" + LIST, FLAGS);
    private static final Pattern COLUMN_LINE = Pattern.compile(NAME + "\\s+(.+)", FLAGS);

    private final String dialectId;
    private final List<TableDefinition> tables = new ArrayList<>();
    private final List<UniqueDefinition> uniques = new ArrayList<>();
    private final List<IndexDefinition> indexes = new ArrayList<>();
    private final List<ForeignKeyDefinition> foreignKeys = new ArrayList<>();

    private DdlScript(String dialectId) {
        this.dialectId = dialectId;
    }

    /**
     * Reads a script.
     *
     * @throws IllegalArgumentException naming the line of a statement that is not one of the accepted kinds
     */
    static DdlScript parse(String script) {
        List<String> lines = script.replace("\r\n", "\n").lines().toList();
        String dialect = null;
        if (!lines.isEmpty()) {
            Matcher header = HEADER.matcher(lines.get(0));
            dialect = header.matches() ? header.group(1) : null;
        }
        DdlScript parsed = new DdlScript(dialect);
        StringBuilder statement = new StringBuilder();
        int startLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith("--") || (statement.length() == 0 && line.isBlank())) {
                continue;
            }
            if (statement.length() == 0) {
                startLine = i + 1;
            }
            statement.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                String text = statement.toString().strip();
                parsed.add(text.substring(0, text.length() - 1).strip(), startLine);
                statement.setLength(0);
            }
        }
        if (!statement.toString().isBlank()) {
            throw new IllegalArgumentException("DDL script line " + startLine + ": the last statement does not end with ';'");
        }
        return parsed;
    }

    private void add(String statement, int line) {
        Matcher table = CREATE_TABLE.matcher(statement);
        if (table.matches()) {
            tables.add(table(SqlName.of(table.group(1)), table.group(2), statement, line));
            return;
        }
        Matcher index = CREATE_INDEX.matcher(statement);
        if (index.matches()) {
            indexes.add(new IndexDefinition(SqlName.of(index.group(2)), SqlName.of(index.group(3)), names(index.group(4), line),
                    index.group(1) != null, statement));
            return;
        }
        Matcher foreignKey = ADD_FOREIGN_KEY.matcher(statement);
        if (foreignKey.matches()) {
            foreignKeys.add(new ForeignKeyDefinition(SqlName.of(foreignKey.group(2)), SqlName.of(foreignKey.group(1)),
                    names(foreignKey.group(3), line), SqlName.of(foreignKey.group(4)), statement));
            return;
        }
        Matcher unique = ADD_UNIQUE.matcher(statement);
        if (unique.matches()) {
            uniques.add(new UniqueDefinition(unique.group(2) == null ? null : SqlName.of(unique.group(2)), SqlName.of(unique.group(1)),
                    names(unique.group(3), line)));
            return;
        }
        String firstLine = statement.lines().findFirst().orElse("");
        throw new IllegalArgumentException("DDL script line " + line + ": cannot apply '" + firstLine + "': a generated script holds only"
                + " CREATE TABLE, CREATE INDEX and ALTER TABLE ... ADD CONSTRAINT (FOREIGN KEY or UNIQUE) statements");
    }

    private static TableDefinition table(SqlName name, String body, String statement, int line) {
        List<ColumnDefinition> columns = new ArrayList<>();
        List<UniqueDefinition> uniques = new ArrayList<>();
        List<String> bodyLines = body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (int i = 0; i < bodyLines.size(); i++) {
            String text = bodyLines.get(i);
            text = text.endsWith(",") ? text.substring(0, text.length() - 1).stripTrailing() : text;
            int lineNumber = line + 1 + i;
            Matcher unique = UNIQUE_LINE.matcher(text);
            if (PRIMARY_KEY_LINE.matcher(text).matches()) {
                continue;
            }
            if (unique.matches()) {
                uniques.add(new UniqueDefinition(unique.group(1) == null ? null : SqlName.of(unique.group(1)), name,
                        names(unique.group(2), lineNumber)));
                continue;
            }
            Matcher column = COLUMN_LINE.matcher(text);
            if (!column.matches() || text.regionMatches(true, 0, "CONSTRAINT ", 0, 11)) {
                throw new IllegalArgumentException("DDL script line " + lineNumber + ": cannot read '" + text + "' in CREATE TABLE " + name.sql()
                        + ": expected one column, PRIMARY KEY or UNIQUE constraint per line");
            }
            columns.add(new ColumnDefinition(SqlName.of(column.group(1)), column.group(2).strip()));
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("DDL script line " + line + ": CREATE TABLE " + name.sql() + " has no columns");
        }
        return new TableDefinition(name, columns, uniques, statement);
    }

    private static List<SqlName> names(String list, int line) {
        List<SqlName> names = new ArrayList<>();
        for (String part : list.split(",")) {
            String text = part.strip();
            if (!text.matches(SqlName.PATTERN)) {
                throw new IllegalArgumentException("DDL script line " + line + ": '" + text + "' is not a column name");
            }
            names.add(SqlName.of(text));
        }
        return names;
    }

    static String columnList(List<SqlName> columns) {
        return columns.stream().map(SqlName::sql).collect(Collectors.joining(", "));
    }

    /** The dialect the header comment names ({@code -- Generated ... for postgresql.}), if it names one. */
    Optional<String> dialectId() {
        return Optional.ofNullable(dialectId);
    }

    List<TableDefinition> tables() {
        return List.copyOf(tables);
    }

    /** Unique constraints added by {@code ALTER TABLE}; those inside a {@code CREATE TABLE} belong to its {@link TableDefinition}. */
    List<UniqueDefinition> uniques() {
        return List.copyOf(uniques);
    }

    List<IndexDefinition> indexes() {
        return List.copyOf(indexes);
    }

    List<ForeignKeyDefinition> foreignKeys() {
        return List.copyOf(foreignKeys);
    }
}
