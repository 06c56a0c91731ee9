package dev.authschema.engine.startup;

import dev.authschema.engine.cdi.AuthEngineProducer;
import dev.authschema.engine.cleanup.ExpiredRowsCleanup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Runs the {@link StartupCheck}, then builds the engine and starts the clean-up, when the web application starts,
 * where the container's CDI start-up event did not (Payara fires it without the application's
 * {@code ServletContext}, and before the web module's {@code java:comp/env} is bound); a check that fails fails the
 * deployment here too. Each step runs once, whichever of the event and this listener comes first. Registered by the
 * runtime jar's {@code web-fragment.xml}.
 */
public class StartupCheckListener implements ServletContextListener {

    @Inject
    StartupCheck check;

    @Inject
    AuthEngineProducer engine;

    /** Not a bean where the server lacks Jakarta Concurrency (Open Liberty without concurrent-3.0). */
    @Inject
    Instance<ExpiredRowsCleanup> cleanup;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        check.runOnce();
        engine.engine();
        if (cleanup.isResolvable()) {
            cleanup.get().start();
        }
    }
}
