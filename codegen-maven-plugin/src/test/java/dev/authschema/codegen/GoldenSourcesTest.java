package dev.authschema.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The generated code of each sample schema, checked in under {@code src/test/resources/golden}: a
 * change to the generator shows up as a reviewable diff. Run with {@code -Dgolden.update=true} to
 * rewrite them after a deliberate change.
 */
class GoldenSourcesTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @ParameterizedTest
    @EnumSource(Samples.class)
    void generated_files_match_the_checked_in_ones(Samples sample) throws IOException {
        List<GeneratedFile> files = allFiles(sample);
        Path directory = GOLDEN.resolve(sample.directory());
        if (UPDATE) {
            deleteRecursively(directory);
            for (GeneratedFile file : files) {
                Path target = directory.resolve(file.relativePath());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.content(), StandardCharsets.UTF_8);
            }
        }
        for (GeneratedFile file : files) {
            assertThat(file.content())
                    .as(file.relativePath())
                    .isEqualTo(Files.readString(directory.resolve(file.relativePath()), StandardCharsets.UTF_8));
        }
        try (Stream<Path> checkedIn = Files.walk(directory)) {
            assertThat(checkedIn.filter(Files::isRegularFile).count())
                    .as("no stale golden files")
                    .isEqualTo(files.size());
        }
    }

    @ParameterizedTest
    @EnumSource(Samples.class)
    void generation_is_deterministic(Samples sample) {
        assertThat(allFiles(sample)).isEqualTo(allFiles(sample));
    }

    private static List<GeneratedFile> allFiles(Samples sample) {
        var schema = sample.schema();
        List<GeneratedFile> files = new java.util.ArrayList<>(CodeGenerator.javaSources(schema, sample.packageName));
        files.addAll(CodeGenerator.ddlScripts(schema));
        files.add(CodeGenerator.diagram(schema));
        files.add(CodeGenerator.persistenceUnit(schema, sample.packageName));
        return files;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path :
                    paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
