package dev.authschema.codegen.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AdapterUser;
import dev.authschema.codegen.Samples;
import dev.authschema.codegen.harness.GeneratedAdapterHarness;
import dev.authschema.codegen.harness.TestDatabase;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Implicit many-to-many relations on each real database: the script creates Prisma's join tables, the entities'
 * {@code @ManyToMany} writes rows the owning side ({@code A}) adds and reads them from both sides, deleting a joined
 * row cascades to the join table, and the adapter keeps working on the role model with such a relation.
 */
class ManyToManyTest {

    private static final String PACKAGE = Samples.MANY_TO_MANY.packageName;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void the_entities_write_and_read_the_join_table(TestDatabase.Kind kind) throws Exception {
        try (GeneratedAdapterHarness harness =
                GeneratedAdapterHarness.start(Samples.MANY_TO_MANY.schema(), PACKAGE, kind)) {
            AdapterUser user =
                    harness.adapter().createUser(new AdapterUser(null, "Ada", "ada@example.com", null, null, Map.of()));
            Class<?> post = harness.generatedClass(PACKAGE + ".Post");
            Class<?> tag = harness.generatedClass(PACKAGE + ".Tag");
            Class<?> team = harness.generatedClass(PACKAGE + ".Team");
            Class<?> userEntity = harness.generatedClass(PACKAGE + ".User");

            Object postId;
            EntityManager entities = harness.entityManagerFactory().createEntityManager();
            try {
                entities.getTransaction().begin();
                Object first = newEntity(tag, "setLabel", "engines");
                Object second = newEntity(tag, "setLabel", "looms");
                entities.persist(first);
                entities.persist(second);
                Object article = newEntity(post, "setTitle", "Notes");
                list(article, "getTags").addAll(List.of(first, second));
                entities.persist(article);
                Object crew = newEntity(team, "setName", "Analysts");
                list(crew, "getMembers").add(entities.find(userEntity, user.id()));
                entities.persist(crew);
                entities.getTransaction().commit();
                postId = post.getMethod("getId").invoke(article);
            } finally {
                entities.close();
            }

            try (Connection connection = harness.database().connect();
                    Statement statement = connection.createStatement()) {
                assertThat(count(
                                statement, "SELECT COUNT(*) FROM " + q(harness, "_PostToTag") + " WHERE A = " + postId))
                        .isEqualTo(2);
                assertThat(count(
                                statement,
                                "SELECT COUNT(*) FROM " + q(harness, "_Membership") + " WHERE B = '" + user.id() + "'"))
                        .isEqualTo(1);
            }

            harness.entityManagerFactory().getCache().evictAll();
            entities = harness.entityManagerFactory().createEntityManager();
            try {
                Object article = entities.find(post, postId);
                assertThat(list(article, "getTags")).hasSize(2);
                Object first = list(article, "getTags").get(0);
                assertThat(list(first, "getPosts")).as("the mappedBy side").hasSize(1);
            } finally {
                entities.close();
            }

            try (Connection connection = harness.database().connect();
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM posts WHERE id = " + postId);
                assertThat(count(statement, "SELECT COUNT(*) FROM " + q(harness, "_PostToTag")))
                        .as("ON DELETE CASCADE")
                        .isZero();
                assertThat(count(statement, "SELECT COUNT(*) FROM Tag")).isEqualTo(2);
            }
            harness.adapter().deleteUser(user.id());
            try (Connection connection = harness.database().connect();
                    Statement statement = connection.createStatement()) {
                assertThat(count(statement, "SELECT COUNT(*) FROM " + q(harness, "_Membership")))
                        .isZero();
                assertThat(count(statement, "SELECT COUNT(*) FROM Team")).isEqualTo(1);
            }
        }
    }

    private static Object newEntity(Class<?> type, String setter, String value) throws Exception {
        Object entity = type.getConstructor().newInstance();
        type.getMethod(setter, String.class).invoke(entity, value);
        return entity;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object entity, String getter) throws Exception {
        return (List<Object>) entity.getClass().getMethod(getter).invoke(entity);
    }

    /** The join tables' names start with `_`: quoted where a database's plain names cannot. */
    private static String q(GeneratedAdapterHarness harness, String name) {
        return harness.database().dialect().identifier(name);
    }

    private static int count(Statement statement, String sql) throws Exception {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }
}
