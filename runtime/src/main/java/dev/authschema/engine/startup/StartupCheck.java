package dev.authschema.engine.startup;

import dev.authschema.database.DatabaseDialect;
import dev.authschema.database.SchemaSynchronizationException;
import dev.authschema.database.SchemaSynchronizer;
import dev.authschema.database.SynchronizationReport;
import dev.authschema.engine.config.AuthConfig;
import dev.authschema.engine.config.EmailProviderConfig;
import dev.authschema.engine.config.ProviderConfig;
import dev.authschema.engine.mail.MailServerUrl;
import dev.authschema.engine.mail.MailSessions;
import dev.authschema.jpa.ContainerJpaWork;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Checks the generated adapter's wiring when the application starts, before the engine is built: a persistence unit,
 * its data source, an entity manager that reaches it, and the tables (created first when schema synchronisation is
 * on, {@link AuthConfig#synchronizeSchema()}). Each failure is a {@link DeploymentCheckException} naming the missing
 * piece and the fix, which fails the deployment: without this check the application started cleanly and the first
 * sign-in failed with {@code error=Configuration}.
 *
 * <p>Applications without generated code (no {@code META-INF/authschema/ddl/*.layout}) or without an adapter (JWT
 * sessions only) are not checked.
 */
@ApplicationScoped
public class StartupCheck {

    private static final Logger LOG = Logger.getLogger(StartupCheck.class.getName());

    /** Runs of the synchronizer before a failure fails the deployment. */
    private static final int SYNCHRONIZATION_ATTEMPTS = 4;

    private final AtomicBoolean ran = new AtomicBoolean();

    @Inject
    Instance<AuthConfig> configs;

    @Inject
    Instance<ContainerJpaWork> work;

    @Inject
    RequestContextController requestContext;

    /**
     * Runs the check when the web application starts (the event whose payload is its {@code ServletContext}: only
     * then may the application's configuration read an injected {@code ServletContext}; Open Liberty fires the
     * event earlier too, without one), before the engine's own start-up observer (default priority).
     *
     * @param context the web application's context
     */
    void onStart(
            @Observes @Priority(Interceptor.Priority.APPLICATION + 400) @Initialized(ApplicationScoped.class)
                    ServletContext context) {
        runOnce();
    }

    /**
     * Runs the check unless it has run: from the start-up event above, or, where the container fires that event
     * without the web application's {@code ServletContext} (Payara), from {@link StartupCheckListener}.
     */
    public void runOnce() {
        if (!ran.compareAndSet(false, true)) {
            return;
        }
        // The application's configuration may read request-scoped built-ins (Open Liberty's injectable
        // ServletContext is one); no request context is active while the application starts.
        boolean activated = requestContext.activate();
        try {
            check();
        } catch (ContextNotActiveException e) {
            LOG.warning(() -> "AuthSchema: the start-up check could not read the application's configuration ("
                    + e.getMessage() + "); the wiring is not checked.");
        } finally {
            if (activated) {
                requestContext.deactivate();
            }
        }
    }

    private void check() {
        ClassLoader loader = applicationLoader();
        if (!configs.isResolvable()) {
            LOG.info("AuthSchema: no AuthConfig bean, so no start-up check");
            return;
        }
        AuthConfig config = configs.get();
        checkMail(config);
        if (config.adapter().isEmpty() || !hasGeneratedSchema(loader)) {
            LOG.info("AuthSchema: no adapter or no generated schema on the class path; the database is not checked");
            return;
        }
        DataSource dataSource = dataSource(loader);
        checkEntityManager();
        SchemaSynchronizer synchronizer = SchemaSynchronizer.fromClassPath(loader);
        if (config.synchronizeSchema()) {
            synchronize(synchronizer, dataSource);
        } else {
            checkTables(synchronizer, dataSource);
        }
    }

    /**
     * Every e-mail provider that sends through the default sender needs {@code AUTH_EMAIL_SERVER} or the container's
     * mail session; in development, without either, the links go to the log instead (DevelopmentLogSender).
     */
    private static void checkMail(AuthConfig config) {
        if (config.emailServer().isPresent()) {
            LOG.info(() -> "AuthSchema: sign-in e-mails go through "
                    + config.emailServer().get());
            return;
        }
        for (ProviderConfig provider : config.providers()) {
            if (provider instanceof EmailProviderConfig email
                    && email.sender() == null
                    && !MailSessions.exists(email.mailSessionJndiName())) {
                String name = MailSessions.absoluteName(email.mailSessionJndiName());
                if (config.development()) {
                    LOG.warning(() -> "AuthSchema DEVELOPMENT MODE: no mail server for the e-mail provider '"
                            + email.id() + "' (" + MailServerUrl.ENVIRONMENT_VARIABLE + " unset, no mail session at "
                            + name + "): sign-in links go to this log.");
                    continue;
                }
                throw new DeploymentCheckException("AuthSchema: the e-mail provider '" + email.id() + "' has no mail"
                        + " server: " + MailServerUrl.ENVIRONMENT_VARIABLE + " is not set and the server binds no mail"
                        + " session at " + name + ". Fix: set " + MailServerUrl.ENVIRONMENT_VARIABLE
                        + "=smtp://user:password@smtp.example.com:587 (smtps:// for TLS from the start), or define the"
                        + " mail session (Open Liberty: <mailSession jndiName=\"" + email.mailSessionJndiName()
                        + "\" .../> and a resource-ref of that name in web.xml).");
            }
        }
    }

    /**
     * The loader that sees the application's generated resources: the thread's, where the container sets it to the
     * application's while it starts; else this class's own (a jar of the application), as Payara starts it on a
     * thread whose context loader is its own.
     */
    private static ClassLoader applicationLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && hasGeneratedSchema(context)) {
            return context;
        }
        ClassLoader own = StartupCheck.class.getClassLoader();
        return hasGeneratedSchema(own) || context == null ? own : context;
    }

    private static boolean hasGeneratedSchema(ClassLoader loader) {
        for (DatabaseDialect dialect : DatabaseDialect.values()) {
            if (loader.getResource(dialect.layoutResource()) != null) {
                return true;
            }
        }
        return false;
    }

    private static DataSource dataSource(ClassLoader loader) {
        List<PersistenceUnitFile.Unit> units = PersistenceUnitFile.read(loader);
        if (units.isEmpty()) {
            throw new DeploymentCheckException("AuthSchema: no persistence unit. The application has no "
                    + PersistenceUnitFile.RESOURCE + ", so the generated adapter has no entity manager. Fix: run the"
                    + " authschema-maven-plugin's generate goal, which writes one (it skips that when"
                    + " src/main/resources/META-INF/persistence.xml exists), or list the generated entities in your"
                    + " own.");
        }
        PersistenceUnitFile.Unit unit = PersistenceUnitFile.adapterUnit(units)
                .orElseThrow(() ->
                        new DeploymentCheckException("AuthSchema: " + units.size() + " persistence units and none named"
                                + " 'authschema', so the generated adapter's @PersistenceContext has no unit. Fix: name"
                                + " the unit of the generated entities 'authschema' (persistenceUnit in the schema's"
                                + " generator block)."));
        if (unit.dataSource() == null) {
            throw new DeploymentCheckException("AuthSchema: the persistence unit '" + unit.name() + "' names no data"
                    + " source. Fix: add <jta-data-source> (the generated unit takes it from dataSource in the schema's"
                    + " generator block).");
        }
        try {
            return (DataSource) new InitialContext().lookup(unit.dataSource());
        } catch (NamingException | ClassCastException e) {
            throw new DeploymentCheckException(
                    "AuthSchema: the persistence unit '" + unit.name() + "' uses the data"
                            + " source " + unit.dataSource() + ", which this server does not define ("
                            + e.getClass().getSimpleName() + "). Fix:"
                            + " define it (Open Liberty: <dataSource jndiName=\"" + unit.dataSource()
                            + "\"> in server.xml;"
                            + " Payara: a JDBC resource of that name, or @DataSourceDefinition), or set dataSource in the"
                            + " schema's generator block to the name the server has.",
                    e);
        }
    }

    private void checkEntityManager() {
        if (!work.isResolvable()) {
            return;
        }
        int entities;
        try {
            entities = work.get()
                    .read(entityManager ->
                            entityManager.getMetamodel().getEntities().size());
        } catch (RuntimeException e) {
            throw new DeploymentCheckException(
                    "AuthSchema: the generated adapter cannot reach its entity manager ("
                            + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "). Fix: check that the persistence unit"
                            + " deploys (the server log above names its error).",
                    e);
        }
        if (entities == 0) {
            throw new DeploymentCheckException("AuthSchema: the persistence unit lists no entity. Fix: list the"
                    + " generated entities in it (<class> elements), or delete your persistence.xml and let the"
                    + " authschema-maven-plugin generate one.");
        }
    }

    private static void synchronize(SchemaSynchronizer synchronizer, DataSource dataSource) {
        SynchronizationReport report = null;
        for (int attempt = 1; report == null; attempt++) {
            try {
                // Outside any transaction: the synchronizer runs each statement on its own.
                report = synchronizer.synchronize(dataSource);
            } catch (SchemaSynchronizationException e) {
                // Servers (or deployments) starting together run their DDL at once; some databases fail a
                // statement racing another's (embedded Derby: XJ001 on a concurrent ALTER TABLE). A later run
                // finds what the other made and goes on.
                if (attempt == SYNCHRONIZATION_ATTEMPTS) {
                    throw new DeploymentCheckException(
                            "AuthSchema: schema synchronisation failed: " + e.getMessage()
                                    + ". Fix: check that the data source's user may create tables, or create them with the"
                                    + " generated script (META-INF/authschema/ddl/<database>.sql).",
                            e);
                }
                int tried = attempt;
                LOG.warning(() -> "AuthSchema schema synchronisation, attempt " + tried + " of "
                        + SYNCHRONIZATION_ATTEMPTS + " failed (" + e.getMessage() + "); trying again.");
                pause(Duration.ofSeconds(2L * attempt));
            }
        }
        SynchronizationReport done = report;
        if (done.upToDate()) {
            LOG.info("AuthSchema schema synchronisation: the database is up to date, nothing changed.");
        } else {
            LOG.info(() -> "AuthSchema schema synchronisation: "
                    + done.changes().size() + " changes: " + String.join("; ", done.changes()));
        }
        done.warnings().forEach(warning -> LOG.warning("AuthSchema schema synchronisation: " + warning));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeploymentCheckException("AuthSchema: interrupted during schema synchronisation", e);
        }
    }

    private static void checkTables(SchemaSynchronizer synchronizer, DataSource dataSource) {
        List<String> missing;
        try {
            missing = synchronizer.missingTables(dataSource);
        } catch (SchemaSynchronizationException e) {
            throw new DeploymentCheckException("AuthSchema: cannot check the tables: " + e.getMessage(), e);
        }
        if (!missing.isEmpty()) {
            throw new DeploymentCheckException("AuthSchema: the database lacks the tables " + String.join(", ", missing)
                    + " and schema synchronisation is off. Fix: create them with the generated script"
                    + " (META-INF/authschema/ddl/<database>.sql in the WAR, target/generated-resources/authschema/ddl"
                    + " in the build), or let AuthSchema create them at start-up: AUTH_DATABASE_SYNCHRONIZE=true, or"
                    + " ?synchronize=true in DATABASE_URL.");
        }
        LOG.fine("AuthSchema: every generated table exists.");
    }
}
