package dev.authschema.database;

import java.util.regex.Pattern;

/**
 * A table, column, index or constraint name as a DDL script writes it: plain ({@code users}, folded to
 * the database's case) or quoted ({@code "User"}, {@code `order`}, {@code [key]}: kept as written).
 *
 * @param sql    the name as written, quotes included, to put back into statements
 * @param name   the name without quotes
 * @param quoted whether it was quoted
 */
record SqlName(String sql, String name, boolean quoted) {

    /** One identifier, quoted in any supported database's way or plain. */
    static final String PATTERN = "\"[^\"]+\"|`[^`]+`|\\[[^\\]]+\\]|[A-Za-z_][A-Za-z0-9_$]*";

    private static final Pattern WHOLE = Pattern.compile(PATTERN);

    static SqlName of(String sql) {
        if (!WHOLE.matcher(sql).matches()) {
            throw new IllegalArgumentException("'" + sql + "' is not an SQL name");
        }
        char first = sql.charAt(0);
        boolean quoted = first == '"' || first == '`' || first == '[';
        return new SqlName(sql, quoted ? sql.substring(1, sql.length() - 1) : sql, quoted);
    }

    @Override
    public String toString() {
        return sql;
    }
}
