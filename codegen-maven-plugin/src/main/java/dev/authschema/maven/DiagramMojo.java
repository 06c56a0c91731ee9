package dev.authschema.maven;

import dev.authschema.codegen.CodeGenerator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Draws the schema as a Mermaid {@code erDiagram}, the role of each model marked, into {@code target/authschema/schema.mmd}. */
@Mojo(name = "diagram", threadSafe = true)
public class DiagramMojo extends AbstractMojo {

    @Parameter(property = "authschema.schema", defaultValue = "${project.basedir}/src/main/authschema/auth.prisma")
    private File schema;

    @Parameter(property = "authschema.diagram", defaultValue = "${project.build.directory}/authschema/schema.mmd")
    private File output;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        SchemaSource source = SchemaSource.read(schema, true);
        String diagram = CodeGenerator.diagram(source.compile(getLog())).content();
        try {
            Path target = output.toPath();
            Files.createDirectories(target.getParent());
            Files.writeString(target, diagram, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + output + ": " + e.getMessage(), e);
        }
        getLog().info("Wrote the Mermaid diagram of " + source.displayName() + " to " + output + ".");
    }
}
