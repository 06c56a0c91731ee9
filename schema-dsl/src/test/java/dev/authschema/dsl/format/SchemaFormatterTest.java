package dev.authschema.dsl.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.dsl.diag.Diagnostic;
import org.junit.jupiter.api.Test;

class SchemaFormatterTest {

    private static String format(String text) {
        FormatResult result = SchemaFormatter.format("test.prisma", text);
        assertThat(result.isFormatted()).as(result.render()).isTrue();
        return result.formattedOrNull();
    }

    @Test
    void custom_models_sample_matches_its_golden_file() {
        String expected = FormatterFixtures.resource("/format/custom-models.formatted.prisma");

        assertThat(format(FormatterFixtures.sample("custom-models.prisma"))).isEqualTo(expected);
    }

    @Test
    void messy_input_matches_its_golden_file() {
        String input = FormatterFixtures.resource("/format/messy.prisma");
        String expected = FormatterFixtures.resource("/format/messy.formatted.prisma");

        FormatResult result = SchemaFormatter.format("messy.prisma", input);
        assertThat(result.formattedOrNull()).isEqualTo(expected);
        assertThat(result.changed()).isTrue();
    }

    @Test
    void keeps_block_comments_over_several_lines_and_at_the_end_of_a_field() {
        assertThat(format("""
                /* Prisma 6 accepts block comments,
                   also over several lines. */
                model Item {
                  id    Int @id /* after a field */
                }
                """)).isEqualTo("""
                /* Prisma 6 accepts block comments,
                   also over several lines. */
                model Item {
                  id Int @id /* after a field */
                }
                """);
    }

    @Test
    void refuses_rather_than_drop_a_block_comment_inside_a_line() {
        FormatResult result = SchemaFormatter.format("test.prisma", "model Item {\n  id /* here */ Int @id\n}\n");

        assertThat(result.isFormatted()).as(result.render()).isFalse();
        assertThat(result.render()).contains("test.prisma:2:6: error: Formatting would drop this comment");
    }

    @Test
    void aligns_fields_per_group_of_lines_between_blank_lines_not_between_comments() {
        assertThat(format("""
                model User {
                  id String @id
                  // a comment does not end the group
                  emailVerified DateTime?
                  name String? @unique


                  createdAt DateTime @default(now())
                  x Int
                }
                """)).isEqualTo("""
                model User {
                  id            String    @id
                  // a comment does not end the group
                  emailVerified DateTime?
                  name          String?   @unique

                  createdAt DateTime @default(now())
                  x         Int
                }
                """);
    }

    @Test
    void aligns_the_equals_signs_of_properties_per_group() {
        assertThat(format("""
                datasource db {
                provider="postgresql"
                   url =   env("DATABASE_URL") // secret

                  relationMode = "prisma"
                }
                modelMapping {
                  User = Member
                  VerificationToken = MagicLink
                }
                """)).isEqualTo("""
                datasource db {
                  provider = "postgresql"
                  url      = env("DATABASE_URL") // secret

                  relationMode = "prisma"
                }

                modelMapping {
                  User              = Member
                  VerificationToken = MagicLink
                }
                """);
    }

    @Test
    void moves_block_attributes_below_the_fields_with_their_docs_and_comments_in_order_leaving_blank_lines_in_place() {
        assertThat(format("""
                model Account {
                  /// the key
                  @@id([a, b])
                  a Int

                  // unique by b
                  @@unique([b]) // trailing
                  b Int
                  @@map("accounts")
                }
                """)).isEqualTo("""
                model Account {
                  a Int

                  b Int

                  /// the key
                  @@id([a, b])
                  // unique by b
                  @@unique([b]) // trailing
                  @@map("accounts")
                }
                """);
    }

    @Test
    void block_attributes_already_last_keep_their_groups_and_comments_and_get_one_blank_line_above_them() {
        assertThat(format("""
                model A {
                  a Int
                  // about the index
                  @@index([a])

                  @@map("a")
                  // closing words
                }
                """)).isEqualTo("""
                model A {
                  a Int

                  // about the index
                  @@index([a])

                  @@map("a")
                  // closing words
                }
                """);
    }

    @Test
    void renders_attributes_and_values_canonically() {
        assertThat(format("""
                model A {
                  id Int @id @default( autoincrement( ) )
                  b Int @relation( fields : [ id ,], references:[id],onDelete :Cascade )
                  c String @map(name: "c_col") @default("say \\"hi\\" \\/ \\u00e9\\t")
                  d Decimal @default(-1.50) @db.Decimal(10,2)
                  e Unsupported("point")?
                  @@unique([id,  b], map: "uq")
                }
                """)).isEqualTo("""
                model A {
                  id Int                   @id @default(autoincrement())
                  b  Int                   @relation(fields: [id], references: [id], onDelete: Cascade)
                  c  String                @map(name: "c_col") @default("say \\"hi\\" / é\\t")
                  d  Decimal               @default(-1.50) @db.Decimal(10, 2)
                  e  Unsupported("point")?

                  @@unique([id, b], map: "uq")
                }
                """);
    }

    @Test
    void moved_block_attributes_do_not_adopt_the_comment_that_ends_the_fields() {
        assertThat(format("enum Role {\n  @@map(\"roles\")\n  A\n  // about A\n}\n"))
                .isEqualTo("""
                enum Role {
                  A
                  // about A

                  @@map("roles")
                }
                """);
    }

    @Test
    void aligns_enum_values_and_their_attributes() {
        assertThat(format("enum Role {\nUSER @map(\"user\")\n  ORGANISER\nADMIN   @map(\"admin\")\n}\n"))
                .isEqualTo("""
                enum Role {
                  USER      @map("user")
                  ORGANISER
                  ADMIN     @map("admin")
                }
                """);
    }

    @Test
    void keeps_every_kind_of_comment() {
        String out = format("""
                // header
                /// docs of A
                model A { // on the brace line
                  /// docs of id
                  id Int @id // trailing
                  /// a doc comment followed by a blank line is a plain comment

                  // standalone
                } // after the closing brace
                """);

        assertThat(out).isEqualTo("""
                // header
                /// docs of A
                model A { // on the brace line
                  /// docs of id
                  id Int @id // trailing
                  /// a doc comment followed by a blank line is a plain comment

                  // standalone
                }

                // after the closing brace
                """);
    }

    @Test
    void collapses_blank_lines_and_separates_blocks_by_one() {
        assertThat(format("\n\n\nmodel A {\n\n\n  a Int\n\n\n\n  b Int\n\n}\nmodel B {\n  b Int\n}\n\n\n// end\n\n\n"))
                .isEqualTo("model A {\n  a Int\n\n  b Int\n}\n\nmodel B {\n  b Int\n}\n\n// end\n");
    }

    @Test
    void normalises_tabs_and_line_breaks() {
        assertThat(format("model\tT\t{\r\n\tid\tInt\t@id\r\n\tname\t\tString\r\n}"))
                .isEqualTo("model T {\n  id   Int    @id\n  name String\n}\n");
    }

    @Test
    void empty_inputs_stay_empty_and_empty_blocks_keep_their_braces() {
        assertThat(format("")).isEmpty();
        assertThat(format("\n \n")).isEmpty();
        assertThat(format("model Empty {\n\n}\nmodelMapping {\n}\n"))
                .isEqualTo("model Empty {\n}\n\nmodelMapping {\n}\n");
    }

    @Test
    void reports_whether_the_text_changed() {
        assertThat(SchemaFormatter.format("a.prisma", "model A {\n  a Int\n}\n").changed())
                .isFalse();
        assertThat(SchemaFormatter.format("a.prisma", "model A {\n a Int\n}\n").changed())
                .isTrue();
    }

    @Test
    void refuses_a_file_with_syntax_errors() {
        FormatResult result = SchemaFormatter.format("broken.prisma", "model A {\n  id Int @id(\n  name String\n}\n");

        assertThat(result.isFormatted()).isFalse();
        assertThat(result.formatted()).isEmpty();
        assertThat(result.changed()).isFalse();
        assertThat(result.hasErrors()).isTrue();
        assertThat(result.diagnostics()).allMatch(Diagnostic::isError).isNotEmpty();
        assertThat(result.render()).startsWith("broken.prisma:2:").contains("error:");
    }

    @Test
    void refuses_a_file_whose_comment_would_be_lost() {
        FormatResult result = SchemaFormatter.format("lost.prisma", """
                model A {
                  a Int
                  b Int
                  @@id([
                    a, // the first part
                    b
                  ])
                }
                """);

        assertThat(result.isFormatted()).isFalse();
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.span().line()).isEqualTo(5);
            assertThat(d.span().column()).isEqualTo(8);
        });
        assertThat(result.render()).contains("lost.prisma:5:8: error: Formatting would drop this comment");
    }
}
