package dev.authschema.dsl.resolve;

import dev.authschema.dsl.ast.Attribute;
import dev.authschema.dsl.ast.Expression;
import dev.authschema.dsl.diag.Diagnostics;
import dev.authschema.dsl.diag.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Pairs every relation field with its opposite field and checks the pair as Prisma does: exactly one
 * side holds {@code fields}/{@code references}, they agree in number and type, the references are a
 * unique criterion, optional foreign keys make an optional relation, and the referential actions are
 * valid. Implicit many-to-many relations are rejected: they need a join table the schema does not name.
 */
final class RelationResolver {

    private static final List<String> ARGUMENTS =
            List.of("name", "fields", "references", "onDelete", "onUpdate", "map");

    private final Diagnostics diagnostics;
    private final Map<String, ModelInfo> models;
    private final Connector connector;
    private final boolean relationModePrisma;

    RelationResolver(
            Diagnostics diagnostics, Map<String, ModelInfo> models, Connector connector, boolean relationModePrisma) {
        this.diagnostics = diagnostics;
        this.models = models;
        this.connector = connector;
        this.relationModePrisma = relationModePrisma;
    }

    void resolve() {
        for (ModelInfo model : models.values()) {
            for (FieldInfo field : model.fields.values()) {
                if (field.typeKnown && field.kind == FieldKind.RELATION && !field.relationChecked) {
                    resolve(model, field);
                }
            }
        }
        if (connector == Connector.SQLSERVER && !relationModePrisma) {
            new CascadePaths(diagnostics, models).check();
        }
        if (relationModePrisma) {
            models.values().forEach(this::unindexedForeignKeys);
        }
    }

    /** Without foreign keys the database creates no index for a relation: Prisma warns where none is declared. */
    private void unindexedForeignKeys(ModelInfo model) {
        for (FieldInfo field : model.fields.values()) {
            if (field.relation == null || !field.relation.isOwningSide()) {
                continue;
            }
            List<String> fields = field.relation.fields();
            boolean indexed = Stream.concat(
                            Stream.concat(
                                    model.indexes.stream().map(Index::fields),
                                    model.uniqueConstraints.stream().map(UniqueConstraint::fields)),
                            Stream.of(model.primaryKey()))
                    .anyMatch(key -> key.size() >= fields.size()
                            && key.subList(0, fields.size()).equals(fields));
            if (!indexed) {
                diagnostics.warning(
                        field.relationAttribute.span(),
                        "With `relationMode = \"prisma\"`, no foreign keys are used, so relation "
                                + "fields will not benefit from the index usually created by the relational database under the hood. This can lead "
                                + "to poor performance when querying these fields. We recommend adding an index manually. Learn more at "
                                + "https://pris.ly/d/relation-mode-prisma-indexes");
            }
        }
    }

    /**
     * As in Prisma: the join table refers to each model's single {@code @id}, and always cascades (no
     * {@code onDelete}/{@code onUpdate}).
     */
    private boolean implicitManyToManyFits(Side side, Side opposite) {
        for (Side one : List.of(side, opposite)) {
            if (one.onDelete != null || one.onUpdate != null) {
                diagnostics.error(
                        one.field
                                .relationAttribute
                                .argument("onDelete", -1)
                                .or(() -> one.field.relationAttribute.argument("onUpdate", -1))
                                .map(argument -> argument.value().span())
                                .orElse(one.field.declaration.span()),
                        "Referential actions on implicit many-to-many relations are not supported");
                return false;
            }
        }
        for (Side one : List.of(side, opposite)) {
            Side other = one == side ? opposite : side;
            if (one.model.primaryKey().size() != 1) {
                diagnostics.error(
                        other.field.declaration.span(),
                        "The relation field `" + other.field.name + "` on model `" + other.model.name
                                + "` references `" + one.model.name + "` which does not have an `@id` field. Models"
                                + " without `@id` cannot be part of a many to many relation. Use an explicit"
                                + " intermediate Model to represent this relationship.");
                return false;
            }
        }
        return true;
    }

    private record Side(
            ModelInfo model,
            FieldInfo field,
            String name,
            List<String> fields,
            List<String> references,
            ReferentialAction onDelete,
            ReferentialAction onUpdate,
            boolean valid) {
        boolean defines() {
            return !fields.isEmpty() || !references.isEmpty();
        }
    }

    private void resolve(ModelInfo model, FieldInfo field) {
        field.relationChecked = true;
        Side side = side(model, field);
        ModelInfo related = models.get(field.typeName);
        List<FieldInfo> sameName = model.fields.values().stream()
                .filter(f ->
                        f.typeKnown && f.kind == FieldKind.RELATION && f.typeName.equals(related.name) && f != field)
                .filter(f -> Objects.equals(relationName(f), side.name))
                .filter(f -> related != model)
                .toList();
        if (!sameName.isEmpty()) {
            sameName.forEach(f -> f.relationChecked = true);
            diagnostics.error(
                    field.declaration.name().span(),
                    "Ambiguous relation detected. The fields `" + field.name + "` and `"
                            + sameName.get(0).name + "` in model `" + model.name + "` both refer to `" + related.name
                            + "`. Please provide different relation names for them by adding `@relation(<name>)`.");
            return;
        }
        List<FieldInfo> opposites = related.fields.values().stream()
                .filter(f -> f != field && f.typeKnown && f.kind == FieldKind.RELATION && f.typeName.equals(model.name))
                .filter(f -> Objects.equals(relationName(f), side.name))
                .toList();
        if (opposites.isEmpty()) {
            if (related.declaration.hasInvalidLines()) {
                return; // the opposite field may be on a line with a syntax error
            }
            String suggestion = field.list
                    ? decapitalize(model.name) + " " + model.name + " @relation(fields: [...], references: [...])"
                    : decapitalize(model.name) + "s " + model.name + "[]";
            diagnostics.error(
                    field.declaration.name().span(),
                    "The relation field `" + field.name + "` on model `" + model.name
                            + "` is missing an opposite relation field on the model `" + related.name + "`: add `"
                            + suggestion + "` to `"
                            + related.name + "`" + (side.name == null ? "" : " with `@relation(\"" + side.name + "\")`")
                            + ".");
            return;
        }
        if (opposites.size() > 1) {
            diagnostics.error(
                    field.declaration.name().span(),
                    "Ambiguous relation detected. The fields `" + opposites.get(0).name + "` and `"
                            + opposites.get(1).name + "` in model `" + related.name + "` both refer to `" + model.name
                            + "`. Please provide different relation names for them by adding `@relation(<name>)`.");
            return;
        }
        FieldInfo oppositeField = opposites.get(0);
        oppositeField.relationChecked = true;
        Side opposite = side(related, oppositeField);
        if (!side.valid || !opposite.valid) {
            return;
        }
        if (side.defines() && opposite.defines()) {
            diagnostics.error(
                    oppositeField.declaration.name().span(),
                    "Only one side of a relation defines `fields` and `references`: remove them from `" + related.name
                            + "." + oppositeField.name + "` or from `" + model.name + "." + field.name + "`.");
            return;
        }
        if (!side.defines() && !opposite.defines()) {
            if (field.list && oppositeField.list) {
                // Implicit many-to-many: Prisma keeps the join table to itself (`_ModelToOther`).
                if (!implicitManyToManyFits(side, opposite)) {
                    return;
                }
                field.relation = new Relation(
                        side.name,
                        related.name,
                        List.of(),
                        List.of(),
                        ReferentialAction.CASCADE,
                        ReferentialAction.CASCADE,
                        oppositeField.name);
                oppositeField.relation = new Relation(
                        side.name,
                        model.name,
                        List.of(),
                        List.of(),
                        ReferentialAction.CASCADE,
                        ReferentialAction.CASCADE,
                        field.name);
            } else {
                ModelInfo owner = field.list ? related : model;
                FieldInfo ownerField = field.list ? oppositeField : field;
                diagnostics.error(
                        ownerField.declaration.name().span(),
                        "The relation field `" + ownerField.name + "` on model `" + owner.name
                                + "` must specify the `fields` and `references` arguments: `@relation(fields: [...], references: [...])`.");
            }
            return;
        }
        Side owning = side.defines() ? side : opposite;
        Side back = side.defines() ? opposite : side;
        if (checkOwningSide(owning) && checkBackSide(owning, back)) {
            owning.field.relation = new Relation(
                    owning.name,
                    back.model.name,
                    owning.fields,
                    owning.references,
                    owning.onDelete != null
                            ? owning.onDelete
                            : owning.field.optional ? ReferentialAction.SET_NULL : ReferentialAction.RESTRICT,
                    owning.onUpdate != null ? owning.onUpdate : ReferentialAction.CASCADE,
                    back.field.name);
            back.field.relation = new Relation(
                    owning.name,
                    owning.model.name,
                    List.of(),
                    List.of(),
                    owning.field.relation.onDelete(),
                    owning.field.relation.onUpdate(),
                    owning.field.name);
        }
    }

    private boolean checkOwningSide(Side owning) {
        FieldInfo field = owning.field;
        ModelInfo model = owning.model;
        ModelInfo related = models.get(field.typeName);
        String where = "The relation field `" + field.name + "` on model `" + model.name + "`";
        if (field.list) {
            diagnostics.error(
                    field.declaration.name().span(),
                    where + " is a list, so it cannot hold `fields` and `references`: "
                            + "define them on the opposite field.");
            return false;
        }
        if (owning.fields.isEmpty() || owning.references.isEmpty()) {
            diagnostics.error(field.relationAttribute.span(), where + " must specify both `fields` and `references`.");
            return false;
        }
        if (owning.fields.size() != owning.references.size()) {
            diagnostics.error(
                    field.relationAttribute.span(),
                    where + " must specify the same number of fields in `fields` (" + owning.fields.size()
                            + ") and `references` (" + owning.references.size() + ").");
            return false;
        }
        boolean valid = true;
        boolean anyOptional = false;
        for (int i = 0; i < owning.fields.size(); i++) {
            FieldInfo local = model.field(owning.fields.get(i)).orElse(null);
            FieldInfo remote = related.field(owning.references.get(i)).orElse(null);
            if (local == null || remote == null) {
                valid = false; // reported while reading the lists
                continue;
            }
            anyOptional |= local.optional;
            if (local.typeKnown && remote.typeKnown && !Objects.equals(local.typeName, remote.typeName)) {
                diagnostics.error(
                        field.relationAttribute.span(),
                        "The type of the field `" + local.name + "` in model `" + model.name
                                + "` (" + local.typeName + ") does not match the type of the referenced field `"
                                + remote.name + "` in model `"
                                + related.name + "` (" + remote.typeName + ").");
                valid = false;
            }
        }
        if (valid && !related.isUniqueCriterion(owning.references)) {
            diagnostics.error(
                    field.relationAttribute.span(),
                    "The argument `references` must refer to a unique criterion in the related model `" + related.name
                            + "`: mark `" + String.join("`, `", owning.references) + "` with `@id` or `@unique`.");
            valid = false;
        }
        if (valid && anyOptional && !field.optional) {
            diagnostics.error(
                    field.declaration.type().span(),
                    where + " uses the scalar fields " + String.join(", ", owning.fields)
                            + ". At least one of those fields is optional. Hence the relation field must be optional as well: `"
                            + field.typeName + "?`.");
            valid = false;
        }
        boolean anyRequired = owning.fields.stream()
                .anyMatch(f -> model.field(f).map(l -> !l.optional).orElse(false));
        for (String action : List.of("onDelete", "onUpdate")) {
            ReferentialAction chosen = action.equals("onDelete") ? owning.onDelete : owning.onUpdate;
            if (!valid || !anyRequired || chosen != ReferentialAction.SET_NULL) {
                continue;
            }
            if (connector.isPostgres()) {
                diagnostics.warning(
                        field.relationAttribute.span(),
                        "The `" + action + "` referential action of a relation should not be set "
                                + "to `SetNull` when a referenced field is required. We recommend either to choose another referential action, "
                                + "or to make the referenced fields optional. Read more at https://pris.ly/d/postgres-set-null");
            } else {
                diagnostics.error(
                        field.relationAttribute.span(),
                        "The `" + action + "` referential action of a relation must not be set "
                                + "to `SetNull` when a referenced field is required. Either choose another referential action, or make the "
                                + "referenced fields optional.");
                valid = false;
            }
        }
        if (valid && connector == Connector.SQLSERVER && related == model && triggersActions(owning)) {
            diagnostics.error(
                    field.relationAttribute.span(),
                    "A self-relation must have `onDelete` and `onUpdate` referential actions set "
                            + "to `NoAction` in one of the @relation attributes. (Implicit default `onDelete`: `SetNull`, and `onUpdate`: `Cascade`)");
            valid = false;
        }
        return valid;
    }

    /** SQL Server: a relation whose actions are not both NoAction makes the database act on the referencing rows. */
    static boolean triggersActions(ReferentialAction onDelete, ReferentialAction onUpdate) {
        return onDelete != ReferentialAction.NO_ACTION || onUpdate != ReferentialAction.NO_ACTION;
    }

    private static boolean triggersActions(Side owning) {
        ReferentialAction onDelete = owning.onDelete != null
                ? owning.onDelete
                : owning.field.optional ? ReferentialAction.SET_NULL : ReferentialAction.NO_ACTION;
        return triggersActions(onDelete, owning.onUpdate != null ? owning.onUpdate : ReferentialAction.CASCADE);
    }

    private boolean checkBackSide(Side owning, Side back) {
        FieldInfo field = back.field;
        if (back.onDelete != null || back.onUpdate != null) {
            diagnostics.error(
                    field.relationAttribute.span(),
                    "The relation field `" + field.name + "` on model `" + back.model.name
                            + "` must not specify `onDelete` or `onUpdate`: specify them on the opposite field `"
                            + owning.field.name
                            + "` on model `" + owning.model.name + "`.");
            return false;
        }
        if (!field.list && !field.optional) {
            diagnostics.error(
                    field.declaration.type().span(),
                    "The relation field `" + field.name + "` on model `" + back.model.name
                            + "` is required. This is not valid because it's not possible to enforce this constraint on the database level. "
                            + "Please change the field type from `" + field.typeName + "` to `" + field.typeName
                            + "?` to fix this.");
            return false;
        }
        if (!field.list && !owning.model.isUniqueCriterion(owning.fields)) {
            diagnostics.error(
                    owning.field.relationAttribute.span(),
                    "A one-to-one relation must use unique fields on the defining side. "
                            + "Either add an `@unique` attribute to the field `" + String.join("`, `", owning.fields)
                            + "`, or change the relation to one-to-many.");
            return false;
        }
        return true;
    }

    private Side side(ModelInfo model, FieldInfo field) {
        Attribute attribute = field.relationAttribute;
        if (attribute == null) {
            return new Side(model, field, null, List.of(), List.of(), null, null, true);
        }
        AttributeArguments arguments = AttributeArguments.check(attribute, "name", ARGUMENTS, List.of(), diagnostics);
        String name = arguments.string("name", diagnostics).orElse(null);
        boolean valid = true;
        List<String> fields = List.of();
        List<String> references = List.of();
        if (arguments.has("fields")) {
            Optional<List<String>> list = names(arguments.get("fields").orElseThrow(), model, "fields", field);
            valid &= list.isPresent();
            fields = list.orElse(List.of());
        }
        if (arguments.has("references")) {
            ModelInfo related = models.get(field.typeName);
            Optional<List<String>> list =
                    names(arguments.get("references").orElseThrow(), related, "references", field);
            valid &= list.isPresent();
            references = list.orElse(List.of());
        }
        ReferentialAction onDelete = action(arguments, "onDelete");
        ReferentialAction onUpdate = action(arguments, "onUpdate");
        arguments.get("map").filter(e -> e instanceof Expression.StringLiteral).ifPresent(map -> {
            if (((Expression.StringLiteral) map).value().isEmpty()) {
                diagnostics.error(map.span(), "The `map` argument cannot be an empty string.");
            } else if (!connector.supportsNamedForeignKeys()) {
                diagnostics.error(map.span(), "Your provider does not support named foreign keys.");
            }
        });
        valid &= !arguments.hasErrors()
                && (onDelete != null || !arguments.has("onDelete"))
                && (onUpdate != null || !arguments.has("onUpdate"));
        return new Side(model, field, name, fields, references, onDelete, onUpdate, valid);
    }

    private Optional<List<String>> names(
            Expression expression, ModelInfo model, String argument, FieldInfo relationField) {
        Optional<List<Expression.Constant>> constants =
                Expressions.nameList(expression, "`" + argument + "`", diagnostics);
        if (constants.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        boolean valid = true;
        for (Expression.Constant constant : constants.get()) {
            Optional<FieldInfo> field = model.field(constant.name());
            if (field.isEmpty()) {
                diagnostics.error(
                        constant.span(),
                        "The argument `" + argument + "` of `@relation` on `" + relationField.name
                                + "` refers to the unknown field `" + constant.name() + "` of model `" + model.name
                                + "`.",
                        Suggestions.didYouMean(constant.name(), model.fields.keySet()));
                valid = false;
            } else if (field.get().kind == FieldKind.RELATION) {
                diagnostics.error(
                        constant.span(),
                        "The argument `" + argument + "` of `@relation` must list scalar fields, but `"
                                + constant.name() + "` is a relation field.");
                valid = false;
            }
            names.add(constant.name());
        }
        return valid ? Optional.of(names) : Optional.empty();
    }

    private ReferentialAction action(AttributeArguments arguments, String argument) {
        Optional<Expression> value = arguments.get(argument);
        if (value.isEmpty()) {
            return null;
        }
        if (value.get() instanceof Expression.Constant constant) {
            Optional<ReferentialAction> action = ReferentialAction.of(constant.name());
            List<String> allowed =
                    relationModePrisma ? connector.emulatedReferentialActions() : connector.referentialActions();
            if (action.isPresent() && !allowed.contains(constant.name())) {
                String hint = relationModePrisma && action.get() == ReferentialAction.NO_ACTION
                        ? ". `NoAction` is not implemented for "
                                + (connector == Connector.SQLITE ? "sqlite" : "Postgres")
                                + " when using `relationMode = \"prisma\"`, you could try using `Restrict` instead."
                                + " Learn more at https://pris.ly/d/relation-mode"
                        : "";
                diagnostics.error(
                        constant.span(),
                        "Invalid referential action: `" + constant.name() + "`. Allowed values: (`"
                                + String.join("`, `", allowed) + "`)" + hint);
                return null;
            }
            if (action.isPresent()) {
                return action.get();
            }
            diagnostics.error(
                    constant.span(),
                    "Invalid referential action `" + constant.name() + "` for `" + argument + "`. Possible values: "
                            + String.join(", ", ReferentialAction.schemaNames()) + ".",
                    Suggestions.didYouMean(constant.name(), ReferentialAction.schemaNames()));
        } else {
            diagnostics.error(
                    value.get().span(),
                    "`" + argument + "` takes a referential action ("
                            + String.join(", ", ReferentialAction.schemaNames()) + "), found "
                            + Expressions.describe(value.get()) + ".");
        }
        return null;
    }

    private static String relationName(FieldInfo field) {
        if (field.relationAttribute == null) {
            return null;
        }
        return field.relationAttribute
                .argument("name", 0)
                .filter(a -> a.value() instanceof Expression.StringLiteral)
                .map(a -> ((Expression.StringLiteral) a.value()).value())
                .orElse(null);
    }

    private static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
