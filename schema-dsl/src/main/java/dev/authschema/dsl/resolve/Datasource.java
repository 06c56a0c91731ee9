package dev.authschema.dsl.resolve;

import dev.authschema.dsl.ast.Span;
import java.util.List;

/**
 * The {@code datasource} block: its name (the {@code @db.} namespace), the DDL dialect and the URL setting.
 *
 * @param prismaProvider the connector as Prisma names it ({@code postgresql}, {@code cockroachdb}, {@code sqlite}, ...)
 * @param relationModePrisma {@code relationMode = "prisma"}: relations without foreign keys in the database
 * @param schemas    where {@code schemas = [...]} (multiSchema) is written, or null
 * @param extensions where {@code extensions = [...]} (PostgreSQL extensions) is written, or null
 * @param postgresExtensions the extensions it lists, in order
 */
public record Datasource(
        String name,
        Provider provider,
        ConfigValue url,
        String prismaProvider,
        boolean relationModePrisma,
        Span schemas,
        Span extensions,
        List<PostgresExtension> postgresExtensions) {

    public Datasource {
        postgresExtensions = List.copyOf(postgresExtensions);
    }
}
