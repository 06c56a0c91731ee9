package dev.authschema.codegen.harness;

import dev.authschema.dsl.CompileResult;
import dev.authschema.dsl.SchemaCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;

/**
 * The conformance kit against the adapter that an integration build of the plugin ({@code src/it/*}) generated and
 * compiled, on embedded Derby. Each such build runs this one class from the plugin's test-jar (surefire's
 * {@code dependenciesToScan}) and says, as system properties, what it generated:
 * <ul>
 *   <li>{@code authschema.it.package}: the generated code's Java package (required);</li>
 *   <li>{@code authschema.it.schema}: the schema file, relative to the build's directory; without it, the plugin's
 *       built-in default schema.</li>
 * </ul>
 * The name does not end in {@code Test}, so the plugin's own test run does not pick it up.
 */
public class InvokerProjectConformance extends GeneratedAdapterKit {

    private static final String DEFAULT_SCHEMA = "/dev/authschema/codegen/default-schema.prisma";

    private static GeneratedAdapterHarness harness;

    @Override
    protected GeneratedAdapterHarness harness() {
        if (harness == null) {
            String packageName = System.getProperty("authschema.it.package");
            if (packageName == null) {
                throw new IllegalStateException("Set the system property authschema.it.package to the generated "
                        + "code's package in the integration build's surefire configuration");
            }
            try {
                CompileResult schema = SchemaCompiler.compile("auth.prisma", schemaText());
                URLClassLoader classes = new URLClassLoader(
                        new URL[] {Path.of("target/classes").toUri().toURL()},
                        InvokerProjectConformance.class.getClassLoader());
                harness = GeneratedAdapterHarness.start(
                        schema.schema().orElseThrow(), packageName, TestDatabase.Kind.DERBY, classes);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return harness;
    }

    private static String schemaText() throws IOException {
        String file = System.getProperty("authschema.it.schema");
        if (file != null) {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        }
        try (InputStream in = InvokerProjectConformance.class.getResourceAsStream(DEFAULT_SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_SCHEMA + " is not on the class path (the plugin's jar has it)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }
}
