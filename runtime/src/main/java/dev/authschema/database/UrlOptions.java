package dev.authschema.database;

import dev.authschema.contract.Suggestions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query part of a connection string: AuthSchema's own options ({@code synchronize},
 * {@code entityPrefix}), TypeORM's {@code ssl}, and the JDBC properties each driver understands, which
 * pass through unchanged. Anything else is refused, so a typo never goes unnoticed.
 */
final class UrlOptions {

    static final String SYNCHRONIZE = "synchronize";
    static final String ENTITY_PREFIX = "entityPrefix";
    static final String SSL = "ssl";
    /** Derby only: {@code create=false} opens an existing database instead of creating a missing one. */
    static final String CREATE = "create";

    /** Driver properties worth setting from a connection string; names as each driver spells them. */
    private static final Map<DatabaseDialect, Set<String>> DRIVER_PROPERTIES = Map.of(
            DatabaseDialect.POSTGRESQL,
                    Set.of(
                            "sslmode",
                            "sslrootcert",
                            "sslcert",
                            "sslkey",
                            "sslfactory",
                            "currentSchema",
                            "ApplicationName",
                            "connectTimeout",
                            "socketTimeout",
                            "loginTimeout",
                            "tcpKeepAlive",
                            "targetServerType",
                            "prepareThreshold",
                            "options"),
            DatabaseDialect.MARIADB,
                    Set.of(
                            "sslMode",
                            "serverSslCert",
                            "keyStore",
                            "connectTimeout",
                            "socketTimeout",
                            "timezone",
                            "allowPublicKeyRetrieval",
                            "tcpKeepAlive",
                            "useCompression"),
            DatabaseDialect.MYSQL,
                    Set.of(
                            "sslMode",
                            "trustCertificateKeyStoreUrl",
                            "connectTimeout",
                            "socketTimeout",
                            "serverTimezone",
                            "connectionTimeZone",
                            "allowPublicKeyRetrieval",
                            "tcpKeepAlive",
                            "characterEncoding",
                            "useCompression"),
            DatabaseDialect.DERBY, Set.of());

    /** TypeORM's and libpq's spellings of PostgreSQL properties. */
    private static final Map<String, String> POSTGRESQL_ALIASES =
            Map.of("schema", "currentSchema", "application_name", "ApplicationName");

    private final DatabaseDialect dialect;
    private boolean synchronize;
    private String entityPrefix = "";
    private boolean createDerby = true;
    private final Map<String, String> jdbcProperties = new LinkedHashMap<>();

    private UrlOptions(DatabaseDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Parses {@code a=1&b=2} (the text after {@code ?}, may be empty).
     *
     * @throws InvalidDatabaseUrlException naming the unknown, repeated or badly valued option
     */
    static UrlOptions parse(String query, DatabaseDialect dialect) {
        UrlOptions options = new UrlOptions(dialect);
        Set<String> seen = new TreeSet<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = PercentDecoding.decode(equals < 0 ? pair : pair.substring(0, equals), "option name");
            // A bare flag such as "?ssl" means true, as in most URL parsers.
            String value = equals < 0
                    ? "true"
                    : PercentDecoding.decode(pair.substring(equals + 1), "value of option '" + name + "'");
            if (!seen.add(name)) {
                throw new InvalidDatabaseUrlException("The database URL gives option '" + name + "' more than once");
            }
            options.accept(name, value);
        }
        return options;
    }

    private void accept(String name, String value) {
        switch (name) {
            case SYNCHRONIZE -> synchronize = bool(name, value);
            case ENTITY_PREFIX -> entityPrefix = prefix(value);
            case SSL -> ssl(bool(name, value));
            case CREATE -> {
                if (dialect != DatabaseDialect.DERBY) {
                    throw unknown(name);
                }
                createDerby = bool(name, value);
            }
            default -> driverProperty(name, value);
        }
    }

    private void driverProperty(String name, String value) {
        String property = dialect == DatabaseDialect.POSTGRESQL ? POSTGRESQL_ALIASES.getOrDefault(name, name) : name;
        if (!DRIVER_PROPERTIES.get(dialect).contains(property)) {
            throw unknown(name);
        }
        if (jdbcProperties.containsKey(property)) {
            throw new InvalidDatabaseUrlException(
                    "The database URL sets '" + property + "' twice (through '" + name + "' and another option)");
        }
        jdbcProperties.put(property, value);
    }

    /** TypeORM's {@code ssl=true}: encrypted and verified, in each driver's words. */
    private void ssl(boolean on) {
        switch (dialect) {
            case POSTGRESQL -> driverProperty("sslmode", on ? "verify-full" : "disable");
            case MARIADB -> driverProperty("sslMode", on ? "verify-full" : "disable");
            case MYSQL -> driverProperty("sslMode", on ? "VERIFY_IDENTITY" : "DISABLED");
            case DERBY ->
                throw new InvalidDatabaseUrlException(
                        "Option 'ssl' does not apply to embedded Derby: remove it from the database URL");
        }
    }

    private InvalidDatabaseUrlException unknown(String name) {
        if (name.equals("user") || name.equals("password")) {
            return new InvalidDatabaseUrlException(
                    "Option '" + name + "' is not accepted in the query: write user:password@host in the database URL");
        }
        List<String> known = new ArrayList<>(new TreeSet<>(DRIVER_PROPERTIES.get(dialect)));
        known.add(0, SYNCHRONIZE);
        known.add(1, ENTITY_PREFIX);
        if (dialect == DatabaseDialect.DERBY) {
            known.add(CREATE);
        } else {
            known.add(2, SSL);
        }
        if (dialect == DatabaseDialect.POSTGRESQL) {
            known.addAll(POSTGRESQL_ALIASES.keySet());
        }
        String hint = Suggestions.closest(name, known)
                .map(s -> "; did you mean '" + s + "'?")
                .orElse(".");
        return new InvalidDatabaseUrlException("Unknown option '" + name + "' in the database URL for " + dialect.id()
                + hint + " Known options: " + String.join(", ", known));
    }

    private static boolean bool(String name, String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new InvalidDatabaseUrlException(
                        "Option '" + name + "' in the database URL must be true or false, not '" + value + "'");
        }
    }

    private static String prefix(String value) {
        if (!value.isEmpty() && !value.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new InvalidDatabaseUrlException(
                    "Option 'entityPrefix' in the database URL must be letters, digits and '_', starting with a"
                            + " letter or '_' (e.g. nextauth_), not '" + value + "'");
        }
        return value;
    }

    boolean synchronize() {
        return synchronize;
    }

    String entityPrefix() {
        return entityPrefix;
    }

    boolean createDerby() {
        return createDerby;
    }

    Map<String, String> jdbcProperties() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(jdbcProperties));
    }
}
