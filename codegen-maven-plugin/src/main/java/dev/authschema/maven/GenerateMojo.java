package dev.authschema.maven;

import dev.authschema.codegen.CodeGenerator;
import dev.authschema.codegen.GeneratedFile;
import dev.authschema.codegen.persistence.PersistenceUnitGenerator;
import dev.authschema.dsl.resolve.ResolvedSchema;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.sonatype.plexus.build.incremental.BuildContext;

/**
 * Generates the JPA entities, the {@code AuthAdapter}, the persistence unit and the DDL of each dialect from the schema
 * file, or from the built-in canonical schema when the project has none. Skips all work when the
 * schema, the configuration and the plugin are unchanged since the last run.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

    /** The schema file; when it does not exist, the built-in canonical schema is used. */
    @Parameter(property = "authschema.schema", defaultValue = "${project.basedir}/src/main/authschema/auth.prisma")
    private File schema;

    /** The Java package of the generated code; default: the schema's generator {@code package}, else {@code <groupId>.auth}. */
    @Parameter(property = "authschema.package")
    private String packageName;

    /** Where the Java sources go; added to the compile source roots. */
    @Parameter(
            property = "authschema.outputDirectory",
            defaultValue = "${project.build.directory}/generated-sources/authschema")
    private File outputDirectory;

    /**
     * Where the DDL scripts and their layouts go ({@code ddl/<dialect>.sql}, {@code ddl/<dialect>.layout}); added as a
     * resource under {@code META-INF/authschema}.
     */
    @Parameter(
            property = "authschema.resourcesDirectory",
            defaultValue = "${project.build.directory}/generated-resources/authschema")
    private File resourcesDirectory;

    /**
     * Where the generated {@code META-INF/persistence.xml} goes; added as a resource root unless the project has its
     * own {@code META-INF/persistence.xml} in a resource directory, which it then keeps (nothing is generated).
     */
    @Parameter(
            property = "authschema.persistenceDirectory",
            defaultValue = "${project.build.directory}/generated-resources/authschema-persistence")
    private File persistenceDirectory;

    /** The generated persistence unit's name; default: the schema's generator {@code persistenceUnit}, else authschema. */
    @Parameter(property = "authschema.persistenceUnit")
    private String persistenceUnit;

    /**
     * The JNDI name of its JTA data source; default: the schema's generator {@code dataSource}, else jdbc/authschema.
     * A {@code @DataSourceDefinition} name such as {@code java:app/jdbc/app} works too.
     */
    @Parameter(property = "authschema.dataSource")
    private String dataSource;

    @Parameter(property = "authschema.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Component
    private BuildContext buildContext;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        boolean ownPersistenceUnit = hasOwnPersistenceUnit();
        addOutputsToProject(ownPersistenceUnit);
        if (skip) {
            getLog().info("AuthSchema generation skipped (authschema.skip).");
            return;
        }
        SchemaSource source = SchemaSource.read(schema, true);
        if (source.builtIn()) {
            getLog().info("No schema at " + schema + ": generating the built-in canonical schema.");
        }
        Path fingerprintFile = Path.of(project.getBuild().getDirectory(), "authschema", "generate.fingerprint");
        Fingerprint fingerprint = fingerprint(source, ownPersistenceUnit);
        if (Files.isDirectory(outputDirectory.toPath()) && fingerprint.isStoredIn(fingerprintFile)) {
            getLog().info("AuthSchema sources are up to date.");
            return;
        }
        ResolvedSchema resolved = source.compile(getLog());
        source.refuseUngenerated(resolved, getLog());
        String javaPackage = packageName(resolved);
        List<GeneratedFile> sources = CodeGenerator.javaSources(resolved, javaPackage);
        List<GeneratedFile> ddl = CodeGenerator.ddlScripts(resolved);
        try {
            OutputWriter writer = new OutputWriter(buildContext);
            OutputWriter.Result java = writer.write(outputDirectory.toPath(), sources);
            OutputWriter.Result scripts = writer.write(resourcesDirectory.toPath(), ddl);
            // An own persistence.xml wins: the generated one is deleted, so that only one reaches the class path.
            writer.write(
                    persistenceDirectory.toPath(),
                    ownPersistenceUnit
                            ? List.of()
                            : List.of(CodeGenerator.persistenceUnit(
                                    resolved,
                                    javaPackage,
                                    orDefault(
                                            persistenceUnit,
                                            resolved.generator().persistenceUnit()),
                                    orDefault(dataSource, resolved.generator().dataSource()))));
            if (ownPersistenceUnit) {
                getLog().info("AuthSchema: the project has its own META-INF/persistence.xml; none generated.");
            }
            fingerprint.storeIn(fingerprintFile);
            getLog().info("AuthSchema: " + sources.size() + " sources in " + javaPackage + " (" + java.written()
                    + " written, "
                    + java.unchanged() + " unchanged, " + java.deleted() + " deleted), " + ddl.size()
                    + " DDL scripts and layouts (" + scripts.written() + " written).");
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the generated files: " + e.getMessage(), e);
        }
    }

    private void addOutputsToProject(boolean ownPersistenceUnit) {
        project.addCompileSourceRoot(outputDirectory.getPath());
        addResource(resourcesDirectory, "META-INF/authschema");
        if (!ownPersistenceUnit) {
            addResource(persistenceDirectory, null);
        }
    }

    private void addResource(File directory, String targetPath) {
        boolean added = project.getResources().stream()
                .anyMatch(r -> directory.getPath().equals(r.getDirectory()));
        if (!added) {
            Resource resource = new Resource();
            resource.setDirectory(directory.getPath());
            resource.setTargetPath(targetPath);
            project.addResource(resource);
        }
    }

    /** Whether one of the project's own resource directories holds a {@code META-INF/persistence.xml}. */
    private boolean hasOwnPersistenceUnit() {
        return project.getResources().stream()
                .filter(r -> !persistenceDirectory.getPath().equals(r.getDirectory()) && r.getTargetPath() == null)
                .anyMatch(r -> new File(r.getDirectory(), PersistenceUnitGenerator.PATH).isFile());
    }

    private String packageName(ResolvedSchema resolved) throws MojoFailureException {
        if (packageName != null && !packageName.isBlank()) {
            return packageName.trim();
        }
        if (resolved.generator().packageName() != null) {
            return resolved.generator().packageName();
        }
        String derived = project.getGroupId().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.]", "_") + ".auth";
        if (!derived.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*")) {
            throw new MojoFailureException("Cannot derive a Java package from the groupId " + project.getGroupId()
                    + ": set <packageName> in the plugin configuration or `package` in the schema's generator block.");
        }
        return derived;
    }

    private static String orDefault(String configured, String fromSchema) {
        return configured != null && !configured.isBlank() ? configured.strip() : fromSchema;
    }

    /** What the output depends on: the schema text, the configuration and the plugin build. */
    private Fingerprint fingerprint(SchemaSource source, boolean ownPersistenceUnit) {
        File pluginJar = plugin.getPluginArtifact() == null
                ? null
                : plugin.getPluginArtifact().getFile();
        return Fingerprint.of(
                plugin.getVersion(),
                pluginJar == null ? "" : pluginJar.length() + ":" + pluginJar.lastModified(),
                packageName,
                outputDirectory.getAbsolutePath(),
                resourcesDirectory.getAbsolutePath(),
                persistenceDirectory.getAbsolutePath(),
                String.valueOf(ownPersistenceUnit),
                String.valueOf(persistenceUnit),
                String.valueOf(dataSource),
                source.displayName(),
                source.text());
    }
}
