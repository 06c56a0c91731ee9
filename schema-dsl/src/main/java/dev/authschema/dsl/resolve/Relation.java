package dev.authschema.dsl.resolve;

import java.util.List;

/**
 * One side of a relation between two models. The owning side holds the foreign key: its
 * {@code fields} are this model's scalar fields and {@code references} the related model's fields
 * they point to. The other side (a list, or an optional single field) has both lists empty.
 */
public record Relation(
        String name,
        String relatedModel,
        List<String> fields,
        List<String> references,
        ReferentialAction onDelete,
        ReferentialAction onUpdate,
        String oppositeField) {

    public Relation {
        fields = List.copyOf(fields);
        references = List.copyOf(references);
    }

    public boolean isOwningSide() {
        return !fields.isEmpty();
    }
}
