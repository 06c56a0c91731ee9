package dev.authschema.jpa.eclipselink;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Makes reads fail at once while the database is unreachable, instead of after about ten seconds.
 *
 * <p>EclipseLink retries a read that fails outside a transaction with a communication error (which includes "the
 * data source gave no connection") up to {@code queryRetryAttemptCount} times (default 3), sleeping
 * {@code delayBetweenConnectionAttempts} (default 5 s) before each retry but the first. Every sign-in check reads the
 * session outside a transaction, so while the database is down each request held a server thread for ten seconds
 * before failing. EclipseLink 4.0 has no persistence-unit property for either value, hence this listener:
 *
 * <pre>{@code
 * <property name="eclipselink.session-event-listener"
 *           value="dev.authschema.jpa.eclipselink.FailFastOnDatabaseOutage"/>
 * }</pre>
 *
 * <p>It keeps one immediate retry, which still hides a pooled connection that died with a database restart (the retry
 * draws a fresh one), and drops the sleeping. It is a {@link SessionEventAdapter} rather than a
 * {@code SessionCustomizer} because Open Liberty shows applications the package of the former
 * ({@code org.eclipse.persistence.sessions}) by default, and that of the latter only with
 * {@code apiTypeVisibility="+third-party"}.
 */
public class FailFastOnDatabaseOutage extends SessionEventAdapter {

    /** One retry on a fresh connection: covers a stale pooled connection, not an outage. */
    static final int QUERY_RETRY_ATTEMPTS = 1;

    /** Public no-argument constructor: EclipseLink instantiates the class named in the persistence unit. */
    public FailFastOnDatabaseOutage() {}

    @Override
    public void preLogin(SessionEvent event) {
        if (event.getSession().getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(QUERY_RETRY_ATTEMPTS);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}
