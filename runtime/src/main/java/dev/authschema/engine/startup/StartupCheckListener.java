package dev.authschema.engine.startup;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Runs the {@link StartupCheck} when the web application starts, where the container's CDI start-up event did not
 * (Payara fires it without the application's {@code ServletContext}); a check that fails fails the deployment here
 * too. Registered by the runtime jar's {@code web-fragment.xml}.
 */
public class StartupCheckListener implements ServletContextListener {

    @Inject
    StartupCheck check;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        check.runOnce();
    }
}
