package dev.authschema.maven;

import dev.authschema.codegen.GeneratedFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.sonatype.plexus.build.incremental.BuildContext;

/**
 * Writes generated files so that an unchanged file is never touched (IDEs and incremental compilers
 * see no change) and a file the schema no longer produces is deleted.
 */
final class OutputWriter {

    record Result(int written, int unchanged, int deleted) {}

    private final BuildContext buildContext;

    OutputWriter(BuildContext buildContext) {
        this.buildContext = buildContext;
    }

    Result write(Path root, List<GeneratedFile> files) throws IOException {
        int written = 0;
        int unchanged = 0;
        Set<Path> expected = new HashSet<>();
        for (GeneratedFile file : files) {
            Path target = root.resolve(file.relativePath()).normalize();
            expected.add(target);
            byte[] bytes = file.content().getBytes(StandardCharsets.UTF_8);
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
                unchanged++;
                continue;
            }
            Files.createDirectories(target.getParent());
            try (OutputStream out = buildContext.newFileOutputStream(target.toFile())) {
                out.write(bytes);
            }
            written++;
        }
        int deleted = deleteStale(root, expected);
        if (written > 0 || deleted > 0) {
            buildContext.refresh(root.toFile());
        }
        return new Result(written, unchanged, deleted);
    }

    private static int deleteStale(Path root, Set<Path> expected) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int deleted = 0;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                if (!expected.contains(path.normalize())) {
                    Files.delete(path);
                    deleted++;
                }
            }
        }
        return deleted;
    }
}
