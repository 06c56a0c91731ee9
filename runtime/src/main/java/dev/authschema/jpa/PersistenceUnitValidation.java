package dev.authschema.jpa;

import dev.authschema.adapter.AuthAdapter;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes the application's {@link AuthAdapter} while CDI validates the deployment, so that the generated producer's
 * check of the persistence unit ({@link ContainerJpaWork#requireEntities}) fails the deployment as a CDI deployment
 * problem, with its message, before the application counts as started. Servers report such a problem at once as
 * the deployment's failure (Open Liberty's Arquillian adapter among them), whereas a failure in a start-up observer
 * may only show in the server log while the deployment waits for a start that never comes.
 *
 * <p>Only the check's own {@link MissingEntitiesException} is reported here. Any other failure to make the adapter
 * this early (a server that binds the web module's {@code java:comp/env} only later, a hand-written producer that
 * needs something not yet there) is left to the application's start, where the engine is built as before.
 */
public class PersistenceUnitValidation implements Extension {

    private static final Logger LOG = Logger.getLogger(PersistenceUnitValidation.class.getName());

    void validate(@Observes AfterDeploymentValidation validation, BeanManager beans) {
        Set<Bean<?>> adapters = beans.getBeans(AuthAdapter.class);
        if (adapters.isEmpty()) {
            return;
        }
        Bean<?> adapter;
        try {
            adapter = beans.resolve(adapters);
        } catch (AmbiguousResolutionException e) {
            // CDI's own validation reports an ambiguous injection point; nothing to add.
            return;
        }
        if (adapter == null) {
            return;
        }
        try {
            beans.getReference(adapter, AuthAdapter.class, beans.createCreationalContext(adapter));
        } catch (RuntimeException e) {
            MissingEntitiesException missing = missingEntities(e);
            if (missing != null) {
                validation.addDeploymentProblem(missing);
            } else {
                LOG.log(
                        Level.FINE,
                        "[auth] the AuthAdapter cannot be made while CDI validates the deployment; its persistence"
                                + " unit is checked when the application starts",
                        e);
            }
        }
    }

    private static MissingEntitiesException missingEntities(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MissingEntitiesException missing) {
                return missing;
            }
        }
        return null;
    }
}
