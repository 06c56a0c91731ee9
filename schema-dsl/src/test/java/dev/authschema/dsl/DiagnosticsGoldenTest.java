package dev.authschema.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests, like Prisma's own: each {@code diagnostics/NAME.prisma} is an invalid schema and
 * {@code NAME.expected} its full rendered output. Run with {@code -Dgolden.update=true} to rewrite the
 * expected files after a deliberate change, then review the diff.
 */
class DiagnosticsGoldenTest {

    private static final Path DIRECTORY = Path.of("src/test/resources/diagnostics");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".prisma"))
                    .map(n -> n.substring(0, n.length() - ".prisma".length())).sorted().toList();
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersExactlyTheExpectedDiagnostics(String name) throws IOException {
        String schema = Files.readString(DIRECTORY.resolve(name + ".prisma"), StandardCharsets.UTF_8);
        CompileResult result = SchemaCompiler.compile(name + ".prisma", schema);
        String rendered = result.render();
        Path expectedFile = DIRECTORY.resolve(name + ".expected");
        if (UPDATE) {
            Files.writeString(expectedFile, rendered, StandardCharsets.UTF_8);
        }
        assertThat(result.hasErrors()).as("an invalid schema must produce an error").isTrue();
        assertThat(result.schema()).isEmpty();
        assertThat(rendered).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
    }
}
