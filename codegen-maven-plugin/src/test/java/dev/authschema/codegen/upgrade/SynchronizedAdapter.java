package dev.authschema.codegen.upgrade;

import dev.authschema.adapter.AuthAdapter;
import dev.authschema.codegen.CodeGenerator;
import dev.authschema.codegen.harness.InMemoryCompiler;
import dev.authschema.codegen.harness.JavaSePersistenceUnit;
import dev.authschema.database.DatabaseUrl;
import dev.authschema.dsl.resolve.ResolvedSchema;
import dev.authschema.jpa.JpaWork;
import dev.authschema.jpa.ResourceLocalJpaWork;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.Properties;

/**
 * A schema's generated {@code JpaAuthAdapter} on a database that someone else built (here: the
 * {@link dev.authschema.database.SchemaSynchronizer}), unlike the shared harness, which applies the DDL
 * itself. EclipseLink gets its settings from {@link DatabaseUrl#jpaProperties()}.
 */
final class SynchronizedAdapter implements AutoCloseable {

    private final URLClassLoader classes;
    private final EntityManagerFactory factory;
    private final AuthAdapter adapter;

    private SynchronizedAdapter(URLClassLoader classes, EntityManagerFactory factory, AuthAdapter adapter) {
        this.classes = classes;
        this.factory = factory;
        this.adapter = adapter;
    }

    /** Generates and compiles the schema's code and connects its adapter to the database. */
    static SynchronizedAdapter start(ResolvedSchema schema, String packageName, DatabaseUrl database) throws Exception {
        URLClassLoader classes = InMemoryCompiler.compile(
                CodeGenerator.javaSources(schema, packageName), Files.createTempDirectory("authschema-upgrade"));
        try {
            Properties properties = new Properties();
            properties.putAll(database.jpaProperties());
            properties.put("eclipselink.logging.level", "WARNING");
            EntityManagerFactory factory =
                    JavaSePersistenceUnit.entityManagerFactory(schema, packageName, classes, properties);
            AuthAdapter adapter = (AuthAdapter) classes.loadClass(packageName + ".JpaAuthAdapter")
                    .getConstructor(JpaWork.class)
                    .newInstance(new ResourceLocalJpaWork(factory));
            return new SynchronizedAdapter(classes, factory, adapter);
        } catch (Exception | Error e) {
            classes.close();
            throw e;
        }
    }

    AuthAdapter adapter() {
        return adapter;
    }

    @Override
    public void close() throws IOException {
        factory.close();
        classes.close();
    }
}
