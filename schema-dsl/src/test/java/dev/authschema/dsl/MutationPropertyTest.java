package dev.authschema.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.dsl.ast.Span;
import dev.authschema.dsl.diag.Diagnostic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random damage to the valid sample schemas (characters, tokens and lines deleted, duplicated or
 * swapped) must never make the compiler throw, and every diagnostic must point inside the file.
 */
class MutationPropertyTest {

    private enum Unit {
        CHARACTER,
        TOKEN,
        LINE
    }

    private enum Edit {
        DELETE,
        DUPLICATE,
        SWAP
    }

    private record Mutation(Unit unit, Edit edit, int position, int other) {}

    @Property(tries = 1500)
    void damagedSchemasGiveDiagnosticsInsideTheFile(
            @ForAll("samples") String sample, @ForAll("mutations") List<Mutation> mutations) {
        String text = TestSchemas.read(sample);
        for (Mutation mutation : mutations) {
            text = apply(text, mutation);
        }

        CompileResult result = SchemaCompiler.compile("damaged.prisma", text);

        for (Diagnostic diagnostic : result.diagnostics()) {
            Span span = diagnostic.span();
            assertThat(span.end()).isLessThanOrEqualTo(text.length());
            assertThat(span.line()).isBetween(1, result.source().lineCount());
            assertThat(span.column() - 1)
                    .isLessThanOrEqualTo(result.source().line(span.line()).length());
        }
        assertThat(result.render()).isNotNull();
        assertThat(result.schema().isPresent()).isEqualTo(!result.hasErrors());
    }

    @Provide
    Arbitrary<String> samples() {
        return Arbitraries.of(TestSchemas.SAMPLES);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> mutation = Combinators.combine(
                        Arbitraries.of(Unit.class),
                        Arbitraries.of(Edit.class),
                        Arbitraries.integers().between(0, 100_000),
                        Arbitraries.integers().between(0, 100_000))
                .as(Mutation::new);
        return mutation.list().ofMinSize(1).ofMaxSize(4);
    }

    private static String apply(String text, Mutation mutation) {
        List<String> units = split(text, mutation.unit());
        if (units.isEmpty()) {
            return text;
        }
        int at = mutation.position() % units.size();
        int other = mutation.other() % units.size();
        switch (mutation.edit()) {
            case DELETE -> units.remove(at);
            case DUPLICATE -> units.add(at, units.get(at));
            case SWAP -> {
                String moved = units.get(at);
                units.set(at, units.get(other));
                units.set(other, moved);
            }
        }
        return String.join("", units);
    }

    /** The text cut into units that join back to it: characters, tokens-with-their-whitespace, or lines. */
    private static List<String> split(String text, Unit unit) {
        return switch (unit) {
            case CHARACTER -> new ArrayList<>(Arrays.asList(text.split("")));
            case TOKEN ->
                new ArrayList<>(Arrays.asList(text.split("(?<=[\\s{}()\\[\\],@=?:\"])|(?=[\\s{}()\\[\\],@=?:\"])")));
            case LINE -> new ArrayList<>(Arrays.asList(text.split("(?<=\n)")));
        };
    }
}
