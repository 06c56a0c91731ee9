package dev.authschema.codegen;

import dev.authschema.dsl.resolve.ResolvedField;
import dev.authschema.dsl.resolve.ResolvedModel;
import dev.authschema.dsl.resolve.ResolvedSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * The join tables of the implicit many-to-many relations, as Prisma makes them: {@code _PostToTag} (or
 * {@code _RelationName}), column {@code A} referring to the id of the model whose name comes first in alphabetical
 * order, {@code B} to the other's.
 */
public final class JoinTables {

    /**
     * One join table.
     *
     * @param name   the table's name
     * @param a      the model column {@code A} refers to, whose entity owns the {@code @JoinTable}
     * @param aField {@code a}'s list field of {@code b}s
     * @param b      the model column {@code B} refers to
     * @param bField {@code b}'s list field of {@code a}s
     */
    public record JoinTable(String name, ResolvedModel a, ResolvedField aField, ResolvedModel b, ResolvedField bField) {

        /** The id field column {@code A} or {@code B} refers to (the validator requires a single {@code @id}). */
        public static ResolvedField id(ResolvedModel model) {
            return model.field(model.primaryKey().get(0)).orElseThrow();
        }
    }

    private JoinTables() {}

    /** Whether a relation field is a side of an implicit many-to-many relation. */
    public static boolean isManyToMany(ResolvedSchema schema, ResolvedField field) {
        return field.isRelation()
                && field.list()
                && field.relation() != null
                && schema.model(field.relation().relatedModel())
                        .flatMap(related -> related.field(field.relation().oppositeField()))
                        .map(ResolvedField::list)
                        .orElse(false);
    }

    /** The schema's join tables, in the order of their first models' fields; none for an ignored model. */
    public static List<JoinTable> of(ResolvedSchema schema) {
        List<JoinTable> tables = new ArrayList<>();
        for (ResolvedModel model : schema.models()) {
            if (model.ignored()) {
                continue;
            }
            for (ResolvedField field : model.fields()) {
                if (field.ignored() || !isManyToMany(schema, field)) {
                    continue;
                }
                ResolvedModel related =
                        schema.model(field.relation().relatedModel()).orElseThrow();
                // Each pair once, from the side of the model first in alphabetical order (A).
                if (related.ignored() || model.name().compareTo(related.name()) >= 0) {
                    continue;
                }
                ResolvedField opposite =
                        related.field(field.relation().oppositeField()).orElseThrow();
                String relationName = field.relation().name() != null
                        ? field.relation().name()
                        : model.name() + "To" + related.name();
                tables.add(new JoinTable("_" + relationName, model, field, related, opposite));
            }
        }
        return List.copyOf(tables);
    }
}
