package dev.authschema.dsl;

import dev.authschema.dsl.ast.SchemaFile;
import dev.authschema.dsl.diag.Diagnostics;
import dev.authschema.dsl.diag.SourceText;
import dev.authschema.dsl.parse.SchemaParser;
import dev.authschema.dsl.resolve.SchemaResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The entry point of the schema language: text in, a {@link CompileResult} out. Bad input never
 * throws; it comes back as diagnostics with file, line, column and a code frame.
 */
public final class SchemaCompiler {

    private SchemaCompiler() {}

    /** Parses, validates and resolves a schema. */
    public static CompileResult compile(String fileName, String text) {
        Diagnostics diagnostics = new Diagnostics(new SourceText(fileName, text));
        SchemaFile syntax = SchemaParser.parse(diagnostics);
        var schema = SchemaResolver.resolve(syntax, diagnostics);
        return new CompileResult(diagnostics.source(), syntax, schema.orElse(null), diagnostics.sorted());
    }

    /** Reads a UTF-8 schema file and compiles it; diagnostics name the file by its file name. */
    public static CompileResult compile(Path file) throws IOException {
        return compile(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses only: the syntax tree and the syntax errors, without the validation rules. */
    public static CompileResult parse(String fileName, String text) {
        Diagnostics diagnostics = new Diagnostics(new SourceText(fileName, text));
        SchemaFile syntax = SchemaParser.parse(diagnostics);
        return new CompileResult(diagnostics.source(), syntax, null, diagnostics.sorted());
    }
}
