package dev.authschema.maven;

import dev.authschema.dsl.CompileResult;
import dev.authschema.dsl.SchemaCompiler;
import dev.authschema.dsl.diag.Diagnostic;
import dev.authschema.dsl.diag.DiagnosticRenderer;
import dev.authschema.dsl.diag.SourceText;
import dev.authschema.dsl.resolve.ResolvedSchema;
import dev.authschema.dsl.resolve.UngeneratedFeatures;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The schema a goal works on: the user's file, or, when there is none, the built-in canonical schema
 * (the Auth.js models under their own names, like the seeds' default adapter).
 */
record SchemaSource(String displayName, String text, boolean builtIn) {

    static final String BUILT_IN = "default-schema.prisma";

    static SchemaSource read(File file, boolean fallBackToBuiltIn) throws MojoExecutionException {
        if (file.isFile()) {
            try {
                return new SchemaSource(file.getName(), Files.readString(file.toPath(), StandardCharsets.UTF_8), false);
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot read the schema " + file + ": " + e.getMessage(), e);
            }
        }
        if (!fallBackToBuiltIn) {
            throw new MojoExecutionException(
                    "There is no schema at " + file + ": give its path with -Dauthschema.schema=path/to/auth.prisma.");
        }
        return canonical();
    }

    static SchemaSource canonical() {
        try (InputStream in = SchemaSource.class.getResourceAsStream("/dev/authschema/codegen/" + BUILT_IN)) {
            return new SchemaSource(BUILT_IN, new String(in.readAllBytes(), StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The resolved schema; every diagnostic is logged, and errors fail the build with their count. */
    ResolvedSchema compile(Log log) throws MojoFailureException {
        CompileResult result = SchemaCompiler.compile(displayName, text);
        for (Diagnostic diagnostic : result.diagnostics()) {
            String rendered =
                    DiagnosticRenderer.render(result.source(), diagnostic).stripTrailing();
            if (diagnostic.isError()) {
                log.error(rendered);
            } else {
                log.warn(rendered);
            }
        }
        long errors = result.diagnostics().stream().filter(Diagnostic::isError).count();
        if (errors > 0) {
            throw new MojoFailureException(displayName + " has " + errors + (errors == 1 ? " error" : " errors")
                    + " (listed above); nothing was generated.");
        }
        return result.schema().orElseThrow();
    }

    /**
     * The generate step's own check: a valid schema may use what the generator cannot produce yet
     * ({@link UngeneratedFeatures}); each use is logged at its line, and the build fails before anything is written.
     */
    void refuseUngenerated(ResolvedSchema schema, Log log) throws MojoFailureException {
        List<Diagnostic> uses = UngeneratedFeatures.of(schema);
        SourceText source = new SourceText(displayName, text);
        uses.forEach(use -> log.error(DiagnosticRenderer.render(source, use).stripTrailing()));
        if (!uses.isEmpty()) {
            throw new MojoFailureException(
                    displayName + " uses " + uses.size() + (uses.size() == 1 ? " feature" : " features")
                            + " that AuthSchema cannot generate yet (listed above); nothing was generated.");
        }
    }
}
