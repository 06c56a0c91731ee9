package dev.authschema.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.codegen.ddl.DdlGenerator;
import dev.authschema.codegen.ddl.Dialect;
import dev.authschema.dsl.CompileResult;
import dev.authschema.dsl.SchemaCompiler;
import dev.authschema.dsl.resolve.ResolvedSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What each dialect's script must say. Derby, PostgreSQL and MariaDB scripts also run against real
 * servers in the conformance tests; SQL Server's is checked here as text only (no server here).
 */
class DdlTextTest {

    private static String ddl(Samples sample, Dialect dialect) {
        return DdlGenerator.generate(sample.schema(), dialect);
    }

    @Test
    void reserved_words_are_quoted_the_way_each_database_quotes() {
        assertThat(ddl(Samples.CUSTOM, Dialect.DERBY))
                .contains("\"order\" INTEGER DEFAULT 0 NOT NULL", "\"user\" VARCHAR(32672)");
        assertThat(ddl(Samples.CUSTOM, Dialect.POSTGRESQL))
                .contains("\"order\" INTEGER DEFAULT 0 NOT NULL", "\"user\" TEXT");
        assertThat(ddl(Samples.CUSTOM, Dialect.MYSQL)).contains("`order` INT DEFAULT 0 NOT NULL", "`user` TEXT");
        assertThat(ddl(Samples.CUSTOM, Dialect.SQLSERVER))
                .contains("[order] INT DEFAULT 0 NOT NULL", "[user] NVARCHAR(MAX)");
    }

    @Test
    void sql_server_script_uses_its_own_types_for_keys_tokens_and_time() {
        String script = ddl(Samples.V3_LEGACY, Dialect.SQLSERVER);

        assertThat(script).contains("id INT IDENTITY(1,1) NOT NULL");
        assertThat(script).contains("access_token NVARCHAR(MAX)", "refresh_token NVARCHAR(MAX)");
        assertThat(script).contains("expires DATETIME2(3) NOT NULL");
        assertThat(script).contains("created_at DATETIME2(3) DEFAULT SYSUTCDATETIME() NOT NULL");
        assertThat(script)
                .contains(
                        "CONSTRAINT accounts_pkey PRIMARY KEY (id)",
                        "CONSTRAINT accounts_compound_id_key UNIQUE (compound_id)");
        assertThat(script).contains("CREATE INDEX providerAccountId ON accounts (provider_account_id);");
    }

    /** {@code @default(now())} means the current UTC time on every database that has a way to say it. */
    @Test
    void now_defaults_are_utc() {
        assertThat(ddl(Samples.V3_LEGACY, Dialect.POSTGRESQL))
                .contains("created_at TIMESTAMP(3) DEFAULT (CURRENT_TIMESTAMP AT TIME ZONE 'UTC') NOT NULL");
        assertThat(ddl(Samples.V3_LEGACY, Dialect.MARIADB))
                .contains("created_at DATETIME(3) DEFAULT (UTC_TIMESTAMP(3)) NOT NULL");
        assertThat(ddl(Samples.V3_LEGACY, Dialect.MYSQL))
                .contains("created_at DATETIME(3) DEFAULT (UTC_TIMESTAMP(3)) NOT NULL");
        assertThat(ddl(Samples.V3_LEGACY, Dialect.DERBY))
                .contains("created_at TIMESTAMP NOT NULL")
                .doesNotContain("CURRENT_TIMESTAMP");
        for (Samples sample : Samples.values()) {
            for (Dialect dialect : Dialect.values()) {
                assertThat(ddl(sample, dialect))
                        .as("%s %s", sample, dialect)
                        .doesNotContainPattern("DEFAULT CURRENT_TIMESTAMP\\b");
            }
        }
    }

    /** E-mail addresses and identifiers take 320 characters and more; strings in no key have no practical limit. */
    @Test
    void strings_fit_real_values() {
        assertThat(ddl(Samples.CUSTOM, Dialect.MARIADB))
                .contains(
                        "email VARCHAR(768)",
                        "identifier VARCHAR(384) NOT NULL",
                        "provider_account_id VARCHAR(384) NOT NULL",
                        "user_agent TEXT",
                        "display_name TEXT");
        assertThat(ddl(Samples.CUSTOM, Dialect.DERBY)).contains("email VARCHAR(1000)", "user_agent VARCHAR(32672)");
        assertThat(ddl(Samples.CUSTOM, Dialect.POSTGRESQL)).contains("email TEXT", "user_agent TEXT");
        assertThat(ddl(Samples.CUSTOM, Dialect.SQLSERVER)).contains("email NVARCHAR(1000)", "user_agent NVARCHAR(MAX)");
    }

    /**
     * On MySQL and MariaDB every key (primary, unique, index) of every sample fits InnoDB's 3,072 bytes in utf8mb4 and
     * holds no TEXT column, so no key is refused, cut to a prefix or turned into a hash.
     */
    @Test
    void mysql_keys_fit_inno_db() {
        Pattern table = Pattern.compile("CREATE TABLE (\\S+) \\((.*?)\\n\\)", Pattern.DOTALL);
        Pattern column = Pattern.compile("^\\s+(\\S+) (\\S+)", Pattern.MULTILINE);
        // A key part is a column, with a prefix length (`slug(100)`) or `DESC` where the schema gives them.
        Pattern key = Pattern.compile("(?:PRIMARY KEY|UNIQUE) \\(((?:[^()]|\\(\\d+\\))*)\\)");
        Pattern index = Pattern.compile("CREATE INDEX \\S+ ON (\\S+) \\(((?:[^()]|\\(\\d+\\))*)\\)");
        Pattern part = Pattern.compile("(\\S+?)(?:\\((\\d+)\\))?(?: DESC)?");
        Pattern varchar = Pattern.compile("VARCHAR\\((\\d+)\\)");
        for (Samples sample : Samples.values()) {
            for (Dialect dialect : List.of(Dialect.MYSQL, Dialect.MARIADB)) {
                String script = ddl(sample, dialect);
                Map<String, Map<String, String>> types = new HashMap<>();
                List<Map.Entry<String, String>> keys = new ArrayList<>();
                Matcher tables = table.matcher(script);
                while (tables.find()) {
                    Map<String, String> columns = new HashMap<>();
                    Matcher columnMatcher = column.matcher(tables.group(2));
                    while (columnMatcher.find()) {
                        columns.put(columnMatcher.group(1), columnMatcher.group(2));
                    }
                    types.put(tables.group(1), columns);
                    Matcher keyMatcher = key.matcher(tables.group(2));
                    while (keyMatcher.find()) {
                        keys.add(Map.entry(tables.group(1), keyMatcher.group(1)));
                    }
                }
                Matcher indexes = index.matcher(script);
                while (indexes.find()) {
                    keys.add(Map.entry(indexes.group(1), indexes.group(2)));
                }
                assertThat(keys).as("%s %s keys", sample, dialect).isNotEmpty();
                for (Map.Entry<String, String> entry : keys) {
                    int bytes = 0;
                    for (String keyPart : entry.getValue().split(", ")) {
                        Matcher parts = part.matcher(keyPart);
                        assertThat(parts.matches())
                                .as("%s %s: %s", sample, dialect, keyPart)
                                .isTrue();
                        String name = parts.group(1);
                        String type = types.get(entry.getKey()).get(name);
                        assertThat(type)
                                .as("%s %s: %s.%s", sample, dialect, entry.getKey(), name)
                                .isNotNull();
                        if (parts.group(2) != null) {
                            bytes += 4 * Integer.parseInt(parts.group(2));
                            continue;
                        }
                        assertThat(type)
                                .as("%s %s: %s.%s", sample, dialect, entry.getKey(), name)
                                .isNotEqualTo("TEXT");
                        Matcher length = varchar.matcher(type);
                        bytes += length.find() ? 4 * Integer.parseInt(length.group(1)) : 8;
                    }
                    assertThat(bytes)
                            .as("%s %s: key (%s) of %s", sample, dialect, entry.getValue(), entry.getKey())
                            .isLessThanOrEqualTo(3072);
                }
            }
        }
    }

    /** {@code @db.VarChar(n)} and {@code @db.Text} choose a string column's type on every database. */
    @Test
    void native_string_types_are_honoured() {
        String text = Samples.CUSTOM
                .text()
                .replace("  phone         String?\n", "  phone         String? @db.VarChar(40)\n")
                .replace(
                        "  displayName   String?         @map(\"display_name\")",
                        "  displayName   String?  @db.Text  @map(\"display_name\")");
        CompileResult result = SchemaCompiler.compile("custom-models.prisma", text);
        ResolvedSchema schema = result.schema().orElseThrow(() -> new AssertionError(result.render()));
        assertThat(DdlGenerator.generate(schema, Dialect.MARIADB)).contains("phone VARCHAR(40)", "display_name TEXT");
        assertThat(DdlGenerator.generate(schema, Dialect.POSTGRESQL))
                .contains("phone VARCHAR(40)", "display_name TEXT");
        assertThat(DdlGenerator.generate(schema, Dialect.DERBY))
                .contains("phone VARCHAR(40)", "display_name VARCHAR(32672)");
        assertThat(DdlGenerator.generate(schema, Dialect.SQLSERVER))
                .contains("phone NVARCHAR(40)", "display_name NVARCHAR(MAX)");
    }

    /** The password hash takes VARCHAR(255) on every database, unless a native type says otherwise. */
    @Test
    void the_password_hash_column_is_varchar_255_by_default() {
        for (Dialect dialect : Dialect.values()) {
            assertThat(ddl(Samples.PASSWORDS, dialect))
                    .as(dialect.name())
                    .contains("password_hash " + (dialect == Dialect.SQLSERVER ? "NVARCHAR(255)," : "VARCHAR(255),"));
        }
        String text = Samples.PASSWORDS
                .text()
                .replace("  passwordHash  String?\n", "  passwordHash  String? @db.Text @map(\"pw\")\n");
        CompileResult result = SchemaCompiler.compile("passwords.prisma", text);
        ResolvedSchema schema = result.schema().orElseThrow(() -> new AssertionError(result.render()));
        assertThat(DdlGenerator.generate(schema, Dialect.POSTGRESQL)).contains("pw TEXT,");
        assertThat(DdlGenerator.generate(schema, Dialect.DERBY)).contains("pw VARCHAR(32672),");
    }

    @Test
    void foreign_keys_cascade_on_delete_where_the_schema_says_so() {
        for (Dialect dialect : Dialect.values()) {
            assertThat(ddl(Samples.CURRENT, dialect))
                    .as(dialect.name())
                    .contains("FOREIGN KEY (userId) REFERENCES " + dialect.identifier("User")
                            + " (id) ON DELETE CASCADE");
        }
    }

    @Test
    void token_columns_hold_long_tokens_and_timestamps_keep_milliseconds() {
        assertThat(ddl(Samples.CURRENT, Dialect.POSTGRESQL)).contains("id_token TEXT", "expires TIMESTAMP(3) NOT NULL");
        assertThat(ddl(Samples.CURRENT, Dialect.MARIADB)).contains("id_token TEXT", "expires DATETIME(3) NOT NULL");
        assertThat(ddl(Samples.CURRENT, Dialect.DERBY))
                .contains("id_token VARCHAR(32672)", "expires TIMESTAMP NOT NULL");
    }

    /** Sort orders everywhere, prefix lengths on MySQL and MariaDB, access methods on PostgreSQL. */
    @Test
    void index_options_are_written_as_each_database_takes_them() {
        String model =
                "\nmodel Event {\n  id Int @id\n  code String @db.VarChar(100)\n  title String @db.VarChar(100)\n"
                        + "  at DateTime\n\n  @@index([code(sort: Desc), title%s])\n  @@index([at]%s)\n}\n";
        ResolvedSchema mysql = compile(
                Samples.CURRENT.text().replace("\"postgresql\"", "\"mysql\"") + model.formatted("(length: 10)", ""));
        ResolvedSchema postgresql = compile(Samples.CURRENT.text() + model.formatted("", ", type: Brin"));

        assertThat(DdlGenerator.generate(mysql, Dialect.MYSQL))
                .contains("CREATE INDEX Event_code_title_idx ON Event (code DESC, title(10));");
        assertThat(DdlGenerator.generate(mysql, Dialect.MARIADB))
                .contains("CREATE INDEX Event_code_title_idx ON Event (code DESC, title(10));");
        assertThat(DdlGenerator.generate(mysql, Dialect.DERBY))
                .contains("CREATE INDEX Event_code_title_idx ON Event (code DESC, title);");
        assertThat(DdlGenerator.generate(postgresql, Dialect.POSTGRESQL))
                .contains("CREATE INDEX Event_code_title_idx ON Event (code DESC, title);")
                .contains("CREATE INDEX Event_at_idx ON Event USING BRIN (\"at\");");
        assertThat(DdlGenerator.generate(postgresql, Dialect.DERBY)).contains("CREATE INDEX Event_at_idx ON Event (");
    }

    private static ResolvedSchema compile(String text) {
        CompileResult result = SchemaCompiler.compile("events.prisma", text);
        return result.schema().orElseThrow(() -> new AssertionError(result.render()));
    }
}
