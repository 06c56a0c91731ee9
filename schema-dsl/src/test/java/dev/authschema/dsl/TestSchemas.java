package dev.authschema.dsl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The sample schemas of {@code shared/schemas}, copied into the test resources. */
final class TestSchemas {

    static final List<String> SAMPLES =
            List.of("authjs-v3-legacy.prisma", "authjs-current.prisma", "custom-models.prisma");

    private TestSchemas() {}

    static String read(String name) {
        try (InputStream in = TestSchemas.class.getResourceAsStream("/schemas/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test schema " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CompileResult compile(String name) {
        return SchemaCompiler.compile(name, read(name));
    }
}
