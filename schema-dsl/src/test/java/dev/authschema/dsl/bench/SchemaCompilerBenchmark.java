package dev.authschema.dsl.bench;

import dev.authschema.dsl.CompileResult;
import dev.authschema.dsl.SchemaCompiler;
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
 * Parse + validate + resolve of a generated schema of 100, 1,000 and 10,000 models (about 15 lines
 * each). Target: 1,000 models under 150 ms warm, time linear in size. Run with
 * {@code ./mvnw -pl schema-dsl -Pbenchmark verify} (see the module's pom).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public class SchemaCompilerBenchmark {

    @Param({"100", "1000", "10000"})
    public int models;

    private String schema;

    @Setup(Level.Trial)
    public void writeSchema() {
        schema = LargeSchemas.withModels(models);
        CompileResult check = SchemaCompiler.compile("big.prisma", schema);
        if (check.hasErrors()) {
            throw new IllegalStateException("the benchmark schema must be valid:\n" + check.render());
        }
    }

    @Benchmark
    public CompileResult compile() {
        return SchemaCompiler.compile("big.prisma", schema);
    }
}
