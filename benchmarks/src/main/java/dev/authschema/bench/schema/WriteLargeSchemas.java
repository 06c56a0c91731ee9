package dev.authschema.bench.schema;

import dev.authschema.dsl.bench.LargeSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code large-<n>.prisma} for each size given, so that Prisma's validator (node, see
 * {@code prisma/validate-bench.js}) reads the same text as schema-dsl's {@code SchemaCompilerBenchmark} compiles
 * (both take it from {@link LargeSchemas}; {@code run-schema.sh} runs that benchmark from schema-dsl's test-jar).
 * Usage: {@code WriteLargeSchemas <directory> <models>...}.
 */
public final class WriteLargeSchemas {

    private WriteLargeSchemas() {}

    private static String fileName(int models) {
        return "large-" + models + ".prisma";
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: WriteLargeSchemas <directory> <models>...");
            System.exit(2);
        }
        Path directory = Files.createDirectories(Path.of(args[0]));
        for (int i = 1; i < args.length; i++) {
            int models = Integer.parseInt(args[i]);
            String schema = LargeSchemas.withModels(models);
            if (schema.contains("modelMapping")) {
                throw new IllegalStateException(
                        "Prisma rejects the modelMapping block; the shared schema must not have one");
            }
            Path file = directory.resolve(fileName(models));
            Files.writeString(file, schema, StandardCharsets.UTF_8);
            System.out.println(file + " " + schema.lines().count() + " lines");
        }
    }
}
