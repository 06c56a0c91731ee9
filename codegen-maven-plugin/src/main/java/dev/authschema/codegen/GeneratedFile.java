package dev.authschema.codegen;

/** One output file: its path relative to the output directory (with {@code /}), and its text. */
public record GeneratedFile(String relativePath, String content) {}
