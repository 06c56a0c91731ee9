package dev.authschema.codegen.harness;

import dev.authschema.codegen.GeneratedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles generated sources with {@code -Xlint:all} against the test class path; any error or warning fails. */
public final class InMemoryCompiler {

    private InMemoryCompiler() {}

    /** The compiled classes, in a class loader whose parent is the test's. */
    public static URLClassLoader compile(List<GeneratedFile> sources, Path workDirectory) {
        try {
            Path sourceRoot = Files.createDirectories(workDirectory.resolve("sources"));
            Path classes = Files.createDirectories(workDirectory.resolve("classes"));
            List<Path> files = new ArrayList<>();
            for (GeneratedFile source : sources) {
                Path file = sourceRoot.resolve(source.relativePath());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.content(), StandardCharsets.UTF_8);
                files.add(file);
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager fileManager =
                    compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
                List<String> options = List.of(
                        "-Xlint:all",
                        "-proc:none",
                        "--release",
                        "17",
                        "-d",
                        classes.toString(),
                        "-classpath",
                        System.getProperty("java.class.path"));
                boolean ok = compiler.getTask(
                                null,
                                fileManager,
                                diagnostics,
                                options,
                                null,
                                fileManager.getJavaFileObjectsFromPaths(files))
                        .call();
                List<String> problems = diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
                        .map(d -> d.getKind() + " "
                                + (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber()) + " "
                                + d.getMessage(null))
                        .toList();
                if (!ok || !problems.isEmpty()) {
                    throw new AssertionError(
                            "The generated code does not compile cleanly:\n" + String.join("\n", problems));
                }
            }
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, InMemoryCompiler.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
