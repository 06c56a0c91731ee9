package dev.authschema.containerit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 *
 * <p>On Payara Micro, EclipseLink refuses the unit while the deployment is prepared, before CDI starts (the user
 * entity's relation to an unlisted entity), and Payara Micro starts without the application in some 25 seconds.
 * Its Arquillian adapter does not report that as a failed deployment: it reads the list of deployed applications
 * from Payara Micro's output and returns with an empty one. The test then asserts that nothing is served at the
 * deployment's context root and that Payara's output, which the adapter copies to {@code System.out}, names the
 * unit and the unlisted entity.
 *
 * <p>Hibernate (WildFly) refuses such a unit itself while WildFly builds the entity manager factory, before CDI
 * starts, naming the first unlisted entity an association targets; WildFly fails the deployment operation with that
 * message, so the deployer reports it at once (with the time limit below) and the producer's check never runs.
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
    void a_persistence_unit_without_the_generated_entities_fails_the_deployment_at_once_naming_them()
            throws IOException {
        if ("payara".equals(System.getProperty("arquillian.launch"))) {
            on_payara_the_application_is_not_started_and_the_output_names_the_unlisted_entity();
            return;
        }
        if ("wildfly".equals(System.getProperty("arquillian.launch"))) {
            // Hibernate refuses the unit before CDI starts; WildFly's deployer reports its reason.
            assertTheDeploymentFailsAtOnceReporting(
                    "jboss.persistenceunit",
                    "com.example.club.auth.LinkedAccount",
                    "which does not belong to the same persistence unit");
            return;
        }
        assertTheDeploymentFailsAtOnceReporting(
                "DeploymentException",
                "META-INF/persistence.xml must list the generated entities",
                "com.example.club.auth.LinkedAccount",
                "com.example.club.auth.LoginSession");
    }

    private void assertTheDeploymentFailsAtOnceReporting(String... reported) {
        long started = System.nanoTime();
        Throwable refused = catchThrowable(() -> deployer.deploy(NAME));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        try {
            assertThat(refused)
                    .as("the deployment of a unit without the entities")
                    .isNotNull();
            assertThat(messages(refused))
                    .as("the deployment failure's messages")
                    .contains(reported);
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

    private void on_payara_the_application_is_not_started_and_the_output_names_the_unlisted_entity()
            throws IOException {
        ByteArrayOutputStream copied = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(new TeeOutputStream(console, copied), true, StandardCharsets.UTF_8));
        try {
            Throwable refused = catchThrowable(() -> deployer.deploy(NAME));
            String output = copied.toString(StandardCharsets.UTF_8);
            if (refused != null) {
                output += refused;
            }
            assertThat(output)
                    .as("Payara Micro's output while it deployed the unit without the entities")
                    .contains("Predeployment of PersistenceUnit [authschema] failed")
                    .contains("uses a non-entity [class com.example.club.auth.LoginSession]");
            assertThat(statusOf("http://127.0.0.1:" + System.getProperty("containerit.payara.http.port") + "/" + NAME
                            + "/ArquillianServletRunnerEE9"))
                    .as("what Payara Micro serves at the deployment's context root")
                    .isEqualTo(404);
        } finally {
            System.setOut(console);
            catchThrowable(() -> deployer.undeploy(NAME));
        }
    }

    private static int statusOf(String url) throws IOException {
        try {
            return HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + url, e);
        }
    }

    /** Writes to the console and keeps a copy. */
    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream console;
        private final ByteArrayOutputStream copy;

        TeeOutputStream(OutputStream console, ByteArrayOutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            console.write(b);
            copy.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            console.write(bytes, offset, length);
            copy.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            console.flush();
        }
    }
}
