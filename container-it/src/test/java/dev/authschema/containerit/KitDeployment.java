package dev.authschema.containerit;

import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the WAR of an in-container test (on the client, before Arquillian deploys it): a generated adapter with
 * its producer and DDL layouts, a persistence unit of its entities on the server's JTA data source, the kit and
 * its row reader, and this package's tests.
 */
public final class KitDeployment {

    /** The persistence unit's name, as the generated producer and ContainerJpaWork expect it. */
    public static final String PERSISTENCE_UNIT = "authschema";

    private KitDeployment() {}

    /** The sample's adapter with every entity and converter listed in its persistence unit. */
    public static WebArchive of(Sample sample, TargetDatabase database, String name) {
        return of(sample, database, name, generatedClasses(sample));
    }

    /**
     * The sample's adapter with only {@code listed} in its persistence unit (a broken setup leaves entities out).
     */
    public static WebArchive of(Sample sample, TargetDatabase database, String name, List<Class<?>> listed) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackage(sample.packageName)
                .addPackage(KitDeployment.class.getPackage())
                .addAsResource(new StringAsset(persistenceXml(listed)), "META-INF/persistence.xml")
                .addAsResource(schemaFile(sample).toFile(), DeployedAdapter.SCHEMA_RESOURCE)
                .addAsWebInfResource(new StringAsset(beansXml()), "beans.xml")
                .setWebXML(new StringAsset(webXml(database.dataSourceXml(name))));
        for (Path layout : files(target().resolve("generated-resources")
                .resolve(sample.directory)
                .resolve("ddl"))) {
            war.addAsResource(layout.toFile(), "META-INF/authschema/ddl/" + layout.getFileName());
        }
        for (Path library : files(target().resolve("deployment-libs"))) {
            war.addAsLibrary(library.toFile());
        }
        // Servers that take an application-defined data source's driver from the deployment (WildFly) get the
        // drivers in WEB-INF/lib; Liberty has them in its global library.
        String drivers = System.getProperty("containerit.deployment.drivers");
        if (drivers != null) {
            for (Path driver : files(Path.of(drivers))) {
                war.addAsLibrary(driver.toFile());
            }
        }
        return war;
    }

    /** Every entity and attribute converter the plugin generated for the sample. */
    public static List<Class<?>> generatedClasses(Sample sample) {
        Path directory = target().resolve("classes").resolve(sample.packageName.replace('.', '/'));
        return files(directory).stream()
                .map(file -> file.getFileName().toString())
                .filter(file -> file.endsWith(".class") && !file.contains("$"))
                .<Class<?>>map(
                        file -> load(sample.packageName + "." + file.substring(0, file.length() - ".class".length())))
                .filter(type -> type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Converter.class))
                .toList();
    }

    private static String persistenceXml(List<Class<?>> classes) {
        StringBuilder listed = new StringBuilder();
        classes.forEach(
                type -> listed.append("    <class>").append(type.getName()).append("</class>\n"));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
                  <persistence-unit name="%s" transaction-type="JTA">
                    <jta-data-source>%s</jta-data-source>
                %s    <exclude-unlisted-classes>true</exclude-unlisted-classes>
                    <shared-cache-mode>NONE</shared-cache-mode>
                    <properties>
                      <property name="jakarta.persistence.schema-generation.database.action" value="none"/>
                    </properties>
                  </persistence-unit>
                </persistence>
                """.formatted(PERSISTENCE_UNIT, TargetDatabase.JNDI_NAME, listed);
    }

    private static String beansXml() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="annotated"/>
                """;
    }

    private static String webXml(String dataSource) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                %s</web-app>
                """.formatted(dataSource);
    }

    private static Path schemaFile(Sample sample) {
        Path basedir = Path.of(System.getProperty("basedir", "."));
        return switch (sample) {
            case CUSTOM_MODELS ->
                basedir.resolve("../codegen-maven-plugin/src/test/resources/schemas/custom-models.prisma");
            case DEMO -> basedir.resolve("../demo-war/src/main/authschema/auth.prisma");
        };
    }

    private static Path target() {
        return Path.of(System.getProperty("containerit.target", "target"));
    }

    private static List<Path> files(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot list " + directory + " (run the build's generate and"
                            + " pre-integration-test phases first): " + e.getMessage(),
                    e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, KitDeployment.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("generated class " + name + " is not on the test class path", e);
        }
    }
}
