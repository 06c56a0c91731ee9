package dev.authschema.bench.schema;

import dev.authschema.dsl.CompileResult;
import dev.authschema.dsl.SchemaCompiler;
import dev.authschema.dsl.bench.LargeSchemas;
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
 * Parse + validate + resolve of {@link LargeSchemas#withModels(int)}, warm: the very text that
 * {@link WriteLargeSchemas} writes for Prisma's validator, so both sides read the same schema.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class SchemaCompileBenchmark {

    @Param({"100", "1000", "10000"})
    public int models;

    private String schema;

    @Setup(Level.Trial)
    public void writeSchema() {
        schema = LargeSchemas.withModels(models);
        CompileResult check = SchemaCompiler.compile(WriteLargeSchemas.fileName(models), schema);
        if (check.hasErrors()) {
            throw new IllegalStateException("The benchmark schema must be valid:\n" + check.render());
        }
    }

    @Benchmark
    public CompileResult compile() {
        return SchemaCompiler.compile(WriteLargeSchemas.fileName(models), schema);
    }
}
