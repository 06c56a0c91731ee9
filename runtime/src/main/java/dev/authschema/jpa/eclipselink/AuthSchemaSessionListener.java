package dev.authschema.jpa.eclipselink;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * What the persistence unit the Maven plugin generates names as its session event listener: the settings of
 * {@link FailFastOnDatabaseOutage}, and timestamps in UTC on whichever database the server's data source is
 * ({@link UtcPlatformSelection}). One class because EclipseLink takes one listener from a persistence unit.
 *
 * <pre>{@code
 * <property name="eclipselink.target-database" value="Database"/>
 * <property name="eclipselink.session-event-listener"
 *           value="dev.authschema.jpa.eclipselink.AuthSchemaSessionListener"/>
 * }</pre>
 */
public class AuthSchemaSessionListener extends SessionEventAdapter {

    private final FailFastOnDatabaseOutage failFast = new FailFastOnDatabaseOutage();

    /** Public no-argument constructor: EclipseLink instantiates the class named in the persistence unit. */
    public AuthSchemaSessionListener() {}

    @Override
    public void preLogin(SessionEvent event) {
        failFast.preLogin(event);
        if (event.getSession().getDatasourceLogin() instanceof DatabaseLogin login) {
            UtcPlatformSelection.apply(event.getSession(), login);
        }
    }
}
