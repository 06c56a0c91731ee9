package dev.authschema.codegen.harness;

import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.tck.DatabaseInspector;
import dev.authschema.codegen.CodeGenerator;
import dev.authschema.codegen.ddl.DdlGenerator;
import dev.authschema.dsl.resolve.ResolvedSchema;
import dev.authschema.jpa.JpaWork;
import dev.authschema.jpa.ResourceLocalJpaWork;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A schema's generated code, compiled and running: its DDL applied to a fresh database, its entities
 * in an EclipseLink or Hibernate persistence unit (Java SE, schema validation by use), and its adapter ready for
 * the conformance kit.
 */
public final class GeneratedAdapterHarness implements KitSubject, AutoCloseable {

    private final ResolvedSchema schema;
    private final TestDatabase database;
    private final URLClassLoader classes;
    private final EntityManagerFactory factory;
    private final AuthAdapter adapter;
    private final SchemaKitProfile profile;

    private GeneratedAdapterHarness(
            ResolvedSchema schema,
            String packageName,
            TestDatabase database,
            URLClassLoader classes,
            JpaProvider provider)
            throws Exception {
        this.schema = schema;
        this.database = database;
        this.classes = classes;
        this.profile = new SchemaKitProfile(schema);
        applyDdl();
        Properties properties = provider.settings(database);
        properties.put("jakarta.persistence.jdbc.url", database.url());
        properties.put("jakarta.persistence.jdbc.user", database.user());
        properties.put("jakarta.persistence.jdbc.password", "");
        this.factory = JavaSePersistenceUnit.entityManagerFactory(schema, packageName, classes, properties, provider);
        JpaWork jpaWork = new ResourceLocalJpaWork(factory);
        this.adapter = (AuthAdapter) classes.loadClass(packageName + ".JpaAuthAdapter")
                .getConstructor(JpaWork.class)
                .newInstance(jpaWork);
    }

    /** Generates and compiles the schema's code, then starts it on a fresh database under EclipseLink. */
    public static GeneratedAdapterHarness start(ResolvedSchema schema, String packageName, TestDatabase.Kind kind) {
        return start(schema, packageName, kind, JpaProvider.ECLIPSELINK);
    }

    /** Generates and compiles the schema's code, then starts it on a fresh database under this provider. */
    public static GeneratedAdapterHarness start(
            ResolvedSchema schema, String packageName, TestDatabase.Kind kind, JpaProvider provider) {
        try {
            URLClassLoader classes = InMemoryCompiler.compile(
                    CodeGenerator.javaSources(schema, packageName), Files.createTempDirectory("authschema-generated"));
            return start(schema, packageName, kind, classes, provider);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts code that a real build already generated and compiled (the plugin's integration tests):
     * {@code classes} sees the project's classes, whose root holds the entities' package.
     */
    public static GeneratedAdapterHarness start(
            ResolvedSchema schema, String packageName, TestDatabase.Kind kind, URLClassLoader classes) {
        return start(schema, packageName, kind, classes, JpaProvider.ECLIPSELINK);
    }

    /** As {@link #start(ResolvedSchema, String, TestDatabase.Kind, URLClassLoader)}, under this provider. */
    public static GeneratedAdapterHarness start(
            ResolvedSchema schema,
            String packageName,
            TestDatabase.Kind kind,
            URLClassLoader classes,
            JpaProvider provider) {
        TestDatabase database = TestDatabase.create(kind);
        try {
            return new GeneratedAdapterHarness(schema, packageName, database, classes, provider);
        } catch (Exception e) {
            try {
                database.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("Cannot start the generated adapter: " + e.getMessage(), e);
        }
    }

    private void applyDdl() throws SQLException {
        String script = database.runnable(DdlGenerator.generate(schema, database.dialect()));
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            for (String sql : script.split(";\n")) {
                String trimmed = sql.lines()
                        .filter(l -> !l.startsWith("--"))
                        .reduce("", (a, b) -> a + b + "\n")
                        .trim();
                if (!trimmed.isEmpty()) {
                    statement.execute(trimmed);
                }
            }
        }
    }

    @Override
    public AuthAdapter adapter() {
        return adapter;
    }

    @Override
    public DatabaseInspector inspector() {
        return new SchemaInspector(schema, database);
    }

    public TestDatabase database() {
        return database;
    }

    /** The generated entities' persistence unit, for tests of what the adapter does not touch. */
    public EntityManagerFactory entityManagerFactory() {
        return factory;
    }

    /** A generated class, such as an entity of a model of the application. */
    public Class<?> generatedClass(String name) throws ClassNotFoundException {
        return classes.loadClass(name);
    }

    @Override
    public SchemaKitProfile profile() {
        return profile;
    }

    /** Deletes every row, children before parents, and forgets what the provider cached. */
    @Override
    public void clean() throws SQLException {
        try (Connection connection = database.connect()) {
            profile.deleteAllRows(connection, database.dialect());
        }
        factory.getCache().evictAll();
    }

    @Override
    public void close() throws SQLException {
        factory.close();
        try {
            classes.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        database.close();
    }
}
