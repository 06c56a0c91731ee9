package dev.authschema.codegen;

import dev.authschema.codegen.ddl.DdlGenerator;
import dev.authschema.codegen.diagram.MermaidGenerator;
import dev.authschema.codegen.java.JavaGenerator;
import dev.authschema.codegen.persistence.PersistenceUnitGenerator;
import dev.authschema.dsl.resolve.ResolvedSchema;
import java.util.List;

/**
 * Everything generated from a schema, as files relative to their output roots. Pure: no I/O and no
 * clock, so the same schema always gives byte-for-byte the same files.
 */
public final class CodeGenerator {

    private CodeGenerator() {}

    /** The Java sources ({@code com/example/Member.java}, ...): entities, enums, the adapter and its producer. */
    public static List<GeneratedFile> javaSources(ResolvedSchema schema, String packageName) {
        return JavaGenerator.generate(schema, packageName);
    }

    /** {@code ddl/<dialect>.sql} for Derby, PostgreSQL, MySQL, MariaDB and SQL Server. */
    public static List<GeneratedFile> ddlScripts(ResolvedSchema schema) {
        return DdlGenerator.generateAll(schema);
    }

    /** {@code META-INF/persistence.xml}: the persistence unit of the generated entities. */
    public static GeneratedFile persistenceUnit(ResolvedSchema schema, String packageName) {
        return PersistenceUnitGenerator.generate(schema, packageName);
    }

    /** The same unit with the build's name and data source, which win over the schema's generator block. */
    public static GeneratedFile persistenceUnit(
            ResolvedSchema schema, String packageName, String unitName, String dataSource) {
        return PersistenceUnitGenerator.generate(schema, packageName, unitName, dataSource);
    }

    /** The schema as a Mermaid {@code erDiagram}, roles marked. */
    public static GeneratedFile diagram(ResolvedSchema schema) {
        return new GeneratedFile("schema.mmd", MermaidGenerator.generate(schema));
    }
}
