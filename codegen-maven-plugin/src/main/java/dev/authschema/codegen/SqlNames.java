package dev.authschema.codegen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Table, column and constraint names as SQL sees them. A name that any supported database reserves
 * ({@code USER} in Derby and PostgreSQL, {@code ORDER} everywhere, {@code AT} in Derby ...) is quoted
 * in the entities and in every DDL script alike; other names stay unquoted, so they read naturally and
 * fold to each database's case the same way in both.
 */
public final class SqlNames {

    /** PostgreSQL cuts identifiers at 63 bytes, MySQL at 64: generated names stay within 63. */
    public static final int MAX_IDENTIFIER_LENGTH = 63;

    /** Reserved words of SQL:2016, Derby 10.16, PostgreSQL 15, MySQL 8 / MariaDB 10.11 and SQL Server 2022, lower-cased. */
    private static final Set<String> RESERVED = Set.of(
            "absolute", "access", "accessible", "action", "add", "all", "allocate", "alter", "analyse", "analyze", "and", "any", "are",
            "array", "as", "asc", "asensitive", "assertion", "asymmetric", "at", "authorization", "avg", "backup", "before", "begin",
            "between", "bigint", "binary", "bit", "bit_length", "blob", "boolean", "both", "break", "browse", "bulk", "by", "call",
            "called", "cascade", "cascaded", "case", "cast", "catalog", "change", "char", "char_length", "character", "character_length",
            "check", "checkpoint", "clob", "close", "clustered", "coalesce", "collate", "collation", "column", "commit", "compute",
            "concurrently", "condition", "connect", "connection", "constraint", "constraints", "containstable", "continue", "convert",
            "corresponding", "count", "create", "cross", "cube", "current", "current_catalog", "current_date", "current_role",
            "current_schema", "current_time", "current_timestamp", "current_user", "cursor", "cycle", "database", "databases", "date",
            "day", "day_hour", "day_microsecond", "day_minute", "day_second", "dbcc", "deallocate", "dec", "decimal", "declare",
            "default", "deferrable", "deferred", "delayed", "delete", "deny", "desc", "describe", "descriptor", "deterministic",
            "diagnostics", "disconnect", "disk", "distinct", "distinctrow", "distributed", "div", "do", "domain", "double", "drop",
            "dual", "dump", "dynamic", "each", "element", "else", "elseif", "enclosed", "end", "end-exec", "errlvl", "escape", "escaped",
            "except", "exception", "exec", "execute", "exists", "exit", "explain", "external", "extract", "false", "fetch", "file",
            "fillfactor", "filter", "first", "float", "float4", "float8", "for", "force", "foreign", "found", "free", "freetext",
            "freetexttable", "freeze", "from", "full", "fulltext", "function", "generated", "get", "global", "go", "goto", "grant",
            "group", "grouping", "groups", "having", "high_priority", "hold", "holdlock", "hour", "hour_microsecond", "hour_minute",
            "hour_second", "identity", "identity_insert", "identitycol", "if", "ignore", "ilike", "immediate", "in", "index", "indicator",
            "infile", "initially", "inner", "inout", "input", "insensitive", "insert", "int", "int1", "int2", "int3", "int4", "int8",
            "integer", "intersect", "interval", "into", "is", "isnull", "isolation", "iterate", "join", "key", "keys", "kill", "language",
            "large", "last", "lateral", "leading", "leave", "left", "level", "like", "limit", "linear", "lineno", "lines", "load",
            "local", "localtime", "localtimestamp", "lock", "long", "longblob", "longtext", "loop", "low_priority", "lower", "match",
            "max", "maxvalue", "mediumblob", "mediumint", "mediumtext", "merge", "method", "middleint", "min", "minute",
            "minute_microsecond", "minute_second", "mod", "modifies", "module", "month", "names", "national", "natural", "nchar", "nclob",
            "new", "next", "no", "no_write_to_binlog", "nocheck", "nonclustered", "none", "not", "notnull", "null", "nullif", "numeric",
            "octet_length", "of", "off", "offset", "offsets", "old", "on", "only", "open", "opendatasource", "openquery", "openrowset",
            "openxml", "optimize", "option", "optionally", "or", "order", "out", "outer", "outfile", "output", "over", "overlaps",
            "overlay", "pad", "parameter", "partial", "partition", "percent", "pivot", "placing", "plan", "position", "precision",
            "prepare", "preserve", "primary", "print", "prior", "privileges", "proc", "procedure", "public", "purge", "raiserror",
            "range", "read", "read_write", "reads", "readtext", "real", "reconfigure", "recursive", "ref", "references", "referencing",
            "regexp", "release", "relative", "rename", "repeat", "replace", "replication", "require", "resignal", "restore", "restrict",
            "result", "return", "returning", "returns", "revert", "revoke", "right", "rlike", "role", "rollback", "rollup", "routine",
            "row", "rowcount", "rowguidcol", "rownumber", "rows", "rule", "save", "savepoint", "schema", "schemas", "scroll", "search",
            "second", "second_microsecond", "section", "securityaudit", "select", "semantickeyphrasetable",
            "semanticsimilaritydetailstable", "semanticsimilaritytable", "sensitive", "separator", "session", "session_user", "set",
            "setuser", "show", "shutdown", "signal", "similar", "size", "smallint", "some", "space", "spatial", "specific", "sql",
            "sql_big_result", "sql_calc_found_rows", "sql_small_result", "sqlcode", "sqlerror", "sqlexception", "sqlstate",
            "sqlwarning", "ssl", "start", "starting", "static", "statistics", "stored", "straight_join", "submultiset", "substring",
            "sum", "symmetric", "system", "system_user", "table", "tablesample", "temporary", "terminated", "textsize", "then", "time",
            "timestamp", "timezone_hour", "timezone_minute", "tinyblob", "tinyint", "tinytext", "to", "top", "trailing", "tran",
            "transaction", "translate", "translation", "treat", "trigger", "trim", "true", "truncate", "try_convert", "tsequal", "undo",
            "union", "unique", "unknown", "unlock", "unnest", "unpivot", "unsigned", "update", "updatetext", "upper", "usage", "use",
            "user", "using", "utc_date", "utc_time", "utc_timestamp", "value", "values", "varbinary", "varchar", "varcharacter",
            "variadic", "varying", "verbose", "view", "virtual", "waitfor", "when", "whenever", "where", "while", "window", "with",
            "within", "without", "work", "write", "writetext", "xml", "xor", "year", "year_month", "zerofill", "zone");

    private SqlNames() {}

    public static boolean isReserved(String name) {
        return RESERVED.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether a name must be quoted to mean itself on every database: a reserved word, or a name that
     * is not a plain identifier (it starts with a digit or holds characters other than letters, digits, {@code _}).
     */
    public static boolean needsQuotes(String name) {
        return isReserved(name) || !name.matches("[A-Za-z_][A-Za-z0-9_]*");
    }

    /** The name as a JPA annotation takes it: quoted with {@code \"} (EclipseLink turns that into each platform's delimiter) when needed. */
    public static String jpa(String name) {
        return needsQuotes(name) ? "\"" + name + "\"" : name;
    }

    /**
     * A constraint or index name built like Prisma's ({@code table_col1_col2_key}), shortened with a
     * hash when it would pass the databases' length limit.
     */
    public static String constraintName(String table, List<String> columns, String suffix) {
        String name = columns.isEmpty() ? table + "_" + suffix : table + "_" + String.join("_", columns) + "_" + suffix;
        if (name.length() <= MAX_IDENTIFIER_LENGTH) {
            return name;
        }
        String hash = sha256(name).substring(0, 8);
        return name.substring(0, MAX_IDENTIFIER_LENGTH - suffix.length() - hash.length() - 2) + "_" + hash + "_" + suffix;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
