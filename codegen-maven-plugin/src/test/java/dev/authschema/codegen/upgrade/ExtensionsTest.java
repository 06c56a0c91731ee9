package dev.authschema.codegen.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AdapterUser;
import dev.authschema.codegen.Samples;
import dev.authschema.codegen.ddl.DdlGenerator;
import dev.authschema.codegen.ddl.Dialect;
import dev.authschema.codegen.harness.GeneratedAdapterHarness;
import dev.authschema.codegen.harness.TestDatabase;
import dev.authschema.dsl.CompileResult;
import dev.authschema.dsl.SchemaCompiler;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL {@code extensions}: the PostgreSQL script creates them before its tables, and on a real PostgreSQL
 * they are there once it has run (the sample's {@code pgcrypto} hashes); the other scripts only name them.
 */
class ExtensionsTest {

    @Test
    void the_postgresql_script_creates_the_extensions_before_the_tables() {
        String script = DdlGenerator.generate(Samples.EXTENSIONS.schema(), Dialect.POSTGRESQL);

        assertThat(script)
                .contains("\nCREATE EXTENSION IF NOT EXISTS \"pgcrypto\";\n")
                .contains("\nCREATE EXTENSION IF NOT EXISTS \"uuid-ossp\";\n");
        assertThat(script.indexOf("CREATE EXTENSION")).isLessThan(script.indexOf("CREATE TABLE"));
    }

    @Test
    void a_schema_and_a_version_are_written_as_postgresql_takes_them() {
        String text = Samples.EXTENSIONS
                .text()
                .replace(
                        "extensions = [pgcrypto, uuidOssp(map: \"uuid-ossp\")]",
                        "extensions = [hstore(schema: \"ext\", version: \"1.8\")]");
        CompileResult result = SchemaCompiler.compile("extensions.prisma", text);

        assertThat(DdlGenerator.generate(result.schema().orElseThrow(), Dialect.POSTGRESQL))
                .contains("\nCREATE EXTENSION IF NOT EXISTS \"hstore\" WITH SCHEMA \"ext\" VERSION '1.8';\n");
    }

    @Test
    void the_other_scripts_name_them_in_a_comment_only() {
        for (Dialect dialect : List.of(Dialect.DERBY, Dialect.MYSQL, Dialect.MARIADB, Dialect.SQLSERVER)) {
            assertThat(DdlGenerator.generate(Samples.EXTENSIONS.schema(), dialect))
                    .as("%s", dialect)
                    .contains("-- PostgreSQL extensions (pgcrypto, uuid-ossp) are created by the PostgreSQL script"
                            + " only.\n")
                    .doesNotContain("CREATE EXTENSION");
        }
    }

    @Test
    void on_postgresql_the_extensions_exist_after_the_script() throws Exception {
        Samples sample = Samples.EXTENSIONS;
        try (GeneratedAdapterHarness harness =
                GeneratedAdapterHarness.start(sample.schema(), sample.packageName, TestDatabase.Kind.POSTGRESQL)) {
            harness.adapter().createUser(new AdapterUser(null, "Ada", "ada@example.com", null, null, Map.of()));

            try (Connection connection = harness.database().connect();
                    Statement statement = connection.createStatement()) {
                List<String> installed = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery(
                        "SELECT extname FROM pg_extension WHERE extname IN ('pgcrypto', 'uuid-ossp') ORDER BY 1")) {
                    while (rows.next()) {
                        installed.add(rows.getString(1));
                    }
                }
                assertThat(installed).containsExactly("pgcrypto", "uuid-ossp");
                try (ResultSet row = statement.executeQuery(
                        "SELECT length(digest('ada@example.com', 'sha256')), uuid_generate_v4() IS NOT NULL")) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getInt(1)).isEqualTo(32);
                    assertThat(row.getBoolean(2)).isTrue();
                }
            }
        }
    }
}
