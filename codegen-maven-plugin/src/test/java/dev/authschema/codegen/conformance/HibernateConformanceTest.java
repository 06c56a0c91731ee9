package dev.authschema.codegen.conformance;

import dev.authschema.codegen.Samples;
import dev.authschema.codegen.harness.GeneratedAdapterHarness;
import dev.authschema.codegen.harness.GeneratedAdapterKit;
import dev.authschema.codegen.harness.JpaProvider;
import dev.authschema.codegen.harness.TestDatabase;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance kit against each sample's generated adapter under Hibernate ORM (WildFly's provider) rather than
 * EclipseLink, on each database, with the same harness and {@code ResourceLocalJpaWork}: the generated code must
 * not depend on its provider.
 */
@ParameterizedClass(name = "{0} on {1} (Hibernate)")
@MethodSource("targets")
class HibernateConformanceTest extends GeneratedAdapterKit {

    @Parameter(0)
    Samples sample;

    @Parameter(1)
    TestDatabase.Kind databaseKind;

    private static GeneratedAdapterHarness running;

    /**
     * {@code -Dkit.databases=DERBY,POSTGRESQL} runs only those, {@code -Dkit.samples=RELATION_MODE} only those samples
     * (all by default).
     */
    static Stream<Arguments> targets() {
        String only = System.getProperty("kit.databases", "");
        String samples = System.getProperty("kit.samples", "");
        return Arrays.stream(TestDatabase.Kind.values())
                .filter(kind -> only.isBlank() || Arrays.asList(only.split(",")).contains(kind.name()))
                .flatMap(kind -> Arrays.stream(Samples.values())
                        .filter(sample -> sample.runsOn(kind))
                        .filter(sample -> samples.isBlank()
                                || Arrays.asList(samples.split(",")).contains(sample.name()))
                        .map(sample -> Arguments.of(sample, kind)));
    }

    /** As in {@link GeneratedAdapterConformanceTest}: the rate-limits sample has no accounts. */
    @Override
    protected boolean requireAuthJsMethods() {
        return sample != Samples.RATE_LIMITS;
    }

    @Override
    protected GeneratedAdapterHarness harness() {
        if (running == null) {
            running = GeneratedAdapterHarness.start(
                    sample.schema(), sample.packageName, databaseKind, JpaProvider.HIBERNATE);
        }
        return running;
    }

    @AfterParameterizedClassInvocation
    static void stop() throws Exception {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    @AfterAll
    static void stopLast() throws Exception {
        stop();
    }
}
