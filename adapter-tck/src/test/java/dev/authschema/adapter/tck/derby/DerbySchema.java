package dev.authschema.adapter.tck.derby;

import dev.authschema.adapter.tck.ExtraField;
import dev.authschema.adapter.tck.ExtraFields;
import dev.authschema.adapter.tck.ScalarType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The reference schema on Derby: the five auth tables with Prisma's default names, and an extra field of every
 * scalar type on User, Account and Session. Every identifier is quoted, because Derby reserves {@code USER} and
 * quoting also keeps the camelCase names.
 */
final class DerbySchema {

    static final String USER = quote("User");
    static final String ACCOUNT = quote("Account");
    static final String SESSION = quote("Session");
    static final String VERIFICATION_TOKEN = quote("VerificationToken");
    static final String AUTHENTICATOR = quote("Authenticator");
    static final String RATE_LIMIT = quote("RateLimit");

    /** The same extra columns on User, Account and Session: one per scalar type of the schema language. */
    static final List<ExtraColumn> EXTRA_COLUMNS = List.of(
            extra("extraString", "VARCHAR(32672)", SqlType.TEXT, ScalarType.STRING),
            extra("extraInt", "INTEGER", SqlType.INTEGER, ScalarType.INT),
            extra("extraBigInt", "BIGINT", SqlType.BIGINT, ScalarType.BIG_INT),
            extra("extraFloat", "DOUBLE", SqlType.DOUBLE, ScalarType.FLOAT),
            extra("extraDecimal", "DECIMAL(14, 2)", SqlType.DECIMAL, ScalarType.DECIMAL),
            extra("extraBoolean", "BOOLEAN", SqlType.BOOLEAN, ScalarType.BOOLEAN),
            extra("extraDateTime", "TIMESTAMP", SqlType.TIMESTAMP, ScalarType.DATE_TIME),
            extra("extraJson", "CLOB", SqlType.TEXT, ScalarType.JSON),
            extra("extraBytes", "BLOB", SqlType.BYTES, ScalarType.BYTES),
            new ExtraColumn(
                    "extraEnum",
                    "VARCHAR(10) CHECK (\"extraEnum\" IN ('FREE', 'PRO', 'TEAM'))",
                    SqlType.TEXT,
                    ExtraField.ofEnum("extraEnum", "PRO", "TEAM")));

    /** The reference schema's extra fields as the kit needs them described. */
    static final ExtraFields EXTRA_FIELDS = describeExtraFields();

    private DerbySchema() {}

    static String quote(String identifier) {
        return '"' + identifier + '"';
    }

    static void create(Connection connection) throws SQLException {
        String extras = EXTRA_COLUMNS.stream()
                .map(column -> ",\n  " + quote(column.name()) + " " + column.ddl())
                .collect(Collectors.joining());
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE " + USER + " (\n"
                    + "  \"id\" VARCHAR(64) NOT NULL PRIMARY KEY,\n"
                    + "  \"name\" VARCHAR(512),\n"
                    + "  \"email\" VARCHAR(320) UNIQUE,\n" // Derby allows many NULLs in a UNIQUE column
                    + "  \"emailVerified\" TIMESTAMP,\n"
                    + "  \"image\" VARCHAR(2048),\n"
                    + "  \"passwordHash\" VARCHAR(255)" + extras + ")");
            ddl.execute("CREATE TABLE " + ACCOUNT + " (\n"
                    + "  \"userId\" VARCHAR(64) NOT NULL REFERENCES " + USER + " (\"id\") ON DELETE CASCADE,\n"
                    + "  \"type\" VARCHAR(32) NOT NULL,\n"
                    + "  \"provider\" VARCHAR(128) NOT NULL,\n"
                    + "  \"providerAccountId\" VARCHAR(512) NOT NULL,\n"
                    + "  \"refresh_token\" CLOB,\n"
                    + "  \"access_token\" CLOB,\n"
                    + "  \"expires_at\" BIGINT,\n"
                    + "  \"token_type\" VARCHAR(64),\n"
                    + "  \"scope\" VARCHAR(2048),\n"
                    + "  \"id_token\" CLOB,\n"
                    + "  \"session_state\" VARCHAR(2048),\n"
                    + "  PRIMARY KEY (\"provider\", \"providerAccountId\")" + extras + ")");
            ddl.execute("CREATE INDEX \"Account_userId\" ON " + ACCOUNT + " (\"userId\")");
            ddl.execute("CREATE TABLE " + SESSION + " (\n"
                    + "  \"sessionToken\" VARCHAR(512) NOT NULL PRIMARY KEY,\n"
                    + "  \"userId\" VARCHAR(64) NOT NULL REFERENCES " + USER + " (\"id\") ON DELETE CASCADE,\n"
                    + "  \"expires\" TIMESTAMP NOT NULL" + extras + ")");
            ddl.execute("CREATE TABLE " + VERIFICATION_TOKEN + " (\n"
                    + "  \"identifier\" VARCHAR(320) NOT NULL,\n"
                    + "  \"token\" VARCHAR(512) NOT NULL,\n"
                    + "  \"expires\" TIMESTAMP NOT NULL,\n"
                    + "  PRIMARY KEY (\"identifier\", \"token\"))");
            ddl.execute("CREATE TABLE " + AUTHENTICATOR + " (\n"
                    + "  \"credentialID\" VARCHAR(1024) NOT NULL PRIMARY KEY,\n"
                    + "  \"userId\" VARCHAR(64) NOT NULL REFERENCES " + USER + " (\"id\") ON DELETE CASCADE,\n"
                    + "  \"providerAccountId\" VARCHAR(1024) NOT NULL,\n"
                    + "  \"credentialPublicKey\" VARCHAR(4096) NOT NULL,\n"
                    + "  \"counter\" BIGINT NOT NULL,\n"
                    + "  \"credentialDeviceType\" VARCHAR(32) NOT NULL,\n"
                    + "  \"credentialBackedUp\" BOOLEAN NOT NULL,\n"
                    + "  \"transports\" VARCHAR(255))");
            ddl.execute("CREATE TABLE " + RATE_LIMIT + " (\n"
                    + "  \"key\" VARCHAR(100) NOT NULL PRIMARY KEY,\n"
                    + "  \"count\" INTEGER NOT NULL,\n"
                    + "  \"windowStart\" TIMESTAMP NOT NULL)");
        }
    }

    /** Children first, so no foreign key is in the way. */
    static void deleteAllRows(Connection connection) throws SQLException {
        try (Statement delete = connection.createStatement()) {
            for (String table : List.of(AUTHENTICATOR, SESSION, ACCOUNT, VERIFICATION_TOKEN, USER, RATE_LIMIT)) {
                delete.executeUpdate("DELETE FROM " + table);
            }
        }
    }

    private static ExtraColumn extra(String name, String ddl, SqlType sqlType, ScalarType scalarType) {
        return new ExtraColumn(name, ddl, sqlType, ExtraField.of(name, scalarType));
    }

    private static ExtraFields describeExtraFields() {
        ExtraField[] fields = EXTRA_COLUMNS.stream().map(ExtraColumn::field).toArray(ExtraField[]::new);
        return ExtraFields.builder()
                .user(fields)
                .account(fields)
                .session(fields)
                .build();
    }
}
