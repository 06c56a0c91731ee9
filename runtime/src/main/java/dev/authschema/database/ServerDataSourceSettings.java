package dev.authschema.database;

import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns {@code DATABASE_URL} into the variables a server's data source definition reads, for launch scripts: a
 * Jakarta EE application names a data source and the server supplies it, so the connection string has to become
 * server configuration before the server starts. Run as
 * {@code java -cp authschema-runtime.jar dev.authschema.database.ServerDataSourceSettings}; it prints
 * {@code NAME='value'} lines for a shell's {@code eval}:
 * <ul>
 * <li>{@code AUTHSCHEMA_DB_KIND}: derby, postgresql, mysql or mariadb;</li>
 * <li>{@code AUTHSCHEMA_JDBC_DRIVER}: the {@code java.sql.Driver} class;</li>
 * <li>{@code AUTHSCHEMA_JDBC_URL}: the JDBC URL with the driver properties of the connection string, no credentials;</li>
 * <li>{@code AUTHSCHEMA_DB_USER}, {@code AUTHSCHEMA_DB_PASSWORD}: the credentials ({@code APP} for Derby, its default schema).</li>
 * </ul>
 * The connection string is read from the environment, never from the command line, so that the password stays out
 * of process listings. A malformed string prints the parser's message (which never holds the password) and exits 2.
 */
public final class ServerDataSourceSettings {

    /** Derby has no authentication here; its user name picks the schema, and APP is Derby's default one. */
    private static final String DERBY_USER = "APP";

    private ServerDataSourceSettings() {}

    public static void main(String[] args) {
        System.exit(run(System.getenv(DatabaseUrl.ENVIRONMENT_VARIABLE), System.out, System.err));
    }

    static int run(String connectionString, PrintStream out, PrintStream err) {
        if (connectionString == null || connectionString.isBlank()) {
            err.println(DatabaseUrl.ENVIRONMENT_VARIABLE + " is not set: nothing to convert");
            return 2;
        }
        DatabaseUrl url;
        try {
            url = DatabaseUrl.parse(connectionString);
        } catch (InvalidDatabaseUrlException e) {
            err.println(DatabaseUrl.ENVIRONMENT_VARIABLE + ": " + e.getMessage());
            return 2;
        }
        variables(url).forEach((name, value) -> out.println(name + "=" + shellQuoted(value)));
        return 0;
    }

    /** The variables, in the order they are printed. */
    static Map<String, String> variables(DatabaseUrl url) {
        boolean derby = url.dialect() == DatabaseDialect.DERBY;
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("AUTHSCHEMA_DB_KIND", url.dialectName());
        variables.put("AUTHSCHEMA_JDBC_DRIVER", url.driverClassName());
        variables.put("AUTHSCHEMA_JDBC_URL", urlWithProperties(url));
        variables.put("AUTHSCHEMA_DB_USER", url.user().orElse(derby ? DERBY_USER : ""));
        variables.put("AUTHSCHEMA_DB_PASSWORD", url.password().orElse(derby ? DERBY_USER : ""));
        return variables;
    }

    /**
     * A server's data source takes one URL, so the driver properties ({@code sslmode}, {@code connectTimeout} ...)
     * go into it in each driver's syntax: Derby's {@code ;name=value} attributes, a query string for the others.
     */
    static String urlWithProperties(DatabaseUrl url) {
        Map<String, String> properties = url.jdbcProperties();
        if (properties.isEmpty()) {
            return url.jdbcUrl();
        }
        if (url.dialect() == DatabaseDialect.DERBY) {
            return url.jdbcUrl()
                    + properties.entrySet().stream()
                            .map(property -> ";" + property.getKey() + "=" + property.getValue())
                            .collect(Collectors.joining());
        }
        return url.jdbcUrl()
                + properties.entrySet().stream()
                        .map(property -> property.getKey() + "="
                                + URLEncoder.encode(property.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&", "?", ""));
    }

    /** Single quotes keep every character literal in POSIX shells; a single quote itself is closed, escaped, reopened. */
    static String shellQuoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
