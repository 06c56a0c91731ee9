package dev.authschema.codegen.diagram;

import dev.authschema.codegen.JoinTables;
import dev.authschema.dsl.resolve.FieldKind;
import dev.authschema.dsl.resolve.ResolvedField;
import dev.authschema.dsl.resolve.ResolvedModel;
import dev.authschema.dsl.resolve.ResolvedSchema;

/**
 * A Mermaid {@code erDiagram} of a schema: each model with its stored fields (PK, FK, UK marked), the
 * role it plays in its title, and one line per relation with its cardinality.
 */
public final class MermaidGenerator {

    private MermaidGenerator() {}

    public static String generate(ResolvedSchema schema) {
        StringBuilder out = new StringBuilder("erDiagram\n");
        for (ResolvedModel model : schema.models()) {
            if (model.ignored()) {
                continue;
            }
            String title = model.role() == null
                    ? model.name()
                    : model.name() + " (" + model.role().schemaName() + ")";
            out.append("    ").append(model.name()).append("[\"").append(title).append("\"] {\n");
            for (ResolvedField field : model.fields()) {
                if (field.kind() == FieldKind.RELATION || field.ignored()) {
                    continue;
                }
                out.append("        ").append(field.typeName()).append(' ').append(field.name());
                String keys = keys(model, field);
                if (!keys.isEmpty()) {
                    out.append(' ').append(keys);
                }
                if (field.canonical() == null && model.role() != null) {
                    out.append(" \"extra\"");
                }
                out.append('\n');
            }
            out.append("    }\n");
        }
        for (ResolvedModel model : schema.models()) {
            for (ResolvedField field : model.fields()) {
                if (field.kind() != FieldKind.RELATION || !field.relation().isOwningSide() || field.ignored()) {
                    continue;
                }
                ResolvedModel related = schema.model(field.typeName()).orElseThrow();
                ResolvedField opposite =
                        related.field(field.relation().oppositeField()).orElseThrow();
                String parent = field.optional() ? "|o" : "||";
                String child = opposite.list() ? "o{" : "o|";
                out.append("    ")
                        .append(related.name())
                        .append(' ')
                        .append(parent)
                        .append("--")
                        .append(child)
                        .append(' ')
                        .append(model.name())
                        .append(" : ")
                        .append(opposite.name())
                        .append('\n');
            }
        }
        for (JoinTables.JoinTable join : JoinTables.of(schema)) {
            // An implicit many-to-many relation: its join table is Prisma's, not a model.
            out.append("    ")
                    .append(join.a().name())
                    .append(" }o--o{ ")
                    .append(join.b().name())
                    .append(" : ")
                    .append(join.aField().name())
                    .append('\n');
        }
        return out.toString();
    }

    private static String keys(ResolvedModel model, ResolvedField field) {
        StringBuilder keys = new StringBuilder();
        if (model.primaryKey().contains(field.name())) {
            keys.append("PK");
        }
        boolean foreign = model.fields().stream()
                .anyMatch(f -> f.kind() == FieldKind.RELATION
                        && f.relation() != null
                        && f.relation().fields().contains(field.name()));
        if (foreign) {
            keys.append(keys.isEmpty() ? "" : ", ").append("FK");
        }
        boolean unique =
                model.uniqueConstraints().stream().anyMatch(u -> u.fields().equals(java.util.List.of(field.name())));
        if (unique && !model.primaryKey().equals(java.util.List.of(field.name()))) {
            keys.append(keys.isEmpty() ? "" : ", ").append("UK");
        }
        return keys.toString();
    }
}
