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
    void customModelsSampleMatchesItsGoldenFile() {
        String expected = FormatterFixtures.resource("/format/custom-models.formatted.prisma");

        assertThat(format(FormatterFixtures.sample("custom-models.prisma"))).isEqualTo(expected);
    }

    @Test
    void messyInputMatchesItsGoldenFile() {
        String input = FormatterFixtures.resource("/format/messy.prisma");
        String expected = FormatterFixtures.resource("/format/messy.formatted.prisma");

        FormatResult result = SchemaFormatter.format("messy.prisma", input);
        assertThat(result.formattedOrNull()).isEqualTo(expected);
        assertThat(result.changed()).isTrue();
    }

    @Test
    void keepsBlockCommentsOverSeveralLinesAndAtTheEndOfAField() {
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
    void refusesRatherThanDropABlockCommentInsideALine() {
        FormatResult result = SchemaFormatter.format("test.prisma", "model Item {\n  id /* here */ Int @id\n}\n");

        assertThat(result.isFormatted()).as(result.render()).isFalse();
        assertThat(result.render()).contains("test.prisma:2:6: error: Formatting would drop this comment");
    }

    @Test
    void alignsFieldsPerGroupOfLinesBetweenBlankLinesNotBetweenComments() {
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
    void alignsTheEqualsSignsOfPropertiesPerGroup() {
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
    void movesBlockAttributesBelowTheFieldsWithTheirDocsAndCommentsInOrderLeavingBlankLinesInPlace() {
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
    void blockAttributesAlreadyLastKeepTheirGroupsAndCommentsAndGetOneBlankLineAboveThem() {
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
    void rendersAttributesAndValuesCanonically() {
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
    void movedBlockAttributesDoNotAdoptTheCommentThatEndsTheFields() {
        assertThat(format("enum Role {\n  @@map(\"roles\")\n  A\n  // about A\n}\n")).isEqualTo("""
                enum Role {
                  A
                  // about A

                  @@map("roles")
                }
                """);
    }

    @Test
    void alignsEnumValuesAndTheirAttributes() {
        assertThat(format("enum Role {\nUSER @map(\"user\")\n  ORGANISER\nADMIN   @map(\"admin\")\n}\n")).isEqualTo("""
                enum Role {
                  USER      @map("user")
                  ORGANISER
                  ADMIN     @map("admin")
                }
                """);
    }

    @Test
    void keepsEveryKindOfComment() {
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
    void collapsesBlankLinesAndSeparatesBlocksByOne() {
        assertThat(format("\n\n\nmodel A {\n\n\n  a Int\n\n\n\n  b Int\n\n}\nmodel B {\n  b Int\n}\n\n\n// end\n\n\n"))
                .isEqualTo("model A {\n  a Int\n\n  b Int\n}\n\nmodel B {\n  b Int\n}\n\n// end\n");
    }

    @Test
    void normalisesTabsAndLineBreaks() {
        assertThat(format("model\tT\t{\r\n\tid\tInt\t@id\r\n\tname\t\tString\r\n}")).isEqualTo("model T {\n  id   Int    @id\n  name String\n}\n");
    }

    @Test
    void emptyInputsStayEmptyAndEmptyBlocksKeepTheirBraces() {
        assertThat(format("")).isEmpty();
        assertThat(format("\n \n")).isEmpty();
        assertThat(format("model Empty {\n\n}\nmodelMapping {\n}\n")).isEqualTo("model Empty {\n}\n\nmodelMapping {\n}\n");
    }

    @Test
    void reportsWhetherTheTextChanged() {
        assertThat(SchemaFormatter.format("a.prisma", "model A {\n  a Int\n}\n").changed()).isFalse();
        assertThat(SchemaFormatter.format("a.prisma", "model A {\n a Int\n}\n").changed()).isTrue();
    }

    @Test
    void refusesAFileWithSyntaxErrors() {
        FormatResult result = SchemaFormatter.format("broken.prisma", "model A {\n  id Int @id(\n  name String\n}\n");

        assertThat(result.isFormatted()).isFalse();
        assertThat(result.formatted()).isEmpty();
        assertThat(result.changed()).isFalse();
        assertThat(result.hasErrors()).isTrue();
        assertThat(result.diagnostics()).allMatch(Diagnostic::isError).isNotEmpty();
        assertThat(result.render()).startsWith("broken.prisma:2:").contains("error:");
    }

    @Test
    void refusesAFileWhoseCommentWouldBeLost() {
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
