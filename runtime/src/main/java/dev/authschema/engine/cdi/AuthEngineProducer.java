package dev.authschema.engine.cdi;

import dev.authschema.engine.AuthEngine;
import dev.authschema.engine.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.servlet.ServletContext;

/**
 * Builds the one {@link AuthEngine} of the application from the application's {@link AuthConfig} bean, and does so
 * when the application starts, so that an invalid configuration fails the deployment with its message instead of the
 * first sign-in.
 *
 * <p>{@link AuthConfig} is a final, immutable class: produce it {@code @Dependent} (no scope annotation) or
 * {@code @jakarta.inject.Singleton}, not {@code @ApplicationScoped}, which would need a proxy.
 */
@ApplicationScoped
public class AuthEngineProducer {

    @Inject
    AuthConfig config;

    private AuthEngine engine;

    /**
     * @return the engine, built on first use
     */
    @Produces
    @Singleton
    public synchronized AuthEngine engine() {
        if (engine == null) {
            engine = new AuthEngine(config);
        }
        return engine;
    }

    /**
     * Builds the engine when the web application starts: the start-up event whose payload is its
     * {@code ServletContext}, or, where the container fires that event only without one (Payara), the runtime's
     * {@code StartupCheckListener}. Not the event without a {@code ServletContext}: Payara fires it while it loads
     * the application, before the web module's {@code java:comp/env} is bound, so the generated adapter's
     * {@code @PersistenceContext} could not be injected yet and the deployment would fail.
     *
     * @param context the web application's context
     */
    void onStart(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        engine();
    }
}
