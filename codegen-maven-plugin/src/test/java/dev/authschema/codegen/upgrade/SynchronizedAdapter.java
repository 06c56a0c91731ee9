package dev.authschema.codegen.upgrade;

import dev.authschema.adapter.AuthAdapter;
import dev.authschema.codegen.CodeGenerator;
import dev.authschema.codegen.harness.InMemoryCompiler;
import dev.authschema.database.DatabaseUrl;
import dev.authschema.dsl.resolve.ResolvedModel;
import dev.authschema.dsl.resolve.ResolvedSchema;
import dev.authschema.jpa.JpaWork;
import dev.authschema.jpa.ResourceLocalJpaWork;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.eclipse.persistence.jpa.PersistenceProvider;

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
        URLClassLoader classes = InMemoryCompiler.compile(CodeGenerator.javaSources(schema, packageName),
                Files.createTempDirectory("authschema-upgrade"));
        try {
            List<String> managed = new ArrayList<>();
            for (ResolvedModel model : schema.models()) {
                if (!model.ignored()) {
                    managed.add(packageName + "." + model.name());
                }
            }
            managed.add(packageName + ".UtcInstantConverter");
            Properties properties = new Properties();
            properties.putAll(database.jpaProperties());
            properties.put("eclipselink.logging.level", "WARNING");
            EntityManagerFactory factory = new PersistenceProvider().createContainerEntityManagerFactory(
                    new Unit(classes.getURLs()[0], managed, classes, properties), properties);
            AuthAdapter adapter = (AuthAdapter) classes.loadClass(packageName + ".JpaAuthAdapter").getConstructor(JpaWork.class)
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

    /** A resource-local persistence unit declared in code, for entity classes that exist only in the test's class loader. */
    private record Unit(URL rootUrl, List<String> managedClassNames, ClassLoader classLoader, Properties properties)
            implements PersistenceUnitInfo {

        @Override
        public String getPersistenceUnitName() {
            return "authschema-upgrade";
        }

        @Override
        public String getPersistenceProviderClassName() {
            return PersistenceProvider.class.getName();
        }

        @Override
        public PersistenceUnitTransactionType getTransactionType() {
            return PersistenceUnitTransactionType.RESOURCE_LOCAL;
        }

        @Override
        public DataSource getJtaDataSource() {
            return null;
        }

        @Override
        public DataSource getNonJtaDataSource() {
            return null;
        }

        @Override
        public List<String> getMappingFileNames() {
            return List.of();
        }

        @Override
        public List<URL> getJarFileUrls() {
            return List.of();
        }

        @Override
        public URL getPersistenceUnitRootUrl() {
            return rootUrl;
        }

        @Override
        public List<String> getManagedClassNames() {
            return managedClassNames;
        }

        @Override
        public boolean excludeUnlistedClasses() {
            return true;
        }

        @Override
        public SharedCacheMode getSharedCacheMode() {
            return SharedCacheMode.UNSPECIFIED;
        }

        @Override
        public ValidationMode getValidationMode() {
            return ValidationMode.NONE;
        }

        @Override
        public Properties getProperties() {
            return properties;
        }

        @Override
        public String getPersistenceXMLSchemaVersion() {
            return "3.0";
        }

        @Override
        public ClassLoader getClassLoader() {
            return classLoader;
        }

        @Override
        public void addTransformer(ClassTransformer transformer) {
            // tests run EclipseLink unwoven
        }

        @Override
        public ClassLoader getNewTempClassLoader() {
            return classLoader;
        }
    }
}
