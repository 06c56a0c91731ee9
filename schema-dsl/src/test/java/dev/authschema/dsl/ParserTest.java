package dev.authschema.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.dsl.ast.Attribute;
import dev.authschema.dsl.ast.Block;
import dev.authschema.dsl.ast.BlockKind;
import dev.authschema.dsl.ast.Expression;
import dev.authschema.dsl.ast.Member;
import dev.authschema.dsl.ast.SchemaFile;
import dev.authschema.dsl.ast.TopLevel;
import dev.authschema.dsl.ast.TypeModifier;
import org.junit.jupiter.api.Test;

class ParserTest {

    private static SchemaFile parse(String text) {
        CompileResult result = SchemaCompiler.parse("test.prisma", text);
        assertThat(result.diagnostics()).as(result.render()).isEmpty();
        return result.syntax();
    }

    @Test
    void keeps_doc_comments_trailing_comments_and_standalone_comments() {
        SchemaFile file = parse("""
                // a file comment

                /// A person.
                /// Second line.
                model User { // header
                  /// The key.
                  id    String @id // trailing
                  // standalone
                  name  String?
                }
                """);

        assertThat(file.entries().get(0))
                .isEqualTo(new TopLevel.Comment(
                        "// a file comment", file.entries().get(0).span()));
        Block user = file.blocks().get(0);
        assertThat(user.docs()).containsExactly("A person.", "Second line.");
        assertThat(user.headerComment()).isEqualTo("// header");
        Member.Field id = user.fields().get(0);
        assertThat(id.docs()).containsExactly("The key.");
        assertThat(id.trailingComment()).isEqualTo("// trailing");
        assertThat(user.members()).hasSize(3);
        assertThat(user.members().get(1)).isInstanceOf(Member.Comment.class);
        assertThat(((Member.Comment) user.members().get(1)).text()).isEqualTo("// standalone");
    }

    @Test
    void reads_types_attributes_and_arguments() {
        SchemaFile file = parse("""
                model Account {
                  id     Int      @id @default(autoincrement())
                  tags   Tag[]
                  note   String?  @db.VarChar(255) @map(name: "the_note")
                  user   User     @relation("owner", fields: [userId], references: [id], onDelete: Cascade)
                  @@index([userId, id], map: "idx")
                }
                """);

        Block account = file.blocks().get(0);
        assertThat(account.is(BlockKind.MODEL)).isTrue();
        assertThat(account.fields().get(1).type().modifier()).isEqualTo(TypeModifier.LIST);
        Member.Field note = account.fields().get(2);
        assertThat(note.type().modifier()).isEqualTo(TypeModifier.OPTIONAL);
        Attribute varchar = note.attributes().get(0);
        assertThat(varchar.name()).isEqualTo("db.VarChar");
        assertThat(varchar.namespace()).contains("db");
        assertThat(((Expression.NumberLiteral) varchar.arguments().get(0).value()).text())
                .isEqualTo("255");
        assertThat(((Expression.StringLiteral) note.attributes()
                                .get(1)
                                .argument("name", 0)
                                .orElseThrow()
                                .value())
                        .value())
                .isEqualTo("the_note");

        Attribute relation = account.fields().get(3).attributes().get(0);
        assertThat(((Expression.StringLiteral)
                                relation.argument("name", 0).orElseThrow().value())
                        .value())
                .isEqualTo("owner");
        Expression.ArrayLiteral fields = (Expression.ArrayLiteral)
                relation.argument("fields", -1).orElseThrow().value();
        assertThat(fields.items())
                .extracting(e -> ((Expression.Constant) e).name())
                .containsExactly("userId");
        assertThat(account.blockAttributes("index")).hasSize(1);
    }

    @Test
    void decodes_json_escapes_in_strings() {
        SchemaFile file = parse("""
                datasource db {
                  url = "a\\"b\\\\c\\u00e9\\n"
                }
                """);

        Expression value = file.blocks().get(0).property("url").orElseThrow().value();
        assertThat(((Expression.StringLiteral) value).value()).isEqualTo("a\"b\\cé\n");
    }

    @Test
    void positions_are_lines_and_columns_of_the_source() {
        SchemaFile file = parse("model User {\n  id String @id\n}\n");

        Member.Field id = file.blocks().get(0).fields().get(0);
        assertThat(id.name().span().line()).isEqualTo(2);
        assertThat(id.name().span().column()).isEqualTo(3);
        assertThat(id.type().name().span().column()).isEqualTo(6);
    }

    @Test
    void positions_stay_right_after_characters_outside_the_basic_plane() {
        String text = "// \uD83D\uDE00 emoji\nmodel User {\n  id Strin @id\n}\n";
        CompileResult result = SchemaCompiler.compile("emoji.prisma", text);

        var unknownType = result.diagnostics().stream()
                .filter(d -> d.message().startsWith("Type \"Strin\""))
                .findFirst()
                .orElseThrow();
        assertThat(text.substring(unknownType.span().start(), unknownType.span().end()))
                .isEqualTo("Strin");
        assertThat(unknownType.span().column()).isEqualTo(6);
    }

    @Test
    void reports_every_syntax_error_of_the_file_in_one_pass() {
        CompileResult result = SchemaCompiler.parse("broken.prisma", """
                model A {
                  id Int @id(
                  name String %
                }

                model B
                  id Int @id
                }

                model C {
                  id Int @id ]
                }
                """);

        assertThat(result.diagnostics()).extracting(d -> d.span().line()).containsExactly(2, 3, 6, 11);
        assertThat(result.syntax().blocks()).extracting(Block::nameOrEmpty).containsExactly("A", "C");
        assertThat(result.syntax().blocks().get(0).hasInvalidLines()).isTrue();
    }

    @Test
    void a_block_that_is_not_closed_ends_where_the_next_block_starts() {
        CompileResult result = SchemaCompiler.parse("unclosed.prisma", """
                model A {
                  id Int @id

                model B {
                  id Int @id
                }
                """);

        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.message()).isEqualTo("The block `A` above is not closed: add `}` before this line.");
            assertThat(d.span().line()).isEqualTo(4);
        });
        assertThat(result.syntax().blocks()).extracting(Block::nameOrEmpty).containsExactly("A", "B");
        assertThat(result.syntax().blocks().get(1).fields()).hasSize(1);
    }
}
