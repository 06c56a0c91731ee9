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
 * {@code NAME.expected} its full rendered output; each {@code accepted/NAME.prisma} is a schema Prisma 6 accepts,
 * which must compile without errors, and {@code NAME.expected} its warnings (often nothing). A file whose first
 * line is {@value #WITH_AUTH_MODELS} is compiled with {@code differential/auth-models.prisma} appended, so that
 * only its own content decides. Run with {@code -Dgolden.update=true} to rewrite the expected files after a
 * deliberate change, then review the diff.
 */
class DiagnosticsGoldenTest {

    static final String WITH_AUTH_MODELS = "// with the auth models";
    private static final Path INVALID = Path.of("src/test/resources/diagnostics");
    private static final Path ACCEPTED = Path.of("src/test/resources/accepted");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static Stream<String> invalidCases() throws IOException {
        return cases(INVALID);
    }

    static Stream<String> acceptedCases() throws IOException {
        return cases(ACCEPTED);
    }

    private static Stream<String> cases(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".prisma"))
                    .map(n -> n.substring(0, n.length() - ".prisma".length()))
                    .sorted()
                    .toList();
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCases")
    void renders_exactly_the_expected_diagnostics(String name) throws IOException {
        CompileResult result = compileAndCompare(INVALID, name);
        assertThat(result.hasErrors())
                .as("an invalid schema must produce an error")
                .isTrue();
        assertThat(result.schema()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedCases")
    void compiles_with_exactly_the_expected_warnings(String name) throws IOException {
        CompileResult result = compileAndCompare(ACCEPTED, name);
        assertThat(result.hasErrors())
                .as("a schema Prisma accepts must compile:\n%s", result.render())
                .isFalse();
        assertThat(result.schema()).isPresent();
    }

    private static CompileResult compileAndCompare(Path directory, String name) throws IOException {
        String schema = Files.readString(directory.resolve(name + ".prisma"), StandardCharsets.UTF_8);
        if (schema.startsWith(WITH_AUTH_MODELS)) {
            schema = schema + "\n"
                    + Files.readString(
                            Path.of("src/test/resources/differential/auth-models.prisma"), StandardCharsets.UTF_8);
        }
        CompileResult result = SchemaCompiler.compile(name + ".prisma", schema);
        String rendered = result.render();
        Path expectedFile = directory.resolve(name + ".expected");
        if (UPDATE) {
            Files.writeString(expectedFile, rendered, StandardCharsets.UTF_8);
        }
        assertThat(rendered).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
        return result;
    }
}
