package dev.authschema.engine.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.engine.cdi.AuthEngineProducer;
import dev.authschema.engine.cleanup.ExpiredRowsCleanup;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The runtime's start-up observers wait for the web application: Payara fires {@code @Initialized(ApplicationScoped)}
 * once without a {@code ServletContext} while it loads the application, before the web module's
 * {@code java:comp/env} is bound. An observer of that event which builds the engine makes the generated adapter and
 * its {@code @PersistenceContext} injection fails the deployment ("Lookup failed for
 * 'java:comp/env/dev.authschema.jpa.ContainerJpaWork/entityManager'") unless the WAR has an EJB. The archetype's
 * Payara integration test runs the real case.
 */
class StartUpObserversTest {

    @Test
    void every_start_up_observer_takes_the_servlet_context() {
        List<String> observers = new ArrayList<>();
        for (Class<?> type : List.of(StartupCheck.class, AuthEngineProducer.class, ExpiredRowsCleanup.class)) {
            for (Method method : type.getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(Observes.class)
                            && parameter.isAnnotationPresent(Initialized.class)) {
                        observers.add(type.getSimpleName() + "." + method.getName() + "("
                                + parameter.getType().getSimpleName() + ")");
                    }
                }
            }
        }
        assertThat(observers)
                .containsExactlyInAnyOrder(
                        "StartupCheck.onStart(ServletContext)",
                        "AuthEngineProducer.onStart(ServletContext)",
                        "ExpiredRowsCleanup.onStart(ServletContext)");
    }

    @Test
    void the_listener_runs_each_start_up_step_where_the_event_did_not() throws Exception {
        assertThat(StartupCheckListener.class.getDeclaredField("check").getType())
                .isEqualTo(StartupCheck.class);
        assertThat(StartupCheckListener.class.getDeclaredField("engine").getType())
                .isEqualTo(AuthEngineProducer.class);
        // An Instance: without Jakarta Concurrency (Open Liberty without concurrent-3.0) the clean-up is no bean, and
        // a plain injection point would fail the listener's injection and so the start-up check.
        assertThat(StartupCheckListener.class
                        .getDeclaredField("cleanup")
                        .getGenericType()
                        .getTypeName())
                .isEqualTo("jakarta.enterprise.inject.Instance<" + ExpiredRowsCleanup.class.getName() + ">");
        assertThat(ExpiredRowsCleanup.class.getMethod("start").getParameterCount())
                .isZero();
        assertThat(ServletContext.class).isInterface();
    }
}
