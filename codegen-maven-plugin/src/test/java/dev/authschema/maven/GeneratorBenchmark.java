package dev.authschema.maven;

import dev.authschema.codegen.CodeGenerator;
import dev.authschema.codegen.GeneratedFile;
import dev.authschema.dsl.SchemaCompiler;
import dev.authschema.dsl.bench.LargeSchemas;
import dev.authschema.dsl.resolve.ResolvedSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Generation of a 1,000-model schema (target under 1 s warm) and the up-to-date check of an unchanged
 * rebuild (target under 50 ms: read the schema, hash the inputs, compare with the stored fingerprint).
 * Run with {@code ./mvnw -pl codegen-maven-plugin -am -Pbenchmark verify}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xms2g", "-Xmx2g"})
public class GeneratorBenchmark {

    @Param({"1000"})
    public int models;

    private ResolvedSchema schema;
    private Path schemaFile;
    private Path fingerprintFile;

    @Setup(Level.Trial)
    public void prepare() throws IOException {
        String text = LargeSchemas.withModels(models);
        schema = SchemaCompiler.compile("big.prisma", text).schema().orElseThrow();
        Path directory = Files.createTempDirectory("authschema-bench");
        schemaFile = Files.writeString(directory.resolve("auth.prisma"), text, StandardCharsets.UTF_8);
        fingerprintFile = directory.resolve("generate.fingerprint");
        unchangedInputs().storeIn(fingerprintFile);
    }

    /** Entities, enums, adapter and DDL of five dialects, in memory. */
    @Benchmark
    public List<GeneratedFile> generate() {
        List<GeneratedFile> files = new ArrayList<>(CodeGenerator.javaSources(schema, "com.example.big"));
        files.addAll(CodeGenerator.ddlScripts(schema));
        return files;
    }

    /** What an unchanged rebuild does before it skips: read, hash, compare. */
    @Benchmark
    public boolean upToDateCheck() throws IOException {
        return unchangedInputs().isStoredIn(fingerprintFile);
    }

    private Fingerprint unchangedInputs() throws IOException {
        return Fingerprint.of(
                "0.1.0-SNAPSHOT",
                "plugin.jar",
                "com.example.big",
                "/out",
                "/res",
                "auth.prisma",
                Files.readString(schemaFile, StandardCharsets.UTF_8));
    }
}
