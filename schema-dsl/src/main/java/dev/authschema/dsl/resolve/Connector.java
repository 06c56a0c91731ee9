package dev.authschema.dsl.resolve;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Prisma's connector for a datasource's {@code provider}: the rules that differ by database (native types
 * and their limits, enums, named constraints, referential actions). {@link Provider} is the DDL dialect;
 * this is what Prisma 6 would check. {@code derby} and {@code mariadb} are this project's own providers.
 * {@link #NONE} stands for a schema without a datasource, on which Prisma checks no database rule.
 */
enum Connector {
    POSTGRESQL("Postgres", 63),
    COCKROACHDB("CockroachDB", 63),
    MYSQL("MySQL", 64),
    MARIADB("MySQL", 64),
    SQLITE("SQLite", Integer.MAX_VALUE),
    SQLSERVER("SQL Server", 128),
    DERBY("Derby", 128),
    NONE("", Integer.MAX_VALUE);

    private static final Set<String> POSTGRESQL_TYPES = Set.of(
            "Text",
            "Char",
            "VarChar",
            "Bit",
            "VarBit",
            "Uuid",
            "Xml",
            "Inet",
            "Citext",
            "Boolean",
            "Integer",
            "SmallInt",
            "Oid",
            "BigInt",
            "Decimal",
            "Money",
            "Real",
            "DoublePrecision",
            "Timestamp",
            "Timestamptz",
            "Date",
            "Time",
            "Timetz",
            "Json",
            "JsonB",
            "ByteA",
            "Bytea");
    private static final Set<String> COCKROACHDB_TYPES = Set.of(
            "String",
            "Char",
            "CatalogSingleChar",
            "Bit",
            "VarBit",
            "Uuid",
            "Inet",
            "Bool",
            "Int2",
            "Int4",
            "Int8",
            "Oid",
            "Float4",
            "Float8",
            "Decimal",
            "Timestamp",
            "Timestamptz",
            "Date",
            "Time",
            "Timetz",
            "JsonB",
            "Bytes");
    private static final Set<String> MYSQL_TYPES = Set.of(
            "VarChar",
            "Text",
            "Char",
            "TinyText",
            "MediumText",
            "LongText",
            "Bit",
            "Binary",
            "VarBinary",
            "TinyBlob",
            "Blob",
            "MediumBlob",
            "LongBlob",
            "Int",
            "UnsignedInt",
            "SmallInt",
            "UnsignedSmallInt",
            "TinyInt",
            "UnsignedTinyInt",
            "MediumInt",
            "UnsignedMediumInt",
            "BigInt",
            "UnsignedBigInt",
            "Decimal",
            "Float",
            "Double",
            "DateTime",
            "Date",
            "Time",
            "Timestamp",
            "Year",
            "Json");
    private static final Set<String> SQLSERVER_TYPES = Set.of(
            "Char",
            "NChar",
            "VarChar",
            "NVarChar",
            "Text",
            "NText",
            "Xml",
            "UniqueIdentifier",
            "TinyInt",
            "SmallInt",
            "Int",
            "BigInt",
            "Bit",
            "Decimal",
            "Money",
            "SmallMoney",
            "Float",
            "Real",
            "Date",
            "Time",
            "DateTime",
            "DateTime2",
            "SmallDateTime",
            "DateTimeOffset",
            "Binary",
            "VarBinary",
            "Image");
    /** MySQL types that cannot be in a key without a prefix length. */
    private static final Set<String> MYSQL_UNKEYABLE =
            Set.of("Text", "TinyText", "MediumText", "LongText", "Blob", "TinyBlob", "MediumBlob", "LongBlob");

    private static final Set<String> SQLSERVER_UNKEYABLE = Set.of("Text", "NText", "Image", "Xml");

    private final String displayName;
    private final int maxIdentifierLength;

    Connector(String displayName, int maxIdentifierLength) {
        this.displayName = displayName;
        this.maxIdentifierLength = maxIdentifierLength;
    }

    /** The connector of a {@code provider} value; empty for an unknown one. */
    static Optional<Connector> of(String provider) {
        return switch (provider.toLowerCase(Locale.ROOT).equals(provider) ? provider : "") {
            case "postgresql", "postgres" -> Optional.of(POSTGRESQL);
            case "cockroachdb" -> Optional.of(COCKROACHDB);
            case "mysql" -> Optional.of(MYSQL);
            case "mariadb" -> Optional.of(MARIADB);
            case "sqlite" -> Optional.of(SQLITE);
            case "sqlserver" -> Optional.of(SQLSERVER);
            case "derby" -> Optional.of(DERBY);
            default -> Optional.empty();
        };
    }

    /** The DDL dialect the connector generates: CockroachDB speaks PostgreSQL's, SQLite is played by Derby. */
    Provider provider() {
        return switch (this) {
            case POSTGRESQL, COCKROACHDB -> Provider.POSTGRESQL;
            case MYSQL -> Provider.MYSQL;
            case MARIADB -> Provider.MARIADB;
            case SQLSERVER -> Provider.SQLSERVER;
            case SQLITE, DERBY, NONE -> Provider.DERBY;
        };
    }

    String displayName() {
        return displayName;
    }

    /** Prisma's name of the connector in "not supported for X connector" messages. */
    String prismaName() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean isPrisma() {
        return this != DERBY && this != NONE;
    }

    boolean isMysql() {
        return this == MYSQL || this == MARIADB;
    }

    boolean isPostgres() {
        return this == POSTGRESQL || this == COCKROACHDB;
    }

    /** The native types Prisma knows for this connector; null when any of {@link NativeTypes} goes (Derby, none). */
    Set<String> nativeTypes() {
        return switch (this) {
            case POSTGRESQL -> POSTGRESQL_TYPES;
            case COCKROACHDB -> COCKROACHDB_TYPES;
            case MYSQL, MARIADB -> MYSQL_TYPES;
            case SQLSERVER -> SQLSERVER_TYPES;
            case SQLITE -> Set.of();
            case DERBY, NONE -> null;
        };
    }

    boolean supportsEnums() {
        return this != SQLSERVER;
    }

    /** Whether {@code sort} may be given on a primary key ({@code @id}, {@code @@id}). */
    boolean supportsPrimaryKeySort() {
        return this == SQLSERVER || this == NONE || this == DERBY;
    }

    boolean supportsJson() {
        return this != SQLSERVER;
    }

    boolean supportsNamedForeignKeys() {
        return this != SQLITE;
    }

    boolean supportsNamedDefaults() {
        return this == SQLSERVER;
    }

    /** Whether two models may use the same index name (MySQL and SQL Server scope index names to their table). */
    boolean indexNamesPerTable() {
        return isMysql() || this == SQLSERVER;
    }

    int maxIdentifierLength() {
        return maxIdentifierLength;
    }

    /** Whether autoincrement() may be the default of a field that is not the id. */
    boolean autoincrementOnlyOnId() {
        return this == SQLITE;
    }

    boolean supportsScalarLists() {
        return isPostgres();
    }

    /** Why this native type cannot be in a key (id, unique, index without length), or null when it can. */
    String unkeyableReason(NativeType type) {
        boolean max = type.arguments().contains("Max");
        if (isMysql() && MYSQL_UNKEYABLE.contains(type.name())) {
            return "MySQL";
        }
        if (this == SQLSERVER && (SQLSERVER_UNKEYABLE.contains(type.name()) || max)) {
            return "SQL Server";
        }
        if (isPostgres() && type.name().equals("Xml")) {
            return "Postgres";
        }
        return null;
    }

    /** Whether a prefix length on the key's field lifts {@link #unkeyableReason} (MySQL only). */
    boolean keyLengthHelps() {
        return isMysql();
    }

    /**
     * The referential actions Prisma's client emulates with {@code relationMode = "prisma"}: no {@code SetDefault},
     * and no {@code NoAction} on PostgreSQL and SQLite (CockroachDB keeps it).
     */
    List<String> emulatedReferentialActions() {
        return this == POSTGRESQL || this == SQLITE
                ? List.of("Cascade", "Restrict", "SetNull")
                : List.of("Cascade", "Restrict", "NoAction", "SetNull");
    }

    /** The referential actions Prisma allows with foreign keys. */
    List<String> referentialActions() {
        return this == SQLSERVER
                ? List.of("Cascade", "NoAction", "SetNull", "SetDefault")
                : List.of("Cascade", "Restrict", "NoAction", "SetNull", "SetDefault");
    }
}
