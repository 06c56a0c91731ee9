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
 * The positive side of {@link DiagnosticsGoldenTest}: each {@code accepted/NAME.prisma} is a schema Prisma 6
 * accepts, so it must compile without errors; {@code NAME.expected} is its full rendered output (its warnings,
 * often nothing). {@code -Dgolden.update=true} rewrites the expected files.
 */
class AcceptedGoldenTest {

    private static final Path DIRECTORY = Path.of("src/test/resources/accepted");
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
    void compilesWithExactlyTheExpectedWarnings(String name) throws IOException {
        String schema = Files.readString(DIRECTORY.resolve(name + ".prisma"), StandardCharsets.UTF_8);
        CompileResult result = SchemaCompiler.compile(name + ".prisma", schema);
        String rendered = result.render();
        Path expectedFile = DIRECTORY.resolve(name + ".expected");
        if (UPDATE) {
            Files.writeString(expectedFile, rendered, StandardCharsets.UTF_8);
        }
        assertThat(result.hasErrors()).as("a schema Prisma accepts must compile:\n%s", rendered).isFalse();
        assertThat(result.schema()).isPresent();
        assertThat(rendered).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
    }
}
