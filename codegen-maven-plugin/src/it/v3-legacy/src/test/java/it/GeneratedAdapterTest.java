package it;

import dev.authschema.codegen.harness.GeneratedAdapterHarness;
import dev.authschema.codegen.harness.GeneratedAdapterKit;
import dev.authschema.codegen.harness.TestDatabase;
import dev.authschema.dsl.CompileResult;
import dev.authschema.dsl.SchemaCompiler;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;

/** The conformance kit against the adapter this build generated and compiled, on embedded Derby. */
class GeneratedAdapterTest extends GeneratedAdapterKit {

    private static GeneratedAdapterHarness harness;

    @Override
    protected GeneratedAdapterHarness harness() {
        if (harness == null) {
            try {
                CompileResult schema = SchemaCompiler.compile("auth.prisma", schemaText());
                URLClassLoader classes = new URLClassLoader(new URL[] {Path.of("target/classes").toUri().toURL()},
                        GeneratedAdapterTest.class.getClassLoader());
                harness = GeneratedAdapterHarness.start(schema.schema().orElseThrow(), "com.example.legacy", TestDatabase.Kind.DERBY, classes);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return harness;
    }

    private static String schemaText() throws Exception {
        return Files.readString(Path.of("src/main/authschema/auth.prisma"), StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }
}
