package dev.authschema.dsl.resolve;

import dev.authschema.dsl.ast.Attribute;
import dev.authschema.dsl.ast.Expression;
import dev.authschema.dsl.ast.FieldType;
import dev.authschema.dsl.ast.Member;
import dev.authschema.dsl.ast.TypeModifier;
import dev.authschema.dsl.diag.Diagnostics;
import dev.authschema.dsl.diag.Suggestions;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Resolves one model's fields and attributes, applying Prisma's rules for types, {@code @id},
 * {@code @default}, {@code @unique}, {@code @updatedAt}, {@code @map}, {@code @db.*}, {@code @@id},
 * {@code @@unique}, {@code @@index}, {@code @@map} and {@code @@ignore}. Relations are paired later,
 * once every model is known ({@link RelationResolver}).
 */
final class ModelResolver {

    private static final List<String> FIELD_ATTRIBUTES =
            List.of("id", "default", "unique", "map", "updatedAt", "relation", "ignore");
    private static final List<String> BLOCK_ATTRIBUTES = List.of("id", "unique", "index", "map", "ignore");
    private static final List<String> DEFAULT_FUNCTIONS =
            List.of("autoincrement", "cuid", "uuid", "nanoid", "ulid", "now", "dbgenerated");

    private final Diagnostics diagnostics;
    private final Set<String> modelNames;
    private final Map<String, ResolvedEnum> enums;
    private final String datasourceName;
    private final Connector connector;

    ModelResolver(
            Diagnostics diagnostics,
            Set<String> modelNames,
            Map<String, ResolvedEnum> enums,
            String datasourceName,
            Connector connector) {
        this.diagnostics = diagnostics;
        this.modelNames = modelNames;
        this.enums = enums;
        this.datasourceName = datasourceName;
        this.connector = connector;
    }

    void resolve(ModelInfo model) {
        // Known before the fields: an ignored model's fields follow looser rules (an optional id is fine there).
        model.ignored = model.declaration.blockAttributes().stream()
                .anyMatch(a -> a.name().equals("ignore"));
        for (Member member : model.declaration.members()) {
            if (member instanceof Member.Field field) {
                field(model, field);
            } else if (member instanceof Member.Property property) {
                diagnostics.error(
                        property.span(),
                        "This line is not a valid field or attribute definition: `=` belongs in datasource, generator and modelMapping blocks.");
            }
        }
        Set<String> once = new HashSet<>();
        for (Attribute attribute : model.declaration.blockAttributes()) {
            List<Attribute> same = model.declaration.blockAttributes(attribute.name());
            if (List.of("map", "ignore", "schema", "id").contains(attribute.name()) && same.size() > 1) {
                // Reported on every occurrence, as Prisma does: either may be the one to remove.
                diagnostics.error(
                        attribute.span(), "Attribute `" + attribute.displayName() + "` can only be defined once.");
                if (!once.add(attribute.name())) {
                    continue;
                }
            }
            blockAttribute(model, attribute);
        }
        checkIds(model);
        checkUniqueCriterion(model);
        checkAutoincrement(model);
        checkBytesId(model);
    }

    private void field(ModelInfo model, Member.Field declaration) {
        String name = declaration.name().name();
        if (model.fields.containsKey(name)) {
            diagnostics.error(
                    declaration.name().span(),
                    "Field `" + name + "` is already defined on model `" + model.name + "`.");
            return;
        }
        FieldInfo field = new FieldInfo(declaration);
        model.fields.put(name, field);
        resolveType(field);
        // The native type first: the key attributes' rules depend on it, wherever it is written.
        List<Attribute> ordered = Stream.concat(
                        declaration.attributes().stream()
                                .filter(a -> a.namespace().isPresent()),
                        declaration.attributes().stream()
                                .filter(a -> a.namespace().isEmpty()))
                .toList();
        for (Attribute attribute : ordered) {
            if (declaration.attributes(attribute.name()).size() > 1
                    && declaration.attributes(attribute.name()).get(0) != attribute) {
                diagnostics.error(
                        attribute.span(), "Attribute `" + attribute.displayName() + "` can only be defined once.");
                continue;
            }
            fieldAttribute(model, field, attribute);
        }
    }

    private void resolveType(FieldInfo field) {
        FieldType type = field.declaration.type();
        if (type == null) {
            diagnostics.error(
                    field.declaration.span(),
                    "This field declaration is invalid. It is either missing a name or a type.");
            return;
        }
        String typeName = type.name().name();
        if (typeName.equals("Unsupported")) {
            unsupportedType(field, type);
            return;
        }
        if (type.hasArguments()) {
            diagnostics.error(
                    type.span(),
                    "A field type takes no arguments: use `@db." + typeName + "(...)` for a native database type.");
            return;
        }
        field.typeName = typeName;
        field.optional = type.modifier() == TypeModifier.OPTIONAL;
        field.list = type.isList();
        Optional<ScalarType> scalar = ScalarType.of(typeName);
        if (scalar.isPresent()) {
            field.kind = FieldKind.SCALAR;
            field.scalarType = scalar.get();
        } else if (enums.containsKey(typeName)) {
            field.kind = FieldKind.ENUM;
        } else if (modelNames.contains(typeName)) {
            field.kind = FieldKind.RELATION;
        } else {
            List<String> candidates = Stream.of(
                            ScalarType.schemaNames(), List.copyOf(modelNames), List.copyOf(enums.keySet()))
                    .flatMap(List::stream)
                    .toList();
            diagnostics.error(
                    type.name().span(),
                    "Type \"" + typeName + "\" is neither a built-in type, nor refers to another model or enum.",
                    Suggestions.didYouMean(typeName, candidates));
            return;
        }
        if (type.modifier() == TypeModifier.OPTIONAL_LIST) {
            // Reported, then read as a list so that its relation is still checked.
            diagnostics.error(
                    type.span(),
                    "Optional lists are not supported. Use either `" + typeName + "[]` or `" + typeName + "?`.");
        }
        if (field.list
                && field.kind != FieldKind.RELATION
                && !connector.supportsScalarLists()
                && connector != Connector.NONE) {
            diagnostics.error(
                    type.span(),
                    "Field `" + field.name + "` can't be a list. The current connector does not support lists "
                            + "of primitive types: use a related model or a Json field.");
            return;
        }
        if (field.scalarType == ScalarType.JSON && !connector.supportsJson()) {
            diagnostics.error(
                    type.span(),
                    "Field `" + field.name + "` can't be of type Json. The current connector does not support "
                            + "the Json type.");
            return;
        }
        field.typeKnown = true;
    }

    /** {@code Unsupported("geometry")}: a column Prisma knows only by its database type; no Java property. */
    private void unsupportedType(FieldInfo field, FieldType type) {
        if (type.unsupportedArguments().size() != 1
                || type.unsupportedArguments().get(0).isNamed()
                || !(type.unsupportedArguments().get(0).value() instanceof Expression.StringLiteral)) {
            diagnostics.error(
                    type.span(),
                    "`Unsupported` takes the database type as one string: `Unsupported(\"geometry(Point, 4326)\")`.");
            return;
        }
        field.typeName = "Unsupported";
        field.unsupportedType =
                ((Expression.StringLiteral) type.unsupportedArguments().get(0).value()).value();
        field.optional = type.modifier() == TypeModifier.OPTIONAL;
        field.list = type.isList();
        field.kind = FieldKind.SCALAR;
        field.typeKnown = true;
    }

    private void fieldAttribute(ModelInfo model, FieldInfo field, Attribute attribute) {
        if (attribute.namespace().isPresent()) {
            nativeType(field, attribute);
            return;
        }
        switch (attribute.name()) {
            case "id" -> {
                AttributeArguments arguments = AttributeArguments.check(
                        attribute, null, List.of("map", "length", "sort", "clustered"), List.of(), diagnostics);
                model.constraintErrors |= arguments.hasErrors();
                keyArguments(attribute, arguments);
                constraintName(arguments, "map", attribute);
                checkKeyType(field, "@id", arguments.has("length"), attribute);
                field.id = field.kind != FieldKind.RELATION;
                model.primaryKeyColumns =
                        List.of(Expressions.keyColumn(field.name, arguments.get("sort"), arguments.get("length")));
                model.primaryKeyName = arguments.string("map", diagnostics).orElse(null);
                model.primaryKeySpan = attribute.span();
                if (field.typeKnown && field.kind == FieldKind.RELATION) {
                    diagnostics.error(
                            attribute.span(),
                            "The field `" + field.name + "` is a relation field and cannot be marked with `@id`. "
                                    + "Only scalar fields can be declared as id.");
                } else if (field.optional && !model.ignored) {
                    diagnostics.error(
                            attribute.span(),
                            "Fields that are marked as id must be required: remove the `?` of `" + field.name + "`.");
                }
            }
            case "unique" -> {
                AttributeArguments arguments = AttributeArguments.check(
                        attribute, null, List.of("map", "length", "sort", "clustered"), List.of(), diagnostics);
                model.constraintErrors |= arguments.hasErrors();
                keyArguments(attribute, arguments);
                constraintName(arguments, "map", attribute);
                checkKeyType(field, "@unique", arguments.has("length"), attribute);
                field.unique = true;
                UniqueConstraint unique = new UniqueConstraint(
                        List.of(field.name),
                        arguments.string("map", diagnostics).orElse(null),
                        List.of(Expressions.keyColumn(field.name, arguments.get("sort"), arguments.get("length"))));
                model.uniqueConstraints.add(unique);
                model.constraintSpans.put(unique, attribute.span());
                if (field.typeKnown && field.kind == FieldKind.RELATION) {
                    diagnostics.error(
                            attribute.span(),
                            "The field `" + field.name + "` is a relation field and cannot be marked with `@unique`: "
                                    + "mark its scalar field instead.");
                }
            }
            case "map" -> {
                AttributeArguments arguments =
                        AttributeArguments.check(attribute, "name", List.of("name"), List.of(), diagnostics);
                arguments
                        .required("name", diagnostics)
                        .flatMap(e -> Expressions.string(e, "`@map`", diagnostics))
                        .ifPresent(mapped -> field.mappedName = nonBlank(mapped, attribute));
                if (field.typeKnown && field.kind == FieldKind.RELATION) {
                    diagnostics.error(
                            attribute.span(),
                            "`@map` cannot be used on the relation field `" + field.name
                                    + "`: it has no column. Map its scalar fields instead.");
                }
            }
            case "default" -> defaultValue(field, attribute);
            case "updatedAt" -> {
                AttributeArguments.none(attribute, diagnostics);
                field.updatedAt = true;
                if (field.typeKnown && field.scalarType != ScalarType.DATETIME) {
                    diagnostics.error(
                            attribute.span(),
                            "Fields that are marked with @updatedAt must be of type DateTime, but `" + field.name
                                    + "` is " + field.displayType() + ".");
                }
            }
            case "relation" -> {
                field.relationAttribute = attribute;
                if (field.typeKnown && field.kind != FieldKind.RELATION) {
                    diagnostics.error(
                            attribute.span(),
                            "`@relation` belongs on a field whose type is a model; `" + field.name + "` is "
                                    + field.displayType() + ".");
                }
            }
            case "ignore" -> {
                AttributeArguments.none(attribute, diagnostics);
                field.ignored = true;
                if (model.ignored) {
                    diagnostics.error(
                            attribute.span(),
                            "Fields on an already ignored Model do not need an `@ignore` annotation.");
                }
            }
            case "shardKey" -> diagnostics.error(attribute.span(), "`@shardKey` is not supported by AuthSchema.");
            default -> {
                model.constraintErrors = true; // it may have been meant as @id or @unique
                diagnostics.error(
                        attribute.nameSpan(),
                        "Attribute not known: \"" + attribute.displayName() + "\".",
                        Suggestions.didYouMean(attribute.name(), FIELD_ATTRIBUTES));
            }
        }
    }

    private void nativeType(FieldInfo field, Attribute attribute) {
        String namespace = attribute.namespace().orElseThrow();
        String typeName = attribute.name().substring(namespace.length() + 1);
        if (datasourceName == null || !namespace.equals(datasourceName)) {
            diagnostics.error(
                    attribute.nameSpan(),
                    "The prefix `" + namespace + "` is invalid. It must be equal to the name of the datasource"
                            + (datasourceName == null ? "." : ": `@" + datasourceName + "." + typeName + "`."));
            return;
        }
        if (typeName.equals("ObjectId")) {
            diagnostics.error(
                    attribute.span(), "`@" + namespace + ".ObjectId` is MongoDB-only and not supported by AuthSchema.");
            return;
        }
        NativeTypes.Spec spec = NativeTypes.ALL.get(typeName);
        Set<String> available = connector.nativeTypes();
        if (available != null && !available.contains(typeName)) {
            diagnostics.error(
                    attribute.nameSpan(),
                    "Native type " + typeName + " is not supported for " + connector.prismaName() + " connector.",
                    Suggestions.didYouMean(typeName, available));
            return;
        }
        if (field.typeKnown && "Unsupported".equals(field.typeName)) {
            diagnostics.error(
                    attribute.span(),
                    "An `Unsupported(...)` field takes no native type: its type is the string it holds.");
            return;
        }
        if (spec == null) {
            diagnostics.error(
                    attribute.nameSpan(),
                    "Native type `" + typeName + "` is not known.",
                    Suggestions.didYouMean(typeName, NativeTypes.ALL.keySet()));
            return;
        }
        List<String> arguments = new ArrayList<>();
        for (var argument : attribute.arguments()) {
            if (argument.value() instanceof Expression.NumberLiteral number && !argument.isNamed()) {
                arguments.add(number.text());
            } else if (argument.value() instanceof Expression.Constant constant
                    && constant.name().equals("Max")
                    && !argument.isNamed()) {
                arguments.add("Max");
            } else {
                diagnostics.error(
                        argument.span(),
                        "The arguments of `@" + attribute.name() + "` are numbers, found "
                                + Expressions.describe(argument.value()) + ".");
                return;
            }
        }
        if (arguments.size() < spec.minArguments() || arguments.size() > spec.maxArguments()) {
            diagnostics.error(
                    attribute.span(),
                    "Native type `" + typeName + "` takes "
                            + (spec.maxArguments() == 0
                                    ? "no arguments"
                                    : "at most " + spec.maxArguments() + " argument"
                                            + (spec.maxArguments() == 1 ? "" : "s"))
                            + ", found " + arguments.size() + ".");
            return;
        }
        if (field.typeKnown && (field.scalarType == null || !spec.scalars().contains(field.scalarType))) {
            diagnostics.error(
                    attribute.span(),
                    "Native type `" + typeName + "` is not compatible with the `" + field.typeName + "` type.");
            return;
        }
        String outOfRange = NativeTypes.checkArguments(connector, typeName, arguments);
        if (outOfRange != null) {
            diagnostics.error(attribute.span(), outOfRange);
            return;
        }
        field.nativeType = new NativeType(typeName, arguments);
    }

    /** {@code sort}, {@code length} and {@code clustered} of a key: values Prisma accepts, and where it accepts them. */
    private void keyArguments(Attribute attribute, AttributeArguments arguments) {
        arguments.get("sort").ifPresent(sort -> {
            if (!(sort instanceof Expression.Constant c)
                    || !List.of("Asc", "Desc").contains(c.name())) {
                diagnostics.error(
                        sort.span(),
                        "The `sort` argument takes `Asc` or `Desc`, found " + Expressions.describe(sort) + ".");
            } else if (attribute.name().equals("id") && !connector.supportsPrimaryKeySort()) {
                diagnostics.error(
                        sort.span(),
                        "The sort argument is not supported in the primary key with the current connector");
            }
        });
        arguments.get("length").ifPresent(length -> {
            if (!(length instanceof Expression.NumberLiteral n) || !n.text().matches("\\d+")) {
                diagnostics.error(
                        length.span(),
                        "The `length` argument takes a whole number, found " + Expressions.describe(length) + ".");
            } else if (!connector.isMysql() && connector != Connector.NONE) {
                diagnostics.error(
                        length.span(),
                        "The length argument is not supported in the " + attribute.displayName()
                                + " attribute with the current connector.");
            }
        });
        arguments.get("clustered").ifPresent(clustered -> {
            if (!(clustered instanceof Expression.Constant c)
                    || !List.of("true", "false").contains(c.name())) {
                diagnostics.error(
                        clustered.span(),
                        "The `clustered` argument takes `true` or `false`, found " + Expressions.describe(clustered)
                                + ".");
            } else if (connector != Connector.SQLSERVER && connector != Connector.NONE) {
                diagnostics.error(clustered.span(), "Defining clustering is not supported in the current connector.");
            }
        });
    }

    /** Text and blob types cannot be keys on MySQL (without a prefix length), SQL Server and, for Xml, PostgreSQL. */
    private void checkKeyType(FieldInfo field, String what, boolean hasLength, Attribute attribute) {
        if (field.nativeType == null) {
            return;
        }
        String database = connector.unkeyableReason(field.nativeType);
        if (database == null || (hasLength && connector.keyLengthHelps())) {
            return;
        }
        String type = field.nativeType.arguments().isEmpty()
                ? field.nativeType.name()
                : field.nativeType.name() + "(" + String.join(",", field.nativeType.arguments()) + ")";
        String lengthHint = connector.keyLengthHelps()
                ? " Please use the `length` argument to the field in the index definition " + "to allow this."
                : "";
        String message = switch (what) {
            case "@id" ->
                "Native type `" + type + "` of " + database + " cannot be used on a field that is `@id` or `@@id`.";
            case "@unique" -> "Native type `" + type + "` cannot be unique in " + database + ".";
            default -> "You cannot define an index on fields with native type `" + type + "` of " + database + ".";
        };
        diagnostics.error(attribute.span(), message + lengthHint);
    }

    private void defaultValue(FieldInfo field, Attribute attribute) {
        AttributeArguments arguments =
                AttributeArguments.check(attribute, "value", List.of("value", "map"), List.of(), diagnostics);
        Optional<Expression> value = arguments.required("value", diagnostics);
        arguments.get("map").ifPresent(map -> {
            if (connector != Connector.NONE && !connector.supportsNamedDefaults()) {
                diagnostics.error(
                        map.span(),
                        "You defined a database name for the default value of a field on the model. This is not "
                                + "supported by the provider.");
            } else {
                constraintName(arguments, "map", attribute);
            }
        });
        if (value.isEmpty() || !field.typeKnown) {
            return;
        }
        if ("Unsupported".equals(field.typeName)) {
            if (!(value.get() instanceof Expression.FunctionCall call
                    && call.name().name().equals("dbgenerated"))) {
                diagnostics.error(
                        value.get().span(), "Only @default(dbgenerated(\"...\")) can be used for Unsupported types.");
                return;
            }
        }
        if (field.kind == FieldKind.RELATION) {
            diagnostics.error(
                    attribute.span(), "Relation fields cannot have a `@default`: put it on the scalar field.");
            return;
        }
        Expression expression = value.get();
        if (expression instanceof Expression.FunctionCall call) {
            field.defaultValue = defaultFunction(field, call);
        } else if (field.kind == FieldKind.ENUM) {
            ResolvedEnum enumeration = enums.get(field.typeName);
            List<String> values =
                    enumeration.values().stream().map(ResolvedEnum.Value::name).toList();
            if (expression instanceof Expression.Constant constant && values.contains(constant.name())) {
                field.defaultValue = new DefaultValue.EnumConstant(constant.name());
            } else {
                String found = expression instanceof Expression.Constant constant ? constant.name() : "";
                diagnostics.error(
                        expression.span(),
                        "The default value of `" + field.name + "` must be a value of the enum `" + field.typeName
                                + "` (" + String.join(", ", values) + "), found " + Expressions.describe(expression)
                                + ".",
                        Suggestions.didYouMean(found, values));
            }
        } else {
            field.defaultValue = literalDefault(field, expression);
        }
    }

    private DefaultValue defaultFunction(FieldInfo field, Expression.FunctionCall call) {
        String function = call.name().name();
        ScalarType type = field.scalarType;
        return switch (function) {
            case "autoincrement" ->
                noArguments(call)
                                && expectType(
                                        field,
                                        call,
                                        type == ScalarType.INT || type == ScalarType.BIGINT,
                                        "an Int or BigInt")
                        ? new DefaultValue.AutoIncrement()
                        : null;
            case "cuid" ->
                expectType(field, call, type == ScalarType.STRING, "a String") && version(call, List.of("1", "2"))
                        ? new DefaultValue.Cuid(versionOf(call, 1))
                        : null;
            case "uuid" ->
                expectType(field, call, type == ScalarType.STRING, "a String") && version(call, List.of("4", "7"))
                        ? new DefaultValue.Uuid(versionOf(call, 4))
                        : null;
            case "ulid" ->
                noArguments(call) && expectType(field, call, type == ScalarType.STRING, "a String")
                        ? new DefaultValue.Ulid()
                        : null;
            case "nanoid" -> expectType(field, call, type == ScalarType.STRING, "a String") ? nanoid(call) : null;
            case "now" ->
                noArguments(call) && expectType(field, call, type == ScalarType.DATETIME, "a DateTime")
                        ? new DefaultValue.Now()
                        : null;
            case "dbgenerated" -> {
                if (call.arguments().size() == 1
                        && call.arguments().get(0).value() instanceof Expression.StringLiteral sql
                        && !sql.value().isBlank()) {
                    yield new DefaultValue.DbGenerated(sql.value());
                }
                diagnostics.error(
                        call.span(),
                        "`dbgenerated()` takes the SQL expression as one string: `dbgenerated(\"gen_random_uuid()\")`.");
                yield null;
            }
            case "sequence", "auto" -> {
                diagnostics.error(
                        call.span(),
                        "`" + function + "()` is not supported by AuthSchema in `@default`. Supported: "
                                + String.join("(), ", DEFAULT_FUNCTIONS) + "().");
                yield null;
            }
            default -> {
                diagnostics.error(
                        call.name().span(),
                        "Unknown function in `@default`: `" + function + "()`. Supported: "
                                + String.join("(), ", DEFAULT_FUNCTIONS) + "().",
                        Suggestions.didYouMean(function, DEFAULT_FUNCTIONS));
                yield null;
            }
        };
    }

    /** {@code cuid()}/{@code cuid(1|2)}, {@code uuid()}/{@code uuid(4|7)}: an optional version, an Int of those. */
    private boolean version(Expression.FunctionCall call, List<String> versions) {
        String function = "`" + call.name().name() + "()`";
        if (call.arguments().isEmpty()) {
            return true;
        }
        if (call.arguments().size() > 1
                || !(call.arguments().get(0).value() instanceof Expression.NumberLiteral number)) {
            diagnostics.error(call.span(), function + " takes a single Int argument.");
            return false;
        }
        if (!versions.contains(number.text())) {
            diagnostics.error(
                    call.span(),
                    function + " takes either no argument, or a single integer argument which is either "
                            + versions.get(0) + " or " + versions.get(1) + ".");
            return false;
        }
        return true;
    }

    /** The version argument {@link #version} accepted, or {@code otherwise} without one. */
    private static int versionOf(Expression.FunctionCall call, int otherwise) {
        return call.arguments().isEmpty()
                ? otherwise
                : Integer.parseInt(
                        ((Expression.NumberLiteral) call.arguments().get(0).value()).text());
    }

    private DefaultValue nanoid(Expression.FunctionCall call) {
        if (call.arguments().isEmpty()) {
            return new DefaultValue.Nanoid(null);
        }
        if (call.arguments().size() == 1
                && call.arguments().get(0).value() instanceof Expression.NumberLiteral number
                && number.text().matches("\\d{1,3}")
                && Integer.parseInt(number.text()) >= 2
                && Integer.parseInt(number.text()) <= 255) {
            return new DefaultValue.Nanoid(Integer.parseInt(number.text()));
        }
        diagnostics.error(
                call.span(), "`nanoid()` takes either no argument, or a single integer argument >= 2 and <= 255.");
        return null;
    }

    private boolean noArguments(Expression.FunctionCall call) {
        if (call.arguments().isEmpty()) {
            return true;
        }
        diagnostics.error(call.span(), "`" + call.name().name() + "()` takes no arguments.");
        return false;
    }

    private boolean expectType(FieldInfo field, Expression.FunctionCall call, boolean matches, String expected) {
        if (!matches) {
            diagnostics.error(
                    call.span(),
                    "`" + call.name().name() + "()` can only be the default of " + expected + " field, but `"
                            + field.name + "` is " + field.displayType() + ".");
        }
        return matches;
    }

    private DefaultValue literalDefault(FieldInfo field, Expression expression) {
        ScalarType type = field.scalarType;
        if (field.list && expression instanceof Expression.ArrayLiteral array) {
            // A scalar list's default: each item must be a value of the type (the generator refuses lists for now).
            array.items().forEach(item -> literalDefault(field, item));
            return null;
        }
        String text = literalText(expression);
        boolean matches = text != null
                && switch (type) {
                    case STRING -> expression instanceof Expression.StringLiteral;
                    case JSON -> expression instanceof Expression.StringLiteral;
                    case DATETIME -> expression instanceof Expression.StringLiteral && isInstant(text);
                    case BYTES -> expression instanceof Expression.StringLiteral && isBase64(text);
                    case DECIMAL, FLOAT ->
                        text.matches("-?\\d+(\\.\\d+)?")
                                && (type == ScalarType.DECIMAL || expression instanceof Expression.NumberLiteral);
                    case INT -> expression instanceof Expression.NumberLiteral && isInt(text);
                    case BIGINT -> expression instanceof Expression.NumberLiteral && text.matches("-?\\d+");
                    case BOOLEAN ->
                        expression instanceof Expression.Constant && (text.equals("true") || text.equals("false"));
                };
        if (matches && type == ScalarType.JSON && reportedInvalidJson(text, expression)) {
            return null;
        }
        if (!matches) {
            diagnostics.error(
                    expression.span(),
                    "The default value of `" + field.name + "` does not match its type: expected "
                            + expectedLiteral(type) + ", found " + Expressions.describe(expression) + ".");
            return null;
        }
        return new DefaultValue.Literal(text, type);
    }

    /** The text of a string, number or bare-word literal; null for lists and calls. */
    private static String literalText(Expression expression) {
        if (expression instanceof Expression.StringLiteral s) {
            return s.value();
        }
        if (expression instanceof Expression.NumberLiteral n) {
            return n.text();
        }
        return expression instanceof Expression.Constant c ? c.name() : null;
    }

    private static String expectedLiteral(ScalarType type) {
        return switch (type) {
            case STRING -> "a String value";
            case BOOLEAN -> "`true` or `false`";
            case INT -> "an Int value (a whole number of 32 bits)";
            case BIGINT -> "a BigInt value (a whole number)";
            case FLOAT, DECIMAL -> "a number";
            case DATETIME -> "a date-time string such as \"2024-01-31T12:00:00Z\" or `now()`";
            case JSON -> "a JSON string";
            case BYTES -> "a base64 string";
        };
    }

    /** A Json default must parse as JSON; true when it was reported, so it is not reported again as a type mismatch. */
    private boolean reportedInvalidJson(String text, Expression expression) {
        String problem = JsonSyntax.problem(text);
        if (problem != null) {
            diagnostics.error(
                    expression.span(), "Parse error: \"" + text + "\" is not a valid JSON string. (" + problem + ")");
        }
        return problem != null;
    }

    private static boolean isInt(String text) {
        try {
            Integer.parseInt(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isInstant(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isBase64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void blockAttribute(ModelInfo model, Attribute attribute) {
        switch (attribute.name()) {
            case "id" -> {
                AttributeArguments arguments = AttributeArguments.check(
                        attribute, "fields", List.of("fields", "name", "map", "clustered"), List.of(), diagnostics);
                keyArguments(attribute, arguments);
                constraintName(arguments, "map", attribute);
                arguments
                        .required("fields", diagnostics)
                        .flatMap(e -> fieldList(model, e, "the `@@id`", attribute))
                        .ifPresent(fields -> {
                            if (!model.compoundId.isEmpty()) {
                                diagnostics.error(attribute.span(), "Each model must have at most one `@@id`.");
                                return;
                            }
                            model.compoundId = fields;
                            model.primaryKeyColumns = Expressions.indexColumns(
                                    arguments.get("fields").orElseThrow(), fields);
                            model.primaryKeyName =
                                    arguments.string("map", diagnostics).orElse(null);
                            model.primaryKeySpan = attribute.span();
                            for (String fieldName : fields) {
                                model.field(fieldName)
                                        .filter(f -> f.optional)
                                        .ifPresent(f -> diagnostics.error(
                                                attribute.span(),
                                                "Fields that are marked as id must be required: `" + f.name
                                                        + "` in `@@id` is optional."));
                            }
                        });
            }
            case "unique" -> {
                AttributeArguments arguments = AttributeArguments.check(
                        attribute, "fields", List.of("fields", "name", "map", "clustered"), List.of(), diagnostics);
                keyArguments(attribute, arguments);
                constraintName(arguments, "map", attribute);
                arguments
                        .required("fields", diagnostics)
                        .flatMap(e -> fieldList(model, e, "the unique index", attribute))
                        .ifPresent(fields -> {
                            UniqueConstraint unique = new UniqueConstraint(
                                    fields,
                                    arguments.string("map", diagnostics).orElse(null),
                                    Expressions.indexColumns(
                                            arguments.get("fields").orElseThrow(), fields));
                            model.uniqueConstraints.add(unique);
                            model.constraintSpans.put(unique, attribute.span());
                        });
            }
            case "index" -> {
                // Prisma 2 named indexes with `name:`; Prisma 3+ with `map:`. Both name the index in the database.
                AttributeArguments arguments = AttributeArguments.check(
                        attribute,
                        "fields",
                        List.of("fields", "name", "map", "type", "clustered"),
                        List.of(),
                        diagnostics);
                keyArguments(attribute, arguments);
                constraintName(arguments, "map", attribute);
                String type = arguments.get("type").flatMap(this::indexType).orElse(null);
                String dbName = arguments
                        .string("map", diagnostics)
                        .or(() -> arguments.string("name", diagnostics))
                        .orElse(null);
                arguments
                        .required("fields", diagnostics)
                        .ifPresent(expression -> fieldList(model, expression, "the index", attribute)
                                .ifPresent(fields -> {
                                    List<Index.Column> columns = Expressions.indexColumns(expression, fields);
                                    indexTypeFits(model, type, columns, expression, attribute);
                                    Index index = new Index(columns, dbName, type);
                                    model.indexes.add(index);
                                    model.constraintSpans.put(index, attribute.span());
                                }));
            }
            case "fulltext" -> {
                AttributeArguments arguments =
                        AttributeArguments.check(attribute, "fields", List.of("fields", "map"), List.of(), diagnostics);
                constraintName(arguments, "map", attribute);
                String dbName = arguments.string("map", diagnostics).orElse(null);
                boolean supported = connector.isMysql() || connector == Connector.NONE;
                if (!supported) {
                    diagnostics.error(
                            attribute.span(),
                            "You defined a fulltext index, but the current connector does not support fulltext "
                                    + "indexes.");
                }
                arguments
                        .required("fields", diagnostics)
                        .ifPresent(expression -> fieldList(model, expression, "the fulltext index", null)
                                .filter(fields -> fulltextFieldsFit(expression, fields, attribute))
                                .filter(fields -> supported)
                                .ifPresent(fields -> model.fulltextIndexes.add(new Index(fields, dbName))));
            }
            case "map" -> {
                AttributeArguments arguments =
                        AttributeArguments.check(attribute, "name", List.of("name"), List.of(), diagnostics);
                arguments
                        .required("name", diagnostics)
                        .flatMap(e -> Expressions.string(e, "`@@map`", diagnostics))
                        .ifPresent(mapped -> model.mappedName = nonBlank(mapped, attribute));
            }
            case "ignore" -> {
                AttributeArguments.none(attribute, diagnostics);
                model.ignored = true;
            }
            case "schema" ->
                model.schema = SchemaResolver.schemaName(attribute, diagnostics).orElse(null);
            case "shardKey" -> diagnostics.error(attribute.span(), "`@@shardKey` is not supported by AuthSchema.");
            default -> {
                model.constraintErrors = true;
                diagnostics.error(
                        attribute.nameSpan(),
                        "Attribute not known: \"" + attribute.displayName() + "\".",
                        Suggestions.didYouMean(attribute.name(), BLOCK_ATTRIBUTES));
            }
        }
    }

    /** A fulltext index's fields take neither {@code sort} nor {@code length}, as in Prisma for MySQL. */
    private boolean fulltextFieldsFit(Expression expression, List<String> fields, Attribute attribute) {
        for (String field : fields) {
            if (Expressions.indexFieldArgument(expression, field, "sort").isPresent()) {
                diagnostics.error(
                        attribute.span(),
                        "The sort argument is not supported in a @@fulltext attribute in the current connector.");
                return false;
            }
            if (Expressions.indexFieldArgument(expression, field, "length").isPresent()) {
                diagnostics.error(attribute.span(), "The length argument is not supported in a @@fulltext attribute.");
                return false;
            }
        }
        return true;
    }

    /** The field names of an {@code @@id}/{@code @@unique}/{@code @@index}, each an existing scalar field. */
    private Optional<List<String>> fieldList(ModelInfo model, Expression expression, String what, Attribute key) {
        Optional<List<Expression.Constant>> names = Expressions.indexFieldList(expression, what, diagnostics);
        if (names.isEmpty()) {
            model.constraintErrors = true;
            return Optional.empty();
        }
        List<String> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean valid = true;
        for (Expression.Constant name : names.get()) {
            Optional<FieldInfo> field = model.field(name.name());
            if (field.isEmpty()) {
                diagnostics.error(
                        name.span(),
                        "The definition of " + what + " refers to the unknown field `" + name.name() + "` of model `"
                                + model.name + "`.",
                        Suggestions.didYouMean(name.name(), model.fields.keySet()));
                valid = false;
            } else if (field.get().kind == FieldKind.RELATION) {
                diagnostics.error(
                        name.span(),
                        "The definition of " + what + " refers to the relation field `" + name.name()
                                + "`: list its scalar fields instead.");
                valid = false;
            } else if (!seen.add(name.name())) {
                diagnostics.error(name.span(), "The field `" + name.name() + "` is listed twice in " + what + ".");
                valid = false;
            }
            if (valid && key != null) {
                String kind = key.name().equals("id") ? "@id" : key.name().equals("unique") ? "@unique" : "@@index";
                checkKeyType(
                        field.get(), kind, Expressions.hasIndexFieldArgument(expression, name.name(), "length"), key);
                valid = fieldArguments(field.get(), expression, key);
            }
            fields.add(name.name());
        }
        model.constraintErrors |= !valid;
        return valid ? Optional.of(fields) : Optional.empty();
    }

    /** A key field's own arguments ({@code title(sort: Desc)}, {@code body(length: 100)}), as Prisma checks them. */
    private boolean fieldArguments(FieldInfo field, Expression fields, Attribute key) {
        boolean valid = operatorClass(field, fields);
        for (String argument : List.of("sort", "length")) {
            Optional<Expression> value = Expressions.indexFieldArgument(fields, field.name, argument);
            if (value.isEmpty()) {
                continue;
            }
            Expression given = value.get();
            String problem = null;
            if (argument.equals("sort")) {
                if (!(given instanceof Expression.Constant c)
                        || !List.of("Asc", "Desc").contains(c.name())) {
                    problem = "The `sort` argument takes `Asc` or `Desc`, found " + Expressions.describe(given) + ".";
                } else if (key.name().equals("id")
                        && connector != Connector.SQLSERVER
                        && connector != Connector.NONE
                        && connector != Connector.DERBY) {
                    problem = "The sort argument is not supported in the primary key with the current connector";
                }
            } else if (!(given instanceof Expression.NumberLiteral n) || !fitsLong(n.text())) {
                problem = "The `length` argument takes a whole number, found " + Expressions.describe(given) + ".";
            } else if (!connector.isMysql() && connector != Connector.NONE) {
                problem = "The length argument is not supported in an index definition with the current connector";
            } else if (field.scalarType != ScalarType.STRING && field.scalarType != ScalarType.BYTES) {
                problem = "The length argument is only allowed with field types `String` or `Bytes`.";
            }
            if (problem != null) {
                diagnostics.error(given.span(), problem);
                valid = false;
            }
        }
        return valid;
    }

    /**
     * The PostgreSQL operator classes Prisma knows ({@code ops: JsonbPathOps}), or {@code raw("...")}: another name is
     * refused, as Prisma refuses it. Which class fits which access method and field type is not checked here; the
     * generate step refuses {@code ops:} in any case.
     */
    private static final Set<String> OPERATOR_CLASSES = Set.of(
            "ArrayOps",
            "JsonbOps",
            "JsonbPathOps",
            "InetOps",
            "TextOps",
            "BitMinMaxOps",
            "VarBitMinMaxOps",
            "BpcharBloomOps",
            "BpcharMinMaxOps",
            "ByteaBloomOps",
            "ByteaMinMaxOps",
            "DateBloomOps",
            "DateMinMaxOps",
            "DateMinMaxMultiOps",
            "Float4BloomOps",
            "Float4MinMaxOps",
            "Float4MinMaxMultiOps",
            "Float8BloomOps",
            "Float8MinMaxOps",
            "Float8MinMaxMultiOps",
            "InetInclusionOps",
            "InetBloomOps",
            "InetMinMaxOps",
            "InetMinMaxMultiOps",
            "Int2BloomOps",
            "Int2MinMaxOps",
            "Int2MinMaxMultiOps",
            "Int4BloomOps",
            "Int4MinMaxOps",
            "Int4MinMaxMultiOps",
            "Int8BloomOps",
            "Int8MinMaxOps",
            "Int8MinMaxMultiOps",
            "NumericBloomOps",
            "NumericMinMaxOps",
            "NumericMinMaxMultiOps",
            "OidBloomOps",
            "OidMinMaxOps",
            "OidMinMaxMultiOps",
            "TextBloomOps",
            "TextMinMaxOps",
            "TimestampBloomOps",
            "TimestampMinMaxOps",
            "TimestampMinMaxMultiOps",
            "TimestampTzBloomOps",
            "TimestampTzMinMaxOps",
            "TimestampTzMinMaxMultiOps",
            "TimeBloomOps",
            "TimeMinMaxOps",
            "TimeMinMaxMultiOps",
            "TimeTzBloomOps",
            "TimeTzMinMaxOps",
            "TimeTzMinMaxMultiOps",
            "UuidBloomOps",
            "UuidMinMaxOps",
            "UuidMinMaxMultiOps");

    private boolean operatorClass(FieldInfo field, Expression fields) {
        Optional<Expression> ops = Expressions.indexFieldArgument(fields, field.name, "ops");
        if (ops.isEmpty()
                || ops.get() instanceof Expression.Constant c && OPERATOR_CLASSES.contains(c.name())
                || ops.get() instanceof Expression.FunctionCall call
                        && call.name().name().equals("raw")) {
            return true;
        }
        diagnostics.error(
                ops.get().span(),
                "Invalid operator class: " + Expressions.describe(ops.get()) + ". Use one Prisma knows, such as"
                        + " JsonbPathOps or InetOps, or raw(\"...\") for another.",
                ops.get() instanceof Expression.Constant c ? Suggestions.didYouMean(c.name(), OPERATOR_CLASSES) : null);
        return false;
    }

    /** A whole number Prisma takes for {@code length:}: one that fits a 64-bit integer. */
    private static boolean fitsLong(String text) {
        if (!text.matches("-?\\d+")) {
            return false;
        }
        try {
            Long.parseLong(text);
            return true;
        } catch (NumberFormatException tooLarge) {
            return false;
        }
    }

    private void checkIds(ModelInfo model) {
        List<FieldInfo> idFields =
                model.fields.values().stream().filter(f -> f.id).toList();
        if (idFields.size() > 1) {
            for (FieldInfo field : idFields.subList(1, idFields.size())) {
                diagnostics.error(
                        field.declaration.attributes("id").get(0).span(),
                        "At most one field must be marked as the id field with the `@id` attribute; use `@@id([...])` for a compound id.");
            }
        }
        if (!idFields.isEmpty() && !model.compoundId.isEmpty()) {
            diagnostics.error(
                    model.declaration.name().span(),
                    "Each model must have at most one id criteria. You can't have `@id` and `@@id` "
                            + "at the same time on model `" + model.name + "`.");
        }
    }

    /** Where the database cannot have an autoincrementing column that is not the id (SQLite), or not indexed, or two (MySQL). */
    private void checkAutoincrement(ModelInfo model) {
        List<FieldInfo> auto = model.fields.values().stream()
                .filter(f -> f.defaultValue instanceof DefaultValue.AutoIncrement)
                .toList();
        for (FieldInfo field : auto) {
            Attribute attribute = field.declaration.attributes("default").get(0);
            boolean id = model.primaryKey().equals(List.of(field.name));
            if (connector.autoincrementOnlyOnId() && !id) {
                diagnostics.error(
                        attribute.span(),
                        "The `autoincrement()` default value is used on a non-id field even though the datasource "
                                + "does not support this.");
            } else if (connector.isMysql()
                    && !id
                    && !field.unique
                    && !model.primaryKey().contains(field.name)
                    && model.indexes.stream().noneMatch(i -> i.fields().get(0).equals(field.name))
                    && model.uniqueConstraints.stream()
                            .noneMatch(u -> u.fields().get(0).equals(field.name))) {
                diagnostics.error(
                        attribute.span(),
                        "The `autoincrement()` default value is used on a non-indexed field even though the "
                                + "datasource does not support this.");
            }
        }
        if (connector.isMysql() && auto.size() > 1) {
            diagnostics.error(
                    model.declaration.name().span(),
                    "The `autoincrement()` default value is used "
                            + "multiple times on this model even though the underlying datasource only supports one instance per table.");
        }
        if (connector == Connector.COCKROACHDB) {
            auto.stream()
                    .filter(f -> f.scalarType != ScalarType.BIGINT)
                    .forEach(
                            f -> diagnostics.error(
                                    f.declaration.attributes("default").get(0).span(),
                                    "The `autoincrement()` default function is defined only on BigInt "
                                            + "fields on CockroachDB. Use sequence() if you want an autoincrementing Int field."));
        }
    }

    private void checkBytesId(ModelInfo model) {
        if (connector != Connector.SQLSERVER) {
            return;
        }
        for (String name : model.primaryKey()) {
            model.field(name)
                    .filter(f -> f.scalarType == ScalarType.BYTES)
                    .ifPresent(f -> diagnostics.error(
                            f.declaration.name().span(),
                            "Invalid model: Using Bytes type is not allowed in the model's id."));
        }
    }

    private void checkUniqueCriterion(ModelInfo model) {
        if (model.ignored || model.constraintErrors || model.declaration.hasInvalidLines()) {
            return;
        }
        // As in Prisma, a criterion with an `Unsupported(...)` field does not count: no row is found by it.
        boolean hasId = !model.primaryKey().isEmpty()
                && model.primaryKey().stream()
                        .allMatch(name -> model.field(name)
                                .map(f -> f.unsupportedType == null)
                                .orElse(true));
        boolean hasRequiredUnique = model.uniqueConstraints.stream()
                .anyMatch(u -> u.fields().stream()
                        .allMatch(name -> model.field(name)
                                .map(f -> !f.optional && f.unsupportedType == null)
                                .orElse(false)));
        if (!hasId && !hasRequiredUnique) {
            diagnostics.error(
                    model.declaration.name().span(),
                    "Each model must have at least one unique criteria that has only required fields. "
                            + "Either mark a single field with `@id`, `@unique` or add a multi field criterion with `@@id([])` or `@@unique([])` to the model.");
        }
    }

    /** {@code @@index(type: Hash)}: PostgreSQL's index methods. */
    /** The index's access method: {@code null} for the default B-tree or after an error. */
    private Optional<String> indexType(Expression type) {
        List<String> types = List.of("BTree", "Hash", "Gist", "Gin", "SpGist", "Brin");
        if (!(type instanceof Expression.Constant c) || !types.contains(c.name())) {
            diagnostics.error(
                    type.span(),
                    "The index type must be one of " + String.join(", ", types) + ", found "
                            + Expressions.describe(type) + ".",
                    type instanceof Expression.Constant c ? Suggestions.didYouMean(c.name(), types) : null);
            return Optional.empty();
        }
        if (!c.name().equals("BTree") && !connector.isPostgres() && connector != Connector.NONE) {
            diagnostics.error(type.span(), "The given index type is not supported with the current connector");
            return Optional.empty();
        }
        return c.name().equals("BTree") ? Optional.empty() : Optional.of(c.name());
    }

    /**
     * Prisma's rules for PostgreSQL's access methods: which field types each indexes without an operator class
     * ({@code ops:}, whose fields are not checked here), no sort order with {@code Hash}, one column with {@code SpGist}.
     */
    private void indexTypeFits(
            ModelInfo model, String type, List<Index.Column> columns, Expression fields, Attribute attribute) {
        if (type == null) {
            return;
        }
        // Any sort order, Asc too, as Prisma checks it.
        if (type.equals("Hash")
                && columns.stream()
                        .anyMatch(column -> Expressions.indexFieldArgument(fields, column.field(), "sort")
                                .isPresent())) {
            diagnostics.error(attribute.span(), "Hash type does not support sort option.");
            return;
        }
        if (type.equals("SpGist") && columns.size() > 1) {
            diagnostics.error(attribute.span(), "SpGist does not support multi-column indices.");
            return;
        }
        for (Index.Column column : columns) {
            FieldInfo field = model.field(column.field()).orElseThrow();
            boolean fits = field.kind != FieldKind.SCALAR
                    || field.nativeType != null
                    || Expressions.hasIndexFieldArgument(fields, column.field(), "ops")
                    || switch (type) {
                        case "Gist", "SpGist" -> field.scalarType == ScalarType.STRING;
                        case "Gin" -> field.list || field.scalarType == ScalarType.JSON;
                        case "Brin" ->
                            field.list
                                    || (field.scalarType != ScalarType.JSON && field.scalarType != ScalarType.BOOLEAN);
                        default -> true;
                    };
            if (!fits) {
                diagnostics.error(
                        attribute.span(),
                        "The " + type + " index type does not support the type of the field `" + column.field() + "`.");
                return;
            }
        }
    }

    /** A constraint name ({@code map:}): not empty, and not longer than the database allows. */
    private void constraintName(AttributeArguments arguments, String argument, Attribute attribute) {
        arguments
                .get(argument)
                .filter(e -> e instanceof Expression.StringLiteral)
                .map(e -> (Expression.StringLiteral) e)
                .ifPresent(name -> {
                    if (name.value().isEmpty()) {
                        diagnostics.error(name.span(), "The `" + argument + "` argument cannot be an empty string.");
                    } else if (name.value().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                            > connector.maxIdentifierLength()) {
                        diagnostics.error(
                                name.span(),
                                "The constraint name '" + name.value() + "' specified in the `map` argument for the `"
                                        + attribute.displayName()
                                        + "` constraint is too long for your chosen provider. The maximum allowed length is "
                                        + connector.maxIdentifierLength() + " bytes.");
                    }
                });
    }

    private String nonBlank(String mapped, Attribute attribute) {
        if (mapped.isBlank()) {
            diagnostics.error(attribute.span(), "`" + attribute.displayName() + "` needs a non-empty name.");
            return null;
        }
        return mapped;
    }
}
