package dev.authschema.codegen.conformance;

import dev.authschema.codegen.Samples;
import dev.authschema.codegen.harness.GeneratedAdapterHarness;
import dev.authschema.codegen.harness.GeneratedAdapterKit;
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
 * The conformance kit against the adapter generated from each sample schema (v3 legacy, current
 * Auth.js, custom models), on each database: embedded Derby, the local PostgreSQL and MariaDB, and
 * MariaDB again with the MySQL dialect's DDL. Each run gets a database or schema of its own.
 */
@ParameterizedClass(name = "{0} on {1}")
@MethodSource("targets")
class GeneratedAdapterConformanceTest extends GeneratedAdapterKit {

    @Parameter(0)
    Samples sample;

    @Parameter(1)
    TestDatabase.Kind databaseKind;

    private static GeneratedAdapterHarness running;

    static Stream<Arguments> targets() {
        return Arrays.stream(TestDatabase.Kind.values())
                .flatMap(kind -> Arrays.stream(Samples.values())
                        .filter(sample -> sample.runsOn(kind) && selected(sample))
                        .map(sample -> Arguments.of(sample, kind)));
    }

    /** {@code -Dkit.samples=UNSUPPORTED_TYPES,CURRENT} runs the kit on those samples only (all by default). */
    private static boolean selected(Samples sample) {
        String only = System.getProperty("kit.samples", "");
        return only.isBlank() || Arrays.asList(only.split(",")).contains(sample.name());
    }

    /**
     * The rate-limits sample has users, sessions, tokens and rate limits but no accounts (e-mail sign-in only): it
     * opts out of Auth.js's required methods. Every other sample has them all.
     */
    @Override
    protected boolean requireAuthJsMethods() {
        return sample != Samples.RATE_LIMITS;
    }

    @Override
    protected GeneratedAdapterHarness harness() {
        if (running == null) {
            running = GeneratedAdapterHarness.start(sample.schema(), sample.packageName, databaseKind);
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
