package dev.authschema.containerit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A deployment whose persistence unit lists only the user entity and the converter: the application must not start,
 * and the deployment's failure must say which entities the unit has to list, instead of leaving the mistake to the
 * first sign-in. EclipseLink may reject such a unit itself (a relation to an unlisted entity) and inject nothing;
 * either way the generated producer's check ({@code ContainerJpaWork.requireEntities}) fails with the names, and the
 * runtime's {@code PersistenceUnitValidation} makes the adapter while CDI validates the deployment, so that the check
 * is a CDI deployment problem: Liberty fails the start at once, and its Arquillian adapter reports the deployment's
 * failure with the message in seconds (before, a failure in the start-up observer left the adapter waiting for the
 * start until {@code appDeployTimeout}, 240 s).
 */
@ExtendWith(ArquillianExtension.class)
class BrokenPersistenceUnitIT {

    private static final String NAME = "broken-persistence-unit";
    /** Far below the adapter's appDeployTimeout (240 s), far above a deployment's few seconds. */
    private static final Duration REPORTED_WITHIN = Duration.ofSeconds(90);

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = NAME, managed = false)
    static WebArchive deployment() {
        List<Class<?>> onlyTheUser = KitDeployment.generatedClasses(Sample.CUSTOM_MODELS).stream()
                .filter(type -> type.getSimpleName().equals("Member")
                        || type.getSimpleName().equals("UtcInstantConverter"))
                .toList();
        return KitDeployment.of(Sample.CUSTOM_MODELS, TargetDatabase.DERBY, NAME, onlyTheUser);
    }

    @Test
    @RunAsClient
    void a_persistence_unit_without_the_generated_entities_fails_the_deployment_at_once_naming_them() {
        long started = System.nanoTime();
        Throwable refused = catchThrowable(() -> deployer.deploy(NAME));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        try {
            assertThat(refused)
                    .as("the deployment of a unit without the entities")
                    .isNotNull();
            assertThat(messages(refused))
                    .as("the deployment failure's messages")
                    .contains("DeploymentException")
                    .contains("META-INF/persistence.xml must list the generated entities")
                    .contains("com.example.club.auth.LinkedAccount")
                    .contains("com.example.club.auth.LoginSession");
            assertThat(took).as("how long the failure took to reach the test").isLessThan(REPORTED_WITHIN);
        } finally {
            catchThrowable(() -> deployer.undeploy(NAME));
        }
    }

    /** The failure's class names and messages, its causes' included. */
    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            all.append(cause.getClass().getName())
                    .append(": ")
                    .append(cause.getMessage())
                    .append('\n');
            if (cause.getCause() == cause) {
                break;
            }
        }
        return all.toString();
    }
}
