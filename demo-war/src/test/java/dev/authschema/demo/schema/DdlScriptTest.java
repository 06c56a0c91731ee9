package dev.authschema.demo.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DdlScriptTest {

    @Test
    void splits_statements_and_drops_comments() {
        assertThat(DdlScript.split("""
                -- Generated. Do not edit.

                CREATE TABLE "user" (
                    id VARCHAR(10) NOT NULL
                );

                CREATE INDEX a ON "user" (id);
                """)).containsExactly("CREATE TABLE \"user\" (\n    id VARCHAR(10) NOT NULL\n)",
                "CREATE INDEX a ON \"user\" (id)");
    }

    @Test
    void the_packaged_derby_script_creates_the_members_table_first() {
        DdlScript script = DdlScript.load("derby");
        assertThat(script.firstTable()).contains("demo_members");
        assertThat(script.statements()).anyMatch(s -> s.startsWith("CREATE TABLE demo_login_sessions"));
    }
}
