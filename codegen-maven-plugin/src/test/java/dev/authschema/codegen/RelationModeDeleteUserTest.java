package dev.authschema.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.codegen.harness.GeneratedAdapterHarness;
import dev.authschema.codegen.harness.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * {@code relationMode = "prisma"}: no foreign key cascades, so a deleted user's rows of the application's models
 * with {@code onDelete: Cascade} (the sample's {@code Post.author}) must go with it as Prisma Client's emulation
 * deletes them; else a deleted user's data stays, pointing at a user that is gone.
 */
class RelationModeDeleteUserTest {

    private static GeneratedAdapterHarness harness;

    @BeforeAll
    static void start() {
        harness = GeneratedAdapterHarness.start(
                Samples.RELATION_MODE.schema(), Samples.RELATION_MODE.packageName, TestDatabase.Kind.DERBY);
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
    }

    @Test
    @Disabled("finding (attack8): the generated deleteUser bulk-deletes Account and Session only; with no foreign key"
            + " the sample's Post row stays (expected 0, was 1 on Derby). Enable with the fix: emulate the"
            + " referential actions of every relation to User (Cascade, SetNull, Restrict) in deleteUser")
    void deleting_a_user_deletes_the_posts_whose_relation_cascades() throws SQLException {
        AuthAdapter adapter = harness.adapter();
        AdapterUser user =
                adapter.createUser(AdapterUser.of(null, "A", "a-" + UUID.randomUUID() + "@example.com", null, null));
        try (Connection connection = harness.database().connect();
                PreparedStatement insert =
                        connection.prepareStatement("INSERT INTO Post (title, authorId) VALUES ('mine', ?)")) {
            insert.setString(1, user.id());
            insert.executeUpdate();
        }

        adapter.deleteUser(user.id());

        try (Connection connection = harness.database().connect();
                PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM Post WHERE authorId = ?")) {
            count.setString(1, user.id());
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1))
                        .as("onDelete: Cascade, emulated as Prisma Client does")
                        .isZero();
            }
        }
    }
}
