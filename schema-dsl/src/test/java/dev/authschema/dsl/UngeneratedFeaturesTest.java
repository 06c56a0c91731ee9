package dev.authschema.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.dsl.diag.Diagnostic;
import dev.authschema.dsl.resolve.UngeneratedFeatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What validate accepts but the generator cannot produce yet is named, at its line, for the generate step to refuse. */
class UngeneratedFeaturesTest {

    private static List<Diagnostic> uses(String fileName, String text) {
        CompileResult result = SchemaCompiler.compile(fileName, text);
        assertThat(result.hasErrors()).as(result.render()).isFalse();
        return UngeneratedFeatures.of(result.schema().orElseThrow());
    }

    private static String accepted(String name) throws IOException {
        String text =
                Files.readString(Path.of("src/test/resources/accepted/" + name + ".prisma"), StandardCharsets.UTF_8);
        return text.startsWith(DiagnosticsGoldenTest.WITH_AUTH_MODELS)
                ? text + "\n"
                        + Files.readString(
                                Path.of("src/test/resources/differential/auth-models.prisma"), StandardCharsets.UTF_8)
                : text;
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "prisma-by-design-index-length-over-the-prefix-limit | 11 | an index prefix `length` over 3072",
                "prisma-by-design-index-sort-on-brin | 11 | a sort order on an index whose `type:` is not BTree",
                "prisma-by-design-index-type-hash-and-ops | 13 | operator classes (`ops:`)",
                "prisma-by-design-unsupported-id-with-unique | 8 | an `Unsupported(...)` field in the primary key",
                "prisma-by-design-multi-schema | 9 | multiSchema",
                "prisma-by-design-scalar-lists | 9 | scalar lists (`String[]`)",
                "prisma-by-design-implicit-many-to-many-self | 9 | implicit many-to-many self-relations",
                "prisma-by-design-fulltext-over-an-int | 16 | a fulltext index over a field that is not a `String` (`views`)",
                "prisma-by-design-clustered | 8 | `clustered:` on `@id`",
                "prisma-sqlserver-named-default | 9 | named default constraints",
            })
    void eachFeatureIsNamedAtItsLine(String name, int line, String feature) throws IOException {
        List<Diagnostic> uses = uses(name + ".prisma", accepted(name));

        assertThat(uses).isNotEmpty();
        Diagnostic first = uses.get(0);
        assertThat(first.isError()).isTrue();
        assertThat(first.span().line()).isEqualTo(line);
        assertThat(first.message()).contains("cannot generate " + feature);
    }

    /**
     * Generated: sort orders, prefix lengths and access methods of {@code @@index}; nanoid and ulid ids;
     * {@code Unsupported(...)}, {@code @@fulltext}, implicit many-to-many, {@code relationMode = "prisma"};
     * {@code sort} and {@code length} on {@code @id}, {@code @unique}, {@code @@id} and {@code @@unique}; PostgreSQL
     * {@code extensions}.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "prisma-by-design-index-sort-and-length",
                "prisma-by-design-nanoid-and-ulid",
                "prisma-by-design-unsupported-type",
                "prisma-by-design-unsupported-keys",
                "prisma-by-design-fulltext",
                "prisma-by-design-implicit-many-to-many",
                "prisma-by-design-relation-mode-prisma",
                "prisma-by-design-referential-integrity-prisma",
                "prisma-by-design-unique-field-sort",
                "attribute-unique-sort",
                "prisma-by-design-key-sort-and-length",
                "prisma-by-design-key-sort-sqlserver",
                "prisma-by-design-extensions",
                "prisma-by-design-extensions-arguments"
            })
    void features_the_generator_produces_are_not_listed(String name) throws IOException {
        assertThat(uses(name + ".prisma", accepted(name))).isEmpty();
    }

    /**
     * A field argument given twice counts once, as the validator and Prisma take it (the first): a second
     * {@code length:} too long for a {@code long}, or below 1, neither throws nor is refused.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "a(length: 5, length: 99999999999999999999)",
                "a(length: 5, length: -99999999999999999999)",
                "a(length: 5, length: 0)",
                "a(length: 5, length: x)",
            })
    void a_second_argument_of_an_index_field_is_not_read(String field) {
        String text = TestSchemas.read("authjs-current.prisma")
                .replace("provider = \"postgresql\"", "provider = \"mysql\"")
                .replace(
                        "  image         String?\n",
                        "  image         String?\n  a String\n  @@index([" + field + "])\n");

        assertThat(uses("index.prisma", text)).isEmpty();
    }

    /** A prefix length below 1 however many digits it has: refused at its line, never a number format error. */
    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "000000000", "-5", "-99999999999999999999"})
    void a_prefix_length_below_1_is_named_at_its_line(String length) {
        String text = TestSchemas.read("authjs-current.prisma")
                .replace("provider = \"postgresql\"", "provider = \"mysql\"")
                .replace(
                        "  image         String?\n",
                        "  image         String?\n  a String\n  @@index([a(length: 5), a2(length: " + length
                                + ")])\n  a2 String\n");
        CompileResult result = SchemaCompiler.compile("index.prisma", text);
        if (result.hasErrors()) {
            assertThat(result.render()).contains("The `length` argument takes a whole number");
            return;
        }
        assertThat(UngeneratedFeatures.of(result.schema().orElseThrow()))
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("an index prefix `length` below 1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"authjs-v3-legacy.prisma", "authjs-current.prisma", "custom-models.prisma"})
    void the_sample_schemas_use_none(String sample) {
        assertThat(uses(sample, TestSchemas.read(sample))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "prisma-default-functions-uuid-4",
                "prisma-default-functions-uuid-7",
                "prisma-default-functions-cuid-2"
            })
    void defaults_the_generator_produces_are_not_listed(String name) throws IOException {
        assertThat(uses(name + ".prisma", accepted(name))).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void a_field_argument_prisma_ignores_is_refused_with_the_name_it_meant() throws IOException {
        String name = "prisma-by-design-index-unknown-field-argument";
        assertThat(uses(name + ".prisma", accepted(name))).singleElement().satisfies(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.span().line()).isEqualTo(11);
            assertThat(d.message()).contains("Prisma ignores this argument of the field `code`");
            assertThat(d.hint()).contains("sort");
        });
    }

    /** A role model's required Unsupported column without a default: the adapter could not insert its rows. */
    @org.junit.jupiter.api.Test
    void a_required_unsupported_field_of_a_role_model_is_refused_with_both_fixes() {
        String text = TestSchemas.read("authjs-current.prisma")
                .replace(
                        "  image         String?\n",
                        "  image         String?\n  location      Unsupported(\"point\")\n");

        assertThat(uses("unsupported.prisma", text)).singleElement().satisfies(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.span().line())
                    .isEqualTo(text.lines().toList().indexOf("  location      Unsupported(\"point\")") + 1);
            assertThat(d.message())
                    .contains("`location` of `User` (the User model)")
                    .contains("could not create User rows")
                    .contains("`Unsupported(\"point\")?`")
                    .contains("`@default(dbgenerated(\"...\"))`");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Unsupported(\"point\")?", "Unsupported(\"point\") @default(dbgenerated(\"point(0, 0)\"))"})
    void an_optional_or_database_filled_unsupported_field_of_a_role_model_is_generated(String type) {
        String text = TestSchemas.read("authjs-current.prisma")
                .replace("  image         String?\n", "  image         String?\n  location      " + type + "\n");

        assertThat(uses("unsupported.prisma", text)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void a_list_of_an_unsupported_type_is_refused() {
        String text = TestSchemas.read("authjs-current.prisma")
                + "\nmodel Place {\n  id Int @id\n  points Unsupported(\"point\")[]\n}\n";

        assertThat(uses("unsupported.prisma", text))
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("cannot generate lists of `Unsupported(...)` types"));
    }

    /** JPA joins over mapped columns only: both ends of the relation are refused. */
    @org.junit.jupiter.api.Test
    void a_relation_over_an_unsupported_field_is_refused() {
        String text = TestSchemas.read("authjs-current.prisma")
                + "\nmodel Place {\n  id Int @id\n  net Unsupported(\"inet\") @unique\n  items Item[]\n}\n"
                + "\nmodel Item {\n  id Int @id\n  net Unsupported(\"inet\")\n"
                + "  place Place @relation(fields: [net], references: [net])\n}\n";

        assertThat(uses("unsupported.prisma", text))
                .hasSize(2)
                .allSatisfy(d -> assertThat(d.message())
                        .contains("cannot generate a relation over an `Unsupported(...)` field"));
    }

    /** The adapter's records have no list of sessions or accounts: a join table between two role models is refused. */
    @org.junit.jupiter.api.Test
    void an_implicit_many_to_many_relation_between_two_role_models_is_refused() {
        String text = TestSchemas.read("authjs-current.prisma")
                .replace("  image         String?\n", "  image         String?\n  tokens VerificationToken[]\n")
                .replace("  expires    DateTime\n", "  expires    DateTime\n  users User[]\n")
                .replace("  @@id([identifier, token])", "  id String @id\n  @@unique([identifier, token])");
        CompileResult result = SchemaCompiler.compile("roles.prisma", text);
        assertThat(result.hasErrors()).as(result.render()).isFalse();

        assertThat(UngeneratedFeatures.of(result.schema().orElseThrow()))
                .singleElement()
                .satisfies(d -> assertThat(d.message())
                        .contains("cannot generate implicit many-to-many relations between two role models"));
    }
}
