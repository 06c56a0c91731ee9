package dev.authschema.jpa.eclipselink;

import dev.authschema.database.DatabaseDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * Picks the {@code Utc*Platform} of the database a persistence unit actually connects to, so that one WAR runs on
 * Derby, PostgreSQL, MySQL or MariaDB (whatever data source the server binds) and still writes timestamps in UTC.
 *
 * <p>EclipseLink's own detection ({@code eclipselink.target-database} unset) picks its stock platforms, which bind a
 * {@code LocalDateTime} through the JVM's time zone (see {@link UtcTimestamps}). The generated persistence unit
 * therefore names the generic platform ({@code Database}, which makes EclipseLink skip its detection) and this class
 * replaces it before the session logs in, after asking the data source which database it is.
 */
final class UtcPlatformSelection {

    private static final Logger LOG = Logger.getLogger(UtcPlatformSelection.class.getName());

    /**
     * The generic platform's class: only that one is replaced, never a platform the unit names itself. Compared by
     * name: the application may not see EclipseLink's platform package (Open Liberty's default).
     */
    private static final String GENERIC_PLATFORM = "org.eclipse.persistence.platform.database.DatabasePlatform";

    /** Where EclipseLink's own platforms are: each {@code UtcXPlatform} extends {@code XPlatform} of this package. */
    private static final String STOCK_PACKAGE = "org.eclipse.persistence.platform.database.";

    private UtcPlatformSelection() {}

    /** Replaces the generic platform of the session's login by the UTC variant of the database's platform. */
    static void apply(Session session, DatabaseLogin login) {
        if (!GENERIC_PLATFORM.equals(login.getPlatformClassName())) {
            return;
        }
        DatabaseDialect dialect = detect(session, login);
        String utcPlatform = dialect.eclipseLinkTargetDatabase();
        try {
            login.setPlatformClassName(utcPlatform, UtcPlatformSelection.class.getClassLoader());
            LOG.info(() -> "AuthSchema: the persistence unit is on " + dialect.id() + ", with timestamps in UTC ("
                    + utcPlatform + ")");
        } catch (RuntimeException | LinkageError e) {
            // Open Liberty shows an application EclipseLink's platform classes only with apiTypeVisibility
            // "+third-party"; without them the UTC platform cannot extend its stock one.
            String stock = STOCK_PACKAGE + utcPlatform.substring(utcPlatform.lastIndexOf(".Utc") + ".Utc".length());
            login.setPlatformClassName(stock, DatabaseLogin.class.getClassLoader());
            LOG.warning(() -> "AuthSchema: " + utcPlatform + " cannot be loaded ("
                    + e.getClass().getSimpleName()
                    + "), so timestamps go through the JVM's time zone and shift by an hour around daylight-saving"
                    + " changes. "
                    + "Fix: run the JVM in UTC (-Duser.timezone=UTC), or on Open Liberty let the application see "
                    + "EclipseLink: <webApplication ...><classloader apiTypeVisibility=\"+third-party\"/>"
                    + "</webApplication>.");
        }
    }

    private static DatabaseDialect detect(Session session, DatabaseLogin login) {
        Properties credentials = new Properties();
        if (login.getUserName() != null) {
            credentials.put("user", login.getUserName());
            if (login.getPassword() != null) {
                credentials.put("password", login.getPassword());
            }
        }
        try (Connection connection = (Connection) login.getConnector().connect(credentials, session)) {
            return DatabaseDialect.of(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "AuthSchema cannot reach the persistence unit's database to tell which"
                            + " it is: " + e.getMessage()
                            + ". Fix: check that the server's data source connects (its URL,"
                            + " user, password, driver).",
                    e);
        }
    }
}
