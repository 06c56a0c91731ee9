package dev.authschema.dsl.format;

import dev.authschema.dsl.SchemaCompiler;
import dev.authschema.dsl.ast.Block;
import dev.authschema.dsl.ast.Member;
import dev.authschema.dsl.ast.SchemaFile;
import dev.authschema.dsl.ast.Span;
import dev.authschema.dsl.ast.TopLevel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The inputs the formatter's properties are checked on, and a comparison of syntax trees. */
final class FormatterFixtures {

    static final List<String> SAMPLES =
            List.of("authjs-v3-legacy.prisma", "authjs-current.prisma", "custom-models.prisma");

    /** Hand-written inputs in bad shape: misaligned, blank-line runs, comments everywhere, tabs, moved attributes. */
    static final Map<String, String> MESSY = messy();

    private FormatterFixtures() {}

    private static Map<String, String> messy() {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("misaligned", """


                generator   client {
                provider="prisma-client-js"
                      previewFeatures = ["a","b",]\s\s
                }



                datasource db{
                  provider = "postgresql"
                      url = env("DATABASE_URL")   // where it lives
                }
                model User {
                  id String @id   @default( cuid() )
                      emailVerified   DateTime?
                  name String?   @db.VarChar(255)


                  posts Post[]
                }
                """);
        inputs.put("attributes-first", """
                model Account {
                  /// composite key
                  @@id([provider, providerAccountId])
                  // unique per user
                  @@unique([userId,provider], name: "by_user")
                  provider String
                      providerAccountId String
                  @@index([userId])

                  userId String @map("user_id")
                  user User @relation(fields:[userId],references:[id],onDelete:Cascade,)
                  // after the last field
                  @@map("accounts")
                  // before the brace
                }

                enum Role {
                  @@map("roles")
                  USER @map("user")
                  ADMIN
                }
                """);
        inputs.put("comments-everywhere", """
                // file header


                /// User docs
                ///no space after the slashes
                model User { // header comment
                  // leading comment

                  /// id docs
                  id Int @id // trailing
                  /// doc not followed by a member

                  name String? /// trailing doc-like comment
                  // before closing
                } // after the closing brace
                // between blocks
                enum Role { // enum header
                  USER // the default
                  ADMIN @map("admin") // mapped
                  ///
                }
                /// dangling doc at the end of the file
                // last words
                """);
        inputs.put(
                "tabs", "model\tT\t{\n\tid\tInt\t@id\t// tabbed\n\t\tname\t\tString\t@default(\"a\\tb\")\n}\n\n\n\t\n");
        inputs.put("strings", """
                generator g {
                  provider = "quote \\" backslash \\\\ slash \\/ accent \\u00e9 tab\\t newline\\n bell\\u0007"
                  number = -1.5
                }
                """);
        inputs.put("mapping-and-arrays", """
                modelMapping{
                User=Member
                  VerificationToken   =   MagicLink


                  Account = LinkedAccount
                }
                model Link {
                  a Int
                  b Int
                  @@id([
                    a,
                    b,
                  ])
                }
                model Empty {
                }
                """);
        inputs.put("odd-but-parseable", """
                widget W {
                  a = 1
                }
                model {
                  id Int @id @default(dbgenerated("gen_random_uuid()"))
                  tags String[] @default([])
                }
                enum Role {
                  @@map("roles")
                  A
                  // about A
                }
                datasource db {
                  provider = "postgresql"
                  weird Int @id
                  relationMode = "prisma"
                }
                model OnlyAttributes {
                  // note
                  @@map("x")
                }
                """);
        inputs.put("crlf", "model A {\r\n  id Int @id\r\n\r\n\r\n  @@map(\"a\")\r\n}\r\n");
        return inputs;
    }

    static String resource(String path) {
        try (InputStream in = FormatterFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sample(String name) {
        return resource("/schemas/" + name);
    }

    static SchemaFile parse(String text) {
        return SchemaCompiler.parse("test.prisma", text).syntax();
    }

    /** The tree with every block's members put in the formatter's order: what the formatted file must parse to. */
    static SchemaFile arranged(SchemaFile file) {
        return new SchemaFile(
                file.fileName(),
                file.entries().stream()
                        .map(entry -> entry instanceof Block b
                                ? new Block(
                                        b.kind(),
                                        b.keyword(),
                                        b.name(),
                                        SchemaFormatter.arrange(b.members()),
                                        b.docs(),
                                        b.headerComment(),
                                        b.hasInvalidLines(),
                                        b.span())
                                : entry)
                        .toList());
    }

    /**
     * A syntax tree as nested maps and lists, without source positions and blank lines, so two trees
     * compare equal when they say the same thing however they were laid out.
     */
    static Object withoutLayout(Object value) {
        if (value instanceof Span) {
            return null;
        }
        if (value instanceof List<?> list) {
            return list.stream()
                    .filter(item -> !(item instanceof Member.BlankLine || item instanceof TopLevel.BlankLine))
                    .map(FormatterFixtures::withoutLayout)
                    .toList();
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(FormatterFixtures::withoutLayout);
        }
        if (value instanceof Record record) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("type", record.getClass().getSimpleName());
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    fields.put(
                            component.getName(),
                            withoutLayout(component.getAccessor().invoke(record)));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException(e);
                }
            }
            return fields;
        }
        return value;
    }
}
