package dev.authschema.maven;

import dev.authschema.dsl.format.FormatResult;
import dev.authschema.dsl.format.SchemaFormatter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Formats a schema file in place with {@code prisma format}'s layout; with {@code -Dauthschema.check=true}
 * it changes nothing and fails when the file is not formatted (for CI). Usable without a pom.
 */
@Mojo(name = "format", requiresProject = false, threadSafe = true)
public class FormatMojo extends AbstractMojo {

    @Parameter(property = "authschema.schema", defaultValue = "${basedir}/src/main/authschema/auth.prisma")
    private File schema;

    /** Only check: fail if formatting would change the file. */
    @Parameter(property = "authschema.check", defaultValue = "false")
    private boolean check;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        SchemaSource source = SchemaSource.read(schema, false);
        FormatResult result = SchemaFormatter.format(source.displayName(), source.text());
        if (!result.isFormatted()) {
            getLog().error(result.render().stripTrailing());
            throw new MojoFailureException(
                    schema.getName() + " cannot be formatted until its syntax errors (listed above) are fixed.");
        }
        if (!result.changed()) {
            getLog().info(schema.getName() + " is formatted.");
            return;
        }
        if (check) {
            throw new MojoFailureException(
                    schema.getName() + " is not formatted: run `mvn authschema:format` to format it.");
        }
        try {
            Files.writeString(schema.toPath(), result.formatted().orElseThrow(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + schema + ": " + e.getMessage(), e);
        }
        getLog().info("Formatted " + schema.getName() + ".");
    }
}
