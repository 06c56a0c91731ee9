package dev.authschema.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.codegen.ddl.DdlGenerator;
import dev.authschema.codegen.ddl.Dialect;
import dev.authschema.dsl.CompileResult;
import dev.authschema.dsl.SchemaCompiler;
import dev.authschema.dsl.resolve.ResolvedSchema;
import org.junit.jupiter.api.Test;

/**
 * {@code sort} and {@code length} on primary keys and unique keys in each dialect's script: the form each database
 * has for them in a key, or the closest one and a comment above the table. The sample {@code key-options.prisma}
 * (MySQL) runs on the test databases; a sort order on a primary key, which Prisma takes for SQL Server only, is
 * checked here as text.
 */
class KeyOptionsDdlTest {

    private static String ddl(Samples sample, Dialect dialect) {
        return DdlGenerator.generate(sample.schema(), dialect);
    }

    private static ResolvedSchema sqlServerSchema() {
        String text = Samples.CURRENT
                .text()
                .replace("provider = \"postgresql\"", "provider = \"sqlserver\"")
                .concat("""

                        model Reading {
                          station String @db.NVarChar(100)
                          taken   DateTime
                          code    String   @db.NVarChar(20) @unique(sort: Desc)

                          @@id([station, taken(sort: Desc)])
                        }
                        """);
        CompileResult result = SchemaCompiler.compile("readings.prisma", text);
        return result.schema().orElseThrow(() -> new IllegalStateException(result.render()));
    }

    @Test
    void mysql_and_mariadb_index_a_prefix_and_sort_in_the_key() {
        for (Dialect dialect : new Dialect[] {Dialect.MYSQL, Dialect.MARIADB}) {
            String script = ddl(Samples.KEY_OPTIONS, dialect);

            assertThat(script)
                    .contains(
                            "CONSTRAINT Page_pkey PRIMARY KEY (slug(100), locale)",
                            "CONSTRAINT Page_locale_title_key UNIQUE (locale DESC, title(50))",
                            "CONSTRAINT User_email_key UNIQUE (email DESC)")
                    .doesNotContain("is a prefix on MySQL only");
        }
    }

    @Test
    void postgresql_makes_a_sorted_unique_key_a_unique_index_and_says_where_it_indexes_the_whole_column() {
        String script = ddl(Samples.KEY_OPTIONS, Dialect.POSTGRESQL);

        assertThat(script)
                .contains(
                        "CREATE UNIQUE INDEX User_email_key ON \"User\" (email DESC);",
                        "CREATE UNIQUE INDEX Page_locale_title_key ON Page (locale DESC, title);",
                        "CONSTRAINT Page_pkey PRIMARY KEY (slug, locale)",
                        "-- Page_pkey: the whole column slug (`length: 100` is a prefix on MySQL only)")
                .doesNotContain("CONSTRAINT User_email_key");
        // The comment stands right above the table it is about.
        assertThat(script.indexOf("-- Page_pkey:")).isLessThan(script.indexOf("CREATE TABLE Page"));
        assertThat(script.indexOf("-- Page_pkey:")).isGreaterThan(script.indexOf("CREATE TABLE VerificationToken"));
    }

    @Test
    void derby_keeps_the_unique_constraint_ascending_and_says_so() {
        String script = ddl(Samples.KEY_OPTIONS, Dialect.DERBY);

        assertThat(script)
                .contains(
                        "CONSTRAINT User_email_key UNIQUE (email)",
                        "-- User_email_key: email ascending (`sort: Desc`): a unique constraint on Derby has no sort"
                                + " order.",
                        "CONSTRAINT Page_locale_title_key UNIQUE (locale, title)");
    }

    @Test
    void sql_server_sorts_primary_keys_and_unique_keys_and_the_others_say_they_cannot() {
        ResolvedSchema schema = sqlServerSchema();

        assertThat(DdlGenerator.generate(schema, Dialect.SQLSERVER))
                .contains(
                        "CONSTRAINT Reading_pkey PRIMARY KEY (station, taken DESC)",
                        "CONSTRAINT Reading_code_key UNIQUE (code DESC)")
                .doesNotContain("has no sort order");
        assertThat(DdlGenerator.generate(schema, Dialect.POSTGRESQL))
                .contains(
                        "-- Reading_pkey: taken ascending (`sort: Desc`): a primary key on PostgreSQL has no sort"
                                + " order.",
                        "CONSTRAINT Reading_pkey PRIMARY KEY (station, taken)",
                        "CREATE UNIQUE INDEX Reading_code_key ON Reading (code DESC);");
        assertThat(DdlGenerator.generate(schema, Dialect.MYSQL))
                .contains("CONSTRAINT Reading_pkey PRIMARY KEY (station, taken DESC)");
    }

    @Test
    void keys_without_options_are_written_as_before() {
        assertThat(ddl(Samples.CURRENT, Dialect.POSTGRESQL))
                .contains("CONSTRAINT User_email_key UNIQUE (email)")
                .doesNotContain("-- User");
    }
}
