package dev.authschema.dsl.resolve;

import dev.authschema.dsl.ast.Argument;
import dev.authschema.dsl.ast.Attribute;
import dev.authschema.dsl.ast.Block;
import dev.authschema.dsl.ast.BlockKind;
import dev.authschema.dsl.ast.Expression;
import dev.authschema.dsl.ast.Member;
import dev.authschema.dsl.ast.Span;
import dev.authschema.dsl.diag.Diagnostic;
import dev.authschema.dsl.diag.Severity;
import dev.authschema.dsl.diag.Suggestions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What {@code validate} accepts, as Prisma 6 does, but the generator cannot turn into entities and DDL yet:
 * each use as an error at its place, naming the feature, for the generate step to refuse the schema with
 * (instead of generating something that silently differs from the schema).
 */
public final class UngeneratedFeatures {

    private static final Set<String> KEY_ATTRIBUTES = Set.of("id", "unique", "index");
    /** MySQL's (InnoDB's) largest key prefix in bytes; a longer {@code length:} cannot be created. */
    private static final int MAX_PREFIX = 3072;

    private UngeneratedFeatures() {}

    /** Every use of a feature the generator cannot produce yet, in file order; empty when it can generate the schema. */
    public static List<Diagnostic> of(ResolvedSchema schema) {
        List<Diagnostic> found = new ArrayList<>();
        for (Block datasource : schema.syntax().blocks(BlockKind.DATASOURCE)) {
            datasource
                    .property("schemas")
                    .ifPresent(p -> add(found, p.span(), "multiSchema (`schemas` and `@@schema`)"));
        }
        for (ResolvedModel model : schema.models()) {
            for (ResolvedField field : model.fields()) {
                fieldFeatures(schema, model, field, found);
                unsupportedField(schema, model, field, found);
            }
            int fulltext = 0;
            for (Attribute attribute : model.declaration().blockAttributes()) {
                blockAttributeFeatures(attribute, found);
                if (attribute.name().equals("fulltext")
                        && fulltext < model.fulltextIndexes().size()) {
                    // The model's fulltext indexes are its valid @@fulltext attributes, in order.
                    fulltextFeatures(model, model.fulltextIndexes().get(fulltext++), attribute, found);
                }
            }
        }
        found.sort((a, b) -> Integer.compare(a.span().start(), b.span().start()));
        return List.copyOf(found);
    }

    private static void fieldFeatures(
            ResolvedSchema schema, ResolvedModel model, ResolvedField field, List<Diagnostic> found) {
        Member.Field declaration = field.declaration();
        if (field.isUnsupported() && field.list()) {
            add(found, declaration.type().span(), "lists of `Unsupported(...)` types");
        } else if (field.list() && field.kind() != FieldKind.RELATION) {
            add(found, declaration.type().span(), "scalar lists (`" + declaration.type() + "`)");
        }
        if (field.kind() == FieldKind.RELATION && field.list() && field.relation() != null) {
            boolean otherSideIsList = schema.model(field.relation().relatedModel())
                    .flatMap(related -> related.fields().stream()
                            .filter(f -> f.name().equals(field.relation().oppositeField()))
                            .findFirst())
                    .map(ResolvedField::list)
                    .orElse(false);
            if (otherSideIsList && declaration.name().span().start() < oppositeStart(schema, field)) {
                manyToManyFeatures(schema, model, field, found);
            }
        }
        for (Attribute attribute : declaration.attributes()) {
            if (attribute.name().equals("default")) {
                if (attribute.argument("map", -1).isPresent()) {
                    add(found, attribute.span(), "named default constraints (`@default(..., map: ...)`)");
                }
            }
            if (KEY_ATTRIBUTES.contains(attribute.name())) {
                keyArguments(attribute, found);
                attribute.argument("length", -1).ifPresent(a -> length(a, found));
            }
        }
    }

    /**
     * An {@code Unsupported(...)} field is a column without a Java property. The entity cannot have it in its key
     * (the primary key, JPA's {@code @Id}) nor join over it; and the adapter cannot create the rows of a role model
     * that has one required without a database default.
     */
    private static void unsupportedField(
            ResolvedSchema schema, ResolvedModel model, ResolvedField field, List<Diagnostic> found) {
        if (!field.isUnsupported() || model.ignored() || field.ignored()) {
            return;
        }
        Member.Field declaration = field.declaration();
        if (model.primaryKey().contains(field.name())) {
            add(found, declaration.name().span(), "an `Unsupported(...)` field in the primary key");
        }
        boolean joined = model.fields().stream()
                        .anyMatch(f -> f.isRelation()
                                && f.relation() != null
                                && f.relation().fields().contains(field.name()))
                || schema.models().stream()
                        .flatMap(other -> other.fields().stream())
                        .anyMatch(f -> f.isRelation()
                                && f.relation() != null
                                && f.relation().isOwningSide()
                                && f.typeName().equals(model.name())
                                && f.relation().references().contains(field.name()));
        if (joined) {
            add(found, declaration.name().span(), "a relation over an `Unsupported(...)` field");
        }
        if (model.role() != null && !field.optional() && !(field.defaultValue() instanceof DefaultValue.DbGenerated)) {
            found.add(new Diagnostic(
                    Severity.ERROR,
                    "The field `" + field.name() + "` of `" + model.name() + "` (the "
                            + model.role().schemaName()
                            + " model) is a required `Unsupported(\"" + field.unsupportedType()
                            + "\")` column without a default: the entity has no property for it, so the adapter"
                            + " could not create " + model.name() + " rows. Make it optional (`Unsupported(\""
                            + field.unsupportedType()
                            + "\")?`) or let the database fill it (`@default(dbgenerated(\"...\"))`).",
                    declaration.span(),
                    null));
        }
    }

    /**
     * An implicit many-to-many relation is generated (the join table Prisma would make), except between a model and
     * itself (which side is {@code A} then depends on Prisma's field order), between two role models (the adapter's
     * records have no such property) and with a {@code map:} (Prisma has no use for it there).
     */
    private static void manyToManyFeatures(
            ResolvedSchema schema, ResolvedModel model, ResolvedField field, List<Diagnostic> found) {
        Span at = field.declaration().name().span();
        ResolvedModel related = schema.model(field.relation().relatedModel()).orElseThrow();
        if (related.name().equals(model.name())) {
            add(found, at, "implicit many-to-many self-relations (use an explicit join model)");
        } else if (model.role() != null && related.role() != null) {
            add(found, at, "implicit many-to-many relations between two role models");
        }
        Stream.of(field, related.field(field.relation().oppositeField()).orElseThrow())
                .flatMap(f -> f.declaration().attributes().stream())
                .filter(a -> a.name().equals("relation"))
                .flatMap(a -> a.argument("map", -1).stream())
                .findFirst()
                .ifPresent(map -> add(found, map.span(), "`map:` on an implicit many-to-many relation"));
    }

    /** The start of the opposite field of a relation, so that a many-to-many pair is reported once. */
    private static int oppositeStart(ResolvedSchema schema, ResolvedField field) {
        return schema.model(field.relation().relatedModel())
                .flatMap(related -> related.fields().stream()
                        .filter(f -> f.name().equals(field.relation().oppositeField()))
                        .findFirst())
                .map(f -> f.declaration().name().span().start())
                .orElse(Integer.MAX_VALUE);
    }

    private static void blockAttributeFeatures(Attribute attribute, List<Diagnostic> found) {
        switch (attribute.name()) {
            case "index", "unique", "id" -> {
                // sort:, length: and type: are generated; an operator class has no portable DDL.
                keyArguments(attribute, found);
                boolean accessMethod = attribute
                        .argument("type", -1)
                        .map(a -> a.value())
                        .filter(type -> !(type instanceof Expression.Constant c
                                && c.name().equals("BTree")))
                        .isPresent();
                // Only the first of each argument counts, as for the validator and Prisma (a second is not read).
                Set<String> seen = new HashSet<>();
                fieldCalls(attribute)
                        .forEach(call -> call.arguments().stream()
                                .filter(a -> a.isNamed())
                                .filter(a -> seen.add(
                                        call.name().name() + "(" + a.name().name()))
                                .forEach(a -> fieldArgument(a, accessMethod, found)));
                ignoredFieldArguments(attribute, found);
            }
            default -> {}
        }
    }

    /** An argument of a key's field: {@code sort:} and {@code length:} are generated, within their limits. */
    private static void fieldArgument(Argument a, boolean accessMethod, List<Diagnostic> found) {
        if (a.name().name().equals("ops")) {
            add(found, a.span(), "operator classes (`ops:`)");
        } else if (a.name().name().equals("length")) {
            length(a, found);
        } else if (a.name().name().equals("sort") && accessMethod) {
            // PostgreSQL takes ASC/DESC on B-tree indexes only.
            add(found, a.span(), "a sort order on an index whose `type:` is not BTree");
        }
    }

    /** A prefix {@code length:} MySQL can create: 1 to {@value #MAX_PREFIX}. */
    private static void length(Argument a, List<Diagnostic> found) {
        if (a.value() instanceof Expression.NumberLiteral n && n.text().matches("-\\d+|0+")) { // below 1, any size
            add(found, a.span(), "an index prefix `length` below 1");
        } else if (a.value() instanceof Expression.NumberLiteral n
                && n.text().matches("\\d+")
                && (n.text().length() > 4 || Integer.parseInt(n.text()) > MAX_PREFIX)) {
            add(found, a.span(), "an index prefix `length` over " + MAX_PREFIX);
        }
    }

    /**
     * MySQL and MariaDB index {@code CHAR}, {@code VARCHAR} and {@code TEXT} columns in full text only: Prisma accepts
     * {@code @@fulltext} over any scalar, the database then refuses the index. Field arguments (an {@code ops:} or a
     * misspelt one; Prisma refuses {@code sort} and {@code length}) have no meaning there.
     */
    private static void fulltextFeatures(
            ResolvedModel model, Index index, Attribute attribute, List<Diagnostic> found) {
        index.fields().stream()
                .map(name -> model.field(name).orElseThrow())
                .filter(field -> field.scalarType() != ScalarType.STRING)
                .findFirst()
                .ifPresent(field -> add(
                        found,
                        attribute.span(),
                        "a fulltext index over a field that is not a `String` (`" + field.name() + "`)"));
        fieldCalls(attribute)
                .filter(call -> !call.arguments().isEmpty())
                .findFirst()
                .ifPresent(call -> add(found, call.span(), "arguments on the fields of `@@fulltext`"));
    }

    /** The fields of a key listed with arguments, such as {@code title(sort: Desc)}. */
    private static Stream<Expression.FunctionCall> fieldCalls(Attribute attribute) {
        return attribute.argument("fields", 0).map(a -> a.value()).stream()
                .flatMap(fields ->
                        fields instanceof Expression.ArrayLiteral array ? array.items().stream() : Stream.of(fields))
                .filter(item -> item instanceof Expression.FunctionCall)
                .map(item -> (Expression.FunctionCall) item);
    }

    /**
     * A key field's arguments besides {@code sort}, {@code length} and {@code ops}, or without a name: Prisma ignores
     * them, so a misspelt {@code sotr: Desc} would silently leave the index ascending. The generate step refuses them.
     */
    private static void ignoredFieldArguments(Attribute attribute, List<Diagnostic> found) {
        fieldCalls(attribute)
                .forEach(call -> call.arguments().stream()
                        .filter(a -> !a.isNamed()
                                || !Expressions.INDEX_FIELD_ARGUMENTS.contains(
                                        a.name().name()))
                        .forEach(a -> found.add(new Diagnostic(
                                Severity.ERROR,
                                "Prisma ignores this argument of the field `"
                                        + call.name().name() + "`, and so would"
                                        + " the generated code: a key field takes `sort`, `length` and `ops` only."
                                        + " Remove it or correct its name.",
                                a.span(),
                                a.isNamed()
                                        ? Suggestions.didYouMean(a.name().name(), Expressions.INDEX_FIELD_ARGUMENTS)
                                        : null))));
    }

    private static void keyArguments(Attribute attribute, List<Diagnostic> found) {
        for (String argument : List.of("clustered")) {
            attribute
                    .argument(argument, -1)
                    .ifPresent(a -> add(found, a.span(), "`" + argument + ":` on `" + attribute.displayName() + "`"));
        }
    }

    private static void add(List<Diagnostic> found, Span span, String feature) {
        found.add(new Diagnostic(
                Severity.ERROR,
                "The schema is valid, but AuthSchema cannot generate " + feature
                        + " yet: remove it from the schema to generate, or keep it and write that part of the entities and DDL yourself.",
                span,
                null));
    }
}
