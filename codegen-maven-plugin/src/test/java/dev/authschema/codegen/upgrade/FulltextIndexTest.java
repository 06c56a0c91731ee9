package dev.authschema.codegen.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.codegen.Samples;
import dev.authschema.codegen.ddl.DdlGenerator;
import dev.authschema.codegen.ddl.Dialect;
import dev.authschema.codegen.harness.TestDatabase;
import dev.authschema.contract.ddl.DdlLayout;
import dev.authschema.database.SchemaSynchronizer;
import dev.authschema.database.SynchronizationReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code @@fulltext} on the real MariaDB server, with the MariaDB script and with the MySQL one: the synchronizer
 * creates the {@code FULLTEXT} indexes, the server reports them so, {@code MATCH ... AGAINST} finds by them, and a
 * second run changes nothing.
 */
class FulltextIndexTest {

    @ParameterizedTest
    @EnumSource(
            value = TestDatabase.Kind.class,
            names = {"MARIADB", "MYSQL_DIALECT"})
    void the_fulltext_indexes_reach_the_database_and_answer_match_against(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind)) {
            DdlLayout layout = database.runnable(DdlGenerator.layout(Samples.FULLTEXT.schema(), database.dialect()));
            try (Connection connection = database.connect()) {
                SchemaSynchronizer synchronizer = SchemaSynchronizer.forLayout(layout);
                synchronizer.synchronize(connection);
                SynchronizationReport second = synchronizer.synchronize(connection);
                assertThat(second.upToDate()).as("second run: %s", second).isTrue();

                assertThat(indexTypes(connection, "articles"))
                        .containsEntry("articles_title_body_idx", "FULLTEXT")
                        .containsEntry("article_body_search", "FULLTEXT")
                        .containsEntry("articles_authorId_idx", "BTREE");
                assertThat(indexTypes(connection, "User")).containsEntry("User_name_idx", "FULLTEXT");

                try (Statement statement = connection.createStatement()) {
                    statement.execute("INSERT INTO `User` (id, email) VALUES ('u1', 'ada@example.com')");
                    statement.execute("INSERT INTO articles (title, body, authorId) VALUES"
                            + " ('Engines', 'The analytical engine weaves algebraic patterns', 'u1'),"
                            + " ('Looms', 'Jacquard cards', 'u1')");
                    try (ResultSet rows = statement.executeQuery("SELECT title FROM articles"
                            + " WHERE MATCH (title, body) AGAINST ('algebraic' IN NATURAL LANGUAGE MODE)")) {
                        assertThat(rows.next()).isTrue();
                        assertThat(rows.getString(1)).isEqualTo("Engines");
                        assertThat(rows.next()).isFalse();
                    }
                }
            }
        }
    }

    /** Only MySQL and MariaDB have full-text indexes: the other scripts leave them out, and the entities too. */
    @Test
    void the_other_scripts_and_the_entities_have_none() {
        for (Dialect dialect : Dialect.values()) {
            boolean mysql = dialect == Dialect.MYSQL || dialect == Dialect.MARIADB;
            assertThat(DdlGenerator.generate(Samples.FULLTEXT.schema(), dialect).contains("FULLTEXT"))
                    .as("%s", dialect)
                    .isEqualTo(mysql);
        }
        assertThat(Samples.FULLTEXT.javaSources())
                .allSatisfy(file -> assertThat(file.content()).doesNotContain("_search", "title_body"));
    }

    private static Map<String, String> indexTypes(Connection connection, String table) throws Exception {
        Map<String, String> types = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT INDEX_NAME, INDEX_TYPE FROM"
                + " information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
            select.setString(1, table);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    types.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return types;
    }
}
