package dev.authschema.database;

import dev.authschema.contract.ddl.SqlName;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * How a database stores the names a script writes: Derby upper-cases plain names, PostgreSQL
 * lower-cases them, MySQL and MariaDB keep them (and compare column, index and constraint names
 * without regard to case). Quoted names are stored as written everywhere.
 */
final class IdentifierCase {

    private final boolean upper;
    private final boolean lower;
    private final boolean namesIgnoreCase;
    private final boolean tablesIgnoreCase;

    private IdentifierCase(boolean upper, boolean lower, boolean namesIgnoreCase, boolean tablesIgnoreCase) {
        this.upper = upper;
        this.lower = lower;
        this.namesIgnoreCase = namesIgnoreCase;
        this.tablesIgnoreCase = tablesIgnoreCase;
    }

    static IdentifierCase of(DatabaseMetaData metaData, DatabaseDialect dialect) throws SQLException {
        boolean mysqlFamily = dialect == DatabaseDialect.MYSQL || dialect == DatabaseDialect.MARIADB;
        // MySQL's table names follow the file system (lower_case_table_names); the driver reports it this way.
        boolean tablesIgnoreCase = mysqlFamily && !metaData.supportsMixedCaseIdentifiers();
        return new IdentifierCase(
                metaData.storesUpperCaseIdentifiers(),
                metaData.storesLowerCaseIdentifiers(),
                mysqlFamily,
                tablesIgnoreCase);
    }

    /** The name as the database stores it. */
    String fold(SqlName name) {
        if (name.quoted()) {
            return name.name();
        }
        if (upper) {
            return name.name().toUpperCase(Locale.ROOT);
        }
        return lower ? name.name().toLowerCase(Locale.ROOT) : name.name();
    }

    /** Whether a table name from the metadata is the script's table. */
    boolean isTable(String stored, SqlName name) {
        return stored != null
                && (stored.equals(fold(name)) || (tablesIgnoreCase && stored.equalsIgnoreCase(name.name())));
    }

    /** Whether a column, index or constraint name from the metadata is the script's name. */
    boolean isSame(String stored, SqlName name) {
        return stored != null
                && (stored.equals(fold(name)) || (namesIgnoreCase && stored.equalsIgnoreCase(name.name())));
    }
}
