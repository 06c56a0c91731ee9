package dev.authschema.database;

import dev.authschema.contract.Suggestions;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the connection strings of the NextAuth.js docs ({@code postgres://user:pass@host:5432/db?synchronize=true})
 * plus Derby's forms. Every message quotes only parts that come after the last {@code @} (host, port,
 * database, options) or before {@code ://} (the scheme), so no part of a password ever appears in one.
 */
final class DatabaseUrlParser {

    /** The in-memory Derby database that {@code sqlite://localhost/:memory:} stands for. */
    static final String SQLITE_MEMORY_DATABASE = "authschema";

    private static final Map<String, DatabaseDialect> SCHEMES = new LinkedHashMap<>();

    static {
        SCHEMES.put("postgres", DatabaseDialect.POSTGRESQL);
        SCHEMES.put("postgresql", DatabaseDialect.POSTGRESQL);
        SCHEMES.put("mysql", DatabaseDialect.MYSQL);
        SCHEMES.put("mariadb", DatabaseDialect.MARIADB);
        SCHEMES.put("derby", DatabaseDialect.DERBY);
        SCHEMES.put("sqlite", DatabaseDialect.DERBY);
    }

    private static final String DERBY_FORMS = "derby:memory:<name>, derby:<name> or derby:/path/to/database";

    private DatabaseUrlParser() {}

    static DatabaseUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidDatabaseUrlException("The database URL is empty: expected e.g. " + example("postgres"));
        }
        String url = text.strip();
        int colon = url.indexOf(':');
        String scheme = colon < 0 ? "" : url.substring(0, colon);
        if (!scheme.matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            // Not quoted: without a scheme we cannot tell which part is the password.
            throw new InvalidDatabaseUrlException(
                    "The database URL does not start with a scheme such as postgres: or derby:;" + " expected e.g. "
                            + example("postgres"));
        }
        String name = scheme.toLowerCase(Locale.ROOT);
        String rest = url.substring(colon + 1);
        DatabaseDialect dialect = SCHEMES.get(name);
        if (dialect == null) {
            throw unknownScheme(name);
        }
        if (name.equals("derby")) {
            return derby(rest);
        }
        if (name.equals("sqlite")) {
            return sqlite(rest);
        }
        return server(dialect, name, rest);
    }

    private static InvalidDatabaseUrlException unknownScheme(String scheme) {
        if (scheme.equals("jdbc")) {
            return new InvalidDatabaseUrlException(
                    "The database URL is a JDBC URL; write it as a connection string without 'jdbc:'," + " e.g. "
                            + example("postgres"));
        }
        String hint = Suggestions.closest(scheme, SCHEMES.keySet())
                .map(s -> " Did you mean '" + s + "'?")
                .orElse("");
        return new InvalidDatabaseUrlException("Unknown database scheme '" + scheme + "' in the database URL." + hint
                + " Supported: " + String.join(", ", SCHEMES.keySet()) + " (sqlite is served by embedded Derby)");
    }

    private static DatabaseUrl server(DatabaseDialect dialect, String scheme, String rest) {
        if (!rest.startsWith("//")) {
            throw new InvalidDatabaseUrlException(
                    "The database URL needs '//' after '" + scheme + ":', e.g. " + example(scheme));
        }
        String body = rest.substring(2);
        // The last '@' ends the credentials, so a password may hold '@', ':', '/' or '?' unencoded.
        int at = body.lastIndexOf('@');
        String userInfo = at < 0 ? null : body.substring(0, at);
        String location = body.substring(at + 1);
        int question = location.indexOf('?');
        String query = question < 0 ? "" : location.substring(question + 1);
        String beforeQuery = question < 0 ? location : location.substring(0, question);
        if (location.indexOf('#') >= 0) {
            throw new InvalidDatabaseUrlException(
                    "The database URL has a '#' after the host; encode a '#' in a name or value as %23");
        }
        int slash = beforeQuery.indexOf('/');
        String authority = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
        String host = host(authority, scheme);
        int port = port(authority, host, dialect);
        String database = database(slash < 0 ? "" : beforeQuery.substring(slash + 1), scheme);
        UrlOptions options = UrlOptions.parse(query, dialect);
        String[] credentials = credentials(userInfo);
        String jdbcUrl = "jdbc:" + dialect.id() + "://" + host + ":" + port + "/" + database;
        return new DatabaseUrl(
                dialect,
                jdbcUrl,
                credentials[0],
                credentials[1],
                options.synchronize(),
                options.entityPrefix(),
                options.jdbcProperties());
    }

    private static String host(String authority, String scheme) {
        String host;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0 || !authority.substring(1, close).matches("[0-9A-Fa-f:.]+")) {
                throw new InvalidDatabaseUrlException(
                        "The host in the database URL opens '[' for an IPv6 address but is not one, e.g. [::1]:5432");
            }
            host = authority.substring(0, close + 1);
        } else {
            int colon = authority.indexOf(':');
            if (colon >= 0 && authority.indexOf(':', colon + 1) >= 0) {
                throw new InvalidDatabaseUrlException(
                        "The host in the database URL has more than one ':'; write an IPv6 address in brackets,"
                                + " e.g. [::1]:5432");
            }
            host = colon < 0 ? authority : authority.substring(0, colon);
            if (host.isEmpty()) {
                throw new InvalidDatabaseUrlException("The database URL has no host: expected e.g. " + example(scheme));
            }
            if (!host.matches("[A-Za-z0-9._-]+")) {
                throw new InvalidDatabaseUrlException(
                        "The host '" + host + "' in the database URL is not a host name or IP address");
            }
        }
        return host;
    }

    private static int port(String authority, String host, DatabaseDialect dialect) {
        String afterHost = authority.substring(host.length());
        if (afterHost.isEmpty()) {
            return dialect.defaultPort();
        }
        if (!afterHost.startsWith(":")) {
            throw new InvalidDatabaseUrlException(
                    "The host '" + host + "' in the database URL is followed by something other than ':<port>'");
        }
        String text = afterHost.substring(1);
        if (text.isEmpty()) {
            throw new InvalidDatabaseUrlException("The database URL has ':' after host '" + host
                    + "' but no port; leave out ':' for port " + dialect.defaultPort());
        }
        // Quoted only when it is digits: without an '@', a mistyped "user:password/db" puts the password here.
        if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
            String shown = text.matches("[0-9]+") ? " '" + text + "'" : "";
            throw new InvalidDatabaseUrlException("The port" + shown + " after host '" + host
                    + "' in the database URL is not a number" + " from 1 to 65535");
        }
        return Integer.parseInt(text);
    }

    private static String database(String path, String scheme) {
        if (path.isEmpty()) {
            throw new InvalidDatabaseUrlException(
                    "The database URL has no database name: add /<database> after the host, e.g. " + example(scheme));
        }
        String name = PercentDecoding.decode(path, "database name");
        if (!name.matches("[A-Za-z0-9_$.-]+")) {
            throw new InvalidDatabaseUrlException("The database name '" + name
                    + "' in the database URL may hold only letters, digits," + " '_', '$', '-' and '.'");
        }
        return name;
    }

    /** {user, password}; either may be null. */
    private static String[] credentials(String userInfo) {
        if (userInfo == null) {
            return new String[] {null, null};
        }
        int colon = userInfo.indexOf(':');
        String user = PercentDecoding.decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user name");
        String password = colon < 0 ? null : PercentDecoding.decode(userInfo.substring(colon + 1), "password");
        if (user.isEmpty() && password != null && !password.isEmpty()) {
            throw new InvalidDatabaseUrlException(
                    "The database URL has a password but no user name: write user:password@host");
        }
        return new String[] {user.isEmpty() ? null : user, password == null || password.isEmpty() ? null : password};
    }

    private static DatabaseUrl derby(String rest) {
        if (rest.startsWith("//")) {
            throw new InvalidDatabaseUrlException(
                    "Derby network server URLs (derby://host) are not supported; use embedded Derby: " + DERBY_FORMS);
        }
        int question = rest.indexOf('?');
        String location =
                PercentDecoding.decode(question < 0 ? rest : rest.substring(0, question), "Derby database name");
        String query = question < 0 ? "" : rest.substring(question + 1);
        if (location.isEmpty() || location.equals("memory:")) {
            throw new InvalidDatabaseUrlException(
                    "The database URL has no Derby database name: expected " + DERBY_FORMS);
        }
        return embedded(location, query);
    }

    /** SQLite is the seeds' development database; here embedded Derby plays its part, in memory or in a directory. */
    private static DatabaseUrl sqlite(String rest) {
        int question = rest.indexOf('?');
        String location = question < 0 ? rest : rest.substring(0, question);
        String query = question < 0 ? "" : rest.substring(question + 1);
        String path = location;
        if (location.startsWith("//")) {
            String afterSlashes = location.substring(2);
            int slash = afterSlashes.indexOf('/');
            String host = slash < 0 ? afterSlashes : afterSlashes.substring(0, slash);
            if (host.indexOf('@') >= 0) {
                throw new InvalidDatabaseUrlException(
                        "A sqlite database URL takes no user name or password: write sqlite://localhost/<file>");
            }
            if (!host.isEmpty() && !host.equalsIgnoreCase("localhost")) {
                throw new InvalidDatabaseUrlException(
                        "A sqlite database is local: expected sqlite://localhost/<file> or sqlite://localhost/:memory:,"
                                + " not host '" + host + "'");
            }
            path = slash < 0 ? "" : afterSlashes.substring(slash + 1);
        }
        path = PercentDecoding.decode(path, "sqlite database name");
        if (path.isEmpty()) {
            throw new InvalidDatabaseUrlException(
                    "The database URL has no sqlite database: expected sqlite://localhost/:memory: or"
                            + " sqlite://localhost/<file>");
        }
        return embedded(path.equals(":memory:") ? "memory:" + SQLITE_MEMORY_DATABASE : path, query);
    }

    private static DatabaseUrl embedded(String location, String query) {
        if (location.indexOf(';') >= 0) {
            throw new InvalidDatabaseUrlException("The Derby database name '" + location
                    + "' contains ';'; give Derby options in the query," + " e.g. derby:name?create=false");
        }
        UrlOptions options = UrlOptions.parse(query, DatabaseDialect.DERBY);
        String jdbcUrl = "jdbc:derby:" + location + (options.createDerby() ? ";create=true" : "");
        return new DatabaseUrl(
                DatabaseDialect.DERBY,
                jdbcUrl,
                null,
                null,
                options.synchronize(),
                options.entityPrefix(),
                options.jdbcProperties());
    }

    private static String example(String scheme) {
        return switch (scheme) {
            case "mysql", "mariadb" -> scheme + "://user:password@127.0.0.1:3306/database";
            default -> scheme + "://user:password@127.0.0.1:5432/database";
        };
    }
}
