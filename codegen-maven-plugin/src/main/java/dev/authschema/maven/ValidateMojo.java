package dev.authschema.maven;

import dev.authschema.dsl.resolve.ResolvedModel;
import dev.authschema.dsl.resolve.ResolvedSchema;
import java.io.File;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks a schema file and prints every diagnostic, like {@code prisma validate}; usable without a
 * pom: {@code mvn dev.authschema:authschema-maven-plugin:validate -Dauthschema.schema=auth.prisma}.
 */
@Mojo(name = "validate", requiresProject = false, threadSafe = true)
public class ValidateMojo extends AbstractMojo {

    @Parameter(property = "authschema.schema", defaultValue = "${basedir}/src/main/authschema/auth.prisma")
    private File schema;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        ResolvedSchema resolved = SchemaSource.read(schema, false).compile(getLog());
        String roles = resolved.roles().entrySet().stream()
                .map(e -> e.getKey().schemaName() + " = " + e.getValue().name())
                .collect(Collectors.joining(", "));
        long models = resolved.models().stream().filter(m -> !m.ignored()).count();
        long extras = resolved.models().stream()
                .mapToLong(m -> m.role() == null ? 0 : extraCount(m))
                .sum();
        getLog().info(schema.getName() + " is valid: " + models + " models (" + roles + "), " + extras
                + " extra fields on the auth models.");
    }

    private static long extraCount(ResolvedModel model) {
        return model.extraFields().size();
    }
}
