package dev.authschema.jpa;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of the key a unique-key violation names, so that a duplicate e-mail address can be told from a duplicate of
 * another unique field.
 *
 * <p>PostgreSQL's driver reports the constraint as a field of the server's error; the others only in the message,
 * which is read at the one place each database puts the key: Derby's {@code identified by 'NAME' defined on}, MySQL's
 * and MariaDB's {@code for key 'NAME'} (MySQL 8 writes {@code 'table.NAME'}). The row's values come before the key
 * name in MySQL's and MariaDB's message, so the last such phrase is the database's own, not one a value spells; Derby
 * quotes no values. Each phrase is read only in its own database's message (MySQL's and MariaDB's by their vendor
 * code, Derby's and PostgreSQL's at the start of the message's first line), since a value quoted in another
 * database's message can spell it: MariaDB's {@code Duplicate entry 'identified by 'X' defined on' for key 'Y'}, a
 * PostgreSQL detail line, SQL Server's value at the end of its message.
 */
final class ViolatedKey {

    /** Derby's whole message: no quote before the key's name, the table after it. */
    private static final Pattern DERBY =
            Pattern.compile("The statement was aborted because [^']* identified by '([^']+)' defined on '");

    private static final Pattern MYSQL = Pattern.compile("for key '(?:[^'.]*\\.)?([^'.]+)'");

    /** PostgreSQL's first line; the detail after it quotes the values. */
    private static final Pattern POSTGRESQL =
            Pattern.compile("(?:ERROR|FATAL): duplicate key value violates unique constraint \"([^\"]+)\"");

    /** MySQL's and MariaDB's {@code ER_DUP_ENTRY} and {@code ER_DUP_ENTRY_WITH_KEY_NAME}. */
    private static final int[] MYSQL_DUPLICATE_CODES = {1062, 1586};

    private ViolatedKey() {}

    /**
     * @param violation the driver's exception for a unique-key violation
     * @return the key's name as the database reports it (Derby upper-cases unquoted names), if the exception says
     */
    static Optional<String> of(SQLException violation) {
        Optional<String> reported = postgresqlConstraint(violation);
        if (reported.isPresent()) {
            return reported;
        }
        String message = violation.getMessage();
        if (message == null) {
            return Optional.empty();
        }
        int code = violation.getErrorCode();
        if (code == MYSQL_DUPLICATE_CODES[0] || code == MYSQL_DUPLICATE_CODES[1]) {
            Matcher mysql = MYSQL.matcher(message);
            String last = null;
            while (mysql.find()) {
                last = mysql.group(1);
            }
            return Optional.ofNullable(last);
        }
        String firstLine = message.lines().findFirst().orElse("");
        Matcher derby = DERBY.matcher(firstLine);
        if (derby.lookingAt()) {
            return Optional.of(derby.group(1));
        }
        // Without the server's error fields (an old driver), the first line: the detail after it quotes the values.
        Matcher postgresql = POSTGRESQL.matcher(firstLine);
        return postgresql.lookingAt() ? Optional.of(postgresql.group(1)) : Optional.empty();
    }

    /** {@code PSQLException.getServerErrorMessage().getConstraint()}, by reflection: the driver is optional. */
    private static Optional<String> postgresqlConstraint(SQLException violation) {
        try {
            Method serverMessage = violation.getClass().getMethod("getServerErrorMessage");
            Object fields = serverMessage.invoke(violation);
            if (fields == null) {
                return Optional.empty();
            }
            Object constraint = fields.getClass().getMethod("getConstraint").invoke(fields);
            return constraint instanceof String name && !name.isEmpty() ? Optional.of(name) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException notPostgreSql) {
            return Optional.empty();
        }
    }
}
