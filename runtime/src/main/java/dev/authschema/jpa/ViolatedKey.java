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
 * quotes no values.
 */
final class ViolatedKey {

    private static final Pattern DERBY = Pattern.compile("identified by '([^']+)' defined on");
    private static final Pattern MYSQL = Pattern.compile("for key '(?:[^'.]*\\.)?([^'.]+)'");
    private static final Pattern POSTGRESQL = Pattern.compile("unique constraint \"([^\"]+)\"");

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
        Matcher derby = DERBY.matcher(message);
        if (derby.find()) {
            return Optional.of(derby.group(1));
        }
        Matcher mysql = MYSQL.matcher(message);
        String last = null;
        while (mysql.find()) {
            last = mysql.group(1);
        }
        if (last != null) {
            return Optional.of(last);
        }
        // Without the server's error fields (an old driver), the first line: the detail after it quotes the values.
        Matcher postgresql = POSTGRESQL.matcher(message.lines().findFirst().orElse(""));
        return postgresql.find() ? Optional.of(postgresql.group(1)) : Optional.empty();
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
