package dev.authschema.contract.ddl;

/**
 * A table, column, index or constraint name as a DDL script writes it: plain ({@code users}, folded to the
 * database's case) or quoted ({@code "User"}, {@code `order`}, {@code [key]}: kept as written).
 *
 * @param sql    the name as written, quotes included, to put into statements
 * @param name   the name without quotes
 * @param quoted whether it is quoted
 */
public record SqlName(String sql, String name, boolean quoted) {

    /**
     * A name as written.
     *
     * @throws IllegalArgumentException for an empty name, an unclosed quote or a character no name may hold
     */
    public static SqlName of(String sql) {
        if (sql == null || sql.isEmpty()) {
            throw new IllegalArgumentException("an SQL name is missing");
        }
        char first = sql.charAt(0);
        char close = switch (first) {
            case '"' -> '"';
            case '`' -> '`';
            case '[' -> ']';
            default -> 0;
        };
        if (close != 0) {
            String inner = sql.length() > 2 ? sql.substring(1, sql.length() - 1) : "";
            if (sql.charAt(sql.length() - 1) != close || inner.isEmpty() || inner.indexOf(close) >= 0) {
                throw new IllegalArgumentException(
                        "'" + sql + "' is not an SQL name: its quote is not closed once at its end");
            }
            return new SqlName(sql, inner, true);
        }
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
            if (!letter && (i == 0 || !((c >= '0' && c <= '9') || c == '$'))) {
                throw new IllegalArgumentException(
                        "'" + sql + "' is not an SQL name: quote it or use letters, digits and _");
            }
        }
        return new SqlName(sql, sql, false);
    }

    @Override
    public String toString() {
        return sql;
    }
}
