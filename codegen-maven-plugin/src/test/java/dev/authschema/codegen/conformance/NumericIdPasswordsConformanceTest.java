package dev.authschema.codegen.conformance;

import dev.authschema.codegen.Samples;
import dev.authschema.codegen.harness.GeneratedAdapterHarness;
import dev.authschema.codegen.harness.GeneratedAdapterKit;
import dev.authschema.codegen.harness.TestDatabase;
import dev.authschema.dsl.CompileResult;
import dev.authschema.dsl.SchemaCompiler;
import org.junit.jupiter.api.AfterAll;

/**
 * The whole kit, its password cases included, on the NextAuth v3 schema with a {@code passwordHash} added to its
 * numbered users ({@code Int @default(autoincrement())}), on Derby: the password methods parse the contract's string
 * id, and an id that is no number (such as one with a trailing space) reads no hash and writes none. The
 * passwords sample covers string ids on every database.
 */
class NumericIdPasswordsConformanceTest extends GeneratedAdapterKit {

    private static GeneratedAdapterHarness running;

    @Override
    protected GeneratedAdapterHarness harness() {
        if (running == null) {
            String text = Samples.V3_LEGACY
                    .text()
                    .replace("  image         String?\n", "  image         String?\n  passwordHash  String?\n");
            CompileResult result = SchemaCompiler.compile("numbered-passwords.prisma", text);
            running = GeneratedAdapterHarness.start(
                    result.schema().orElseThrow(() -> new IllegalStateException(result.render())),
                    Samples.V3_LEGACY.packageName,
                    TestDatabase.Kind.DERBY);
        }
        return running;
    }

    @AfterAll
    static void stop() throws Exception {
        if (running != null) {
            running.close();
            running = null;
        }
    }
}
