package dev.authschema.dsl.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.dsl.ast.Block;
import dev.authschema.dsl.ast.Member;
import dev.authschema.dsl.ast.SchemaFile;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What must hold for every input: the sample schemas and the messy hand-written ones. */
class FormatterPropertiesTest {

    static Stream<Arguments> inputs() {
        return Stream.concat(
                FormatterFixtures.SAMPLES.stream().map(name -> Arguments.of(name, FormatterFixtures.sample(name))),
                FormatterFixtures.MESSY.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue())));
    }

    private static String formatted(String text) {
        FormatResult result = SchemaFormatter.format("test.prisma", text);
        assertThat(result.isFormatted()).as(result.render()).isTrue();
        assertThat(result.diagnostics()).as(result.render()).isEmpty();
        return result.formattedOrNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void formatting_is_idempotent(String name, String text) {
        String once = formatted(text);
        FormatResult twice = SchemaFormatter.format("test.prisma", once);

        assertThat(twice.formattedOrNull()).isEqualTo(once);
        assertThat(twice.changed()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void formatting_keeps_the_syntax_tree_apart_from_the_moved_block_attributes(String name, String text) {
        SchemaFile input = FormatterFixtures.parse(text);
        SchemaFile output = FormatterFixtures.parse(formatted(text));

        assertThat(FormatterFixtures.withoutLayout(output))
                .isEqualTo(FormatterFixtures.withoutLayout(FormatterFixtures.arranged(input)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void arranging_only_moves_block_attributes_and_their_comments(String name, String text) {
        for (Block block : FormatterFixtures.parse(text).blocks()) {
            List<Member> arranged = SchemaFormatter.arrange(block.members());

            assertThat(sorted(arranged)).isEqualTo(sorted(block.members()));
            assertThat(only(arranged, Member.Field.class, Member.Property.class))
                    .isEqualTo(only(block.members(), Member.Field.class, Member.Property.class));
            assertThat(only(arranged, Member.BlockAttribute.class))
                    .isEqualTo(only(block.members(), Member.BlockAttribute.class));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void output_follows_the_line_rules(String name, String text) {
        String out = formatted(text);

        assertThat(out)
                .endsWith("\n")
                .doesNotEndWith("\n\n")
                .doesNotStartWith("\n")
                .doesNotContain("\r", "\t", "\n\n\n", "{\n\n", "\n\n}");
        assertThat(out.lines()).noneMatch(line -> line.endsWith(" "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void every_comment_of_the_input_is_in_the_output(String name, String text) {
        String out = formatted(text);

        for (String comment : comments(text)) {
            assertThat(out).contains(comment);
        }
    }

    /** Changing only the spaces, tabs and blank-line runs of a formatted sample never changes its formatting. */
    @Property(tries = 200)
    void whitespaceDoesNotMatter(@ForAll("samples") String sample, @ForAll long seed) {
        String expected = formatted(sample);
        assertThat(formatted(scramble(sample, new Random(seed)))).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> samples() {
        return Arbitraries.of(FormatterFixtures.SAMPLES).map(FormatterFixtures::sample);
    }

    private static final Pattern CODE_SPACES = Pattern.compile("[ \t]+");

    /** Re-spaces the code part of every line (the samples have no spaces in strings) and doubles some blank lines. */
    private static String scramble(String text, Random random) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            int comment = line.indexOf("//");
            String code = comment < 0 ? line : line.substring(0, comment);
            Matcher spaces = CODE_SPACES.matcher(code);
            StringBuilder respaced = new StringBuilder();
            while (spaces.find()) {
                spaces.appendReplacement(respaced, whitespace(random, 1));
            }
            spaces.appendTail(respaced);
            out.append(respaced).append(comment < 0 ? "" : line.substring(comment));
            if (random.nextInt(4) == 0) {
                out.append(whitespace(random, 0)); // trailing whitespace
            }
            out.append('\n');
            if (line.isBlank() && random.nextBoolean()) {
                out.append(whitespace(random, 0)).append('\n');
            }
        }
        return out.toString();
    }

    private static String whitespace(Random random, int atLeast) {
        StringBuilder out = new StringBuilder();
        for (int i = atLeast + random.nextInt(4); i > 0; i--) {
            out.append(random.nextBoolean() ? ' ' : '\t');
        }
        return out.toString();
    }

    private static List<String> comments(String text) {
        return text.lines()
                .filter(line -> line.contains("//"))
                .map(line -> line.substring(line.indexOf("//")).strip())
                .map(comment -> comment.startsWith("///") ? comment.substring(3).strip() : comment)
                .toList();
    }

    private static List<Object> sorted(List<Member> members) {
        return members.stream()
                .filter(m -> !(m instanceof Member.BlankLine))
                .map(FormatterFixtures::withoutLayout)
                .sorted(Comparator.comparing(Object::toString))
                .toList();
    }

    private static List<Object> only(List<Member> members, Class<?>... kinds) {
        return members.stream()
                .filter(m -> Stream.of(kinds).anyMatch(k -> k.isInstance(m)))
                .map(FormatterFixtures::withoutLayout)
                .toList();
    }
}
