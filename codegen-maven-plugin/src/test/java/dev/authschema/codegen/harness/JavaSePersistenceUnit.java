package dev.authschema.codegen.harness;

import dev.authschema.dsl.resolve.ResolvedModel;
import dev.authschema.dsl.resolve.ResolvedSchema;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceProvider;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.hibernate.jpa.HibernatePersistenceProvider;

/** A resource-local persistence unit built in code, for entity classes that exist only in a test's class loader. */
public record JavaSePersistenceUnit(
        String name,
        URL rootUrl,
        List<String> managedClassNames,
        ClassLoader classLoader,
        Properties properties,
        JpaProvider provider)
        implements PersistenceUnitInfo {

    /**
     * An EclipseLink factory for a schema's generated entities (and its converter), compiled into {@code classes},
     * with the connection settings in {@code properties}.
     */
    public static EntityManagerFactory entityManagerFactory(
            ResolvedSchema schema, String packageName, URLClassLoader classes, Properties properties) {
        return entityManagerFactory(schema, packageName, classes, properties, JpaProvider.ECLIPSELINK);
    }

    /** As {@link #entityManagerFactory(ResolvedSchema, String, URLClassLoader, Properties)}, under this provider. */
    public static EntityManagerFactory entityManagerFactory(
            ResolvedSchema schema,
            String packageName,
            URLClassLoader classes,
            Properties properties,
            JpaProvider provider) {
        List<String> managed = new ArrayList<>();
        for (ResolvedModel model : schema.models()) {
            if (!model.ignored()) {
                managed.add(packageName + "." + model.name());
            }
        }
        managed.add(packageName + ".UtcInstantConverter");
        PersistenceUnitInfo unit = new JavaSePersistenceUnit(
                "authschema-test", classes.getURLs()[0], managed, classes, properties, provider);
        PersistenceProvider persistence = switch (provider) {
            case ECLIPSELINK -> new org.eclipse.persistence.jpa.PersistenceProvider();
            case HIBERNATE -> new HibernatePersistenceProvider();
        };
        return persistence.createContainerEntityManagerFactory(unit, properties);
    }

    @Override
    public String getPersistenceUnitName() {
        return name;
    }

    @Override
    public String getPersistenceProviderClassName() {
        return provider.providerClassName;
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
        return SharedCacheMode.NONE; // as the generated persistence unit has it
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
        // no weaving in tests: EclipseLink runs unwoven, Hibernate without bytecode enhancement
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
        return classLoader;
    }
}
