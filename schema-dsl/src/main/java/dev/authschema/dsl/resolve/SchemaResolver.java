package dev.authschema.dsl.resolve;

import dev.authschema.contract.Role;
import dev.authschema.dsl.ast.Attribute;
import dev.authschema.dsl.ast.Block;
import dev.authschema.dsl.ast.BlockKind;
import dev.authschema.dsl.ast.Expression;
import dev.authschema.dsl.ast.Member;
import dev.authschema.dsl.ast.SchemaFile;
import dev.authschema.dsl.ast.Span;
import dev.authschema.dsl.diag.Diagnostics;
import dev.authschema.dsl.diag.Suggestions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Validates a parsed schema and resolves it: names to declarations, roles to models, canonical
 * properties to fields. Every rule reports to the diagnostics and carries on, so one run finds every
 * error; a schema is returned only when there is none.
 */
public final class SchemaResolver {

    private final Diagnostics diagnostics;
    private final SchemaFile file;
    private final Span fileStart;

    private SchemaResolver(Diagnostics diagnostics, SchemaFile file) {
        this.diagnostics = diagnostics;
        this.file = file;
        this.fileStart = diagnostics
                .source()
                .span(0, Math.min(1, diagnostics.source().text().length()));
    }

    /** The resolved schema, or empty when the diagnostics hold an error. */
    public static Optional<ResolvedSchema> resolve(SchemaFile file, Diagnostics diagnostics) {
        return new SchemaResolver(diagnostics, file).resolve();
    }

    private Optional<ResolvedSchema> resolve() {
        Map<String, Block> modelBlocks = new LinkedHashMap<>();
        Map<String, Block> enumBlocks = new LinkedHashMap<>();
        topLevel(modelBlocks, enumBlocks);

        trailingCommas();
        listForms();
        ConfigResolver config = new ConfigResolver(diagnostics);
        List<Block> datasources = named(BlockKind.DATASOURCE);
        Optional<Datasource> datasource = config.datasource(datasources, named(BlockKind.GENERATOR));
        Connector connector = ConfigResolver.connector(datasources);
        GeneratorOptions options = config.generator(named(BlockKind.GENERATOR));
        String datasourceName =
                datasources.stream().findFirst().map(Block::nameOrEmpty).orElse(null);

        Map<String, ResolvedEnum> enums = new LinkedHashMap<>();
        enumBlocks.forEach((name, block) -> enums.put(name, enumeration(block, connector)));

        Map<String, ModelInfo> models = new LinkedHashMap<>();
        modelBlocks.forEach((name, block) -> models.put(name, new ModelInfo(block)));
        ModelResolver modelResolver = new ModelResolver(diagnostics, models.keySet(), enums, datasourceName, connector);
        models.values().forEach(modelResolver::resolve);
        new RelationResolver(diagnostics, models, connector, ConfigResolver.relationModePrisma(datasources)).resolve();
        checkSchemas(datasources, models.values());
        checkIgnoredRelations(models);
        Map<Role, ModelInfo> roles = new RoleBinder(diagnostics, models, enums.keySet())
                .bind(file.blocks(BlockKind.MODEL_MAPPING), fileStart);
        NameClashChecker names = new NameClashChecker(diagnostics, options, connector);
        names.check(List.copyOf(models.values()));

        if (diagnostics.hasErrors() || (datasource.isEmpty() && !datasources.isEmpty())) {
            return Optional.empty();
        }
        Map<String, ResolvedModel> resolved = new LinkedHashMap<>();
        for (ModelInfo model : models.values()) {
            List<ResolvedField> fields = model.fields.values().stream()
                    .map(f -> f.toResolved(names.columnName(f)))
                    .toList();
            resolved.put(
                    model.name,
                    new ResolvedModel(
                            model.name,
                            model.tableName,
                            model.role,
                            fields,
                            model.primaryKey(),
                            model.primaryKeyName,
                            primaryKeyColumns(model),
                            model.uniqueConstraints,
                            model.indexes,
                            model.fulltextIndexes,
                            model.ignored,
                            model.declaration.docs(),
                            model.declaration));
        }
        Map<Role, ResolvedModel> roleModels = new LinkedHashMap<>();
        roles.forEach((role, model) -> roleModels.put(role, resolved.get(model.name)));
        return Optional.of(new ResolvedSchema(
                file,
                options,
                datasource.orElse(null),
                List.copyOf(resolved.values()),
                List.copyOf(enums.values()),
                roleModels));
    }

    /** Prisma rejects {@code @@index([a], map: "x",)}; the formatter drops such a comma. */
    private void trailingCommas() {
        for (Block block : file.blocks()) {
            Stream.concat(
                            block.blockAttributes().stream(),
                            block.members().stream()
                                    .filter(m -> m instanceof Member.Field)
                                    .flatMap(m -> ((Member.Field) m).attributes().stream()))
                    .filter(a -> a.trailingComma() != null)
                    .forEach(a -> diagnostics.error(
                            a.trailingComma(),
                            "Trailing commas are not valid in attribute arguments, please " + "remove the comma."));
        }
    }

    /**
     * Prisma reads a list only on one line and without a trailing comma ({@code [a, b]}); the parser takes the other
     * forms too, for the formatter, which writes them that way.
     */
    private void listForms() {
        for (Block block : file.blocks()) {
            for (Attribute attribute : block.blockAttributes()) {
                attribute.arguments().forEach(argument -> listForms(argument.value()));
            }
            for (Member member : block.members()) {
                if (member instanceof Member.Field field) {
                    field.attributes().forEach(a -> a.arguments().forEach(argument -> listForms(argument.value())));
                } else if (member instanceof Member.Property property) {
                    listForms(property.value());
                }
            }
        }
    }

    private void listForms(Expression expression) {
        if (expression instanceof Expression.FunctionCall call) {
            call.arguments().forEach(argument -> listForms(argument.value()));
        } else if (expression instanceof Expression.ArrayLiteral list) {
            if (list.lineBreak() != null) {
                diagnostics.error(
                        list.lineBreak(),
                        "A list must be on one line: Prisma ends the definition at the line break. Write the items"
                                + " as [a, b] on the line (`authschema:format` does it).");
            } else if (list.trailingComma() != null) {
                diagnostics.error(
                        list.trailingComma(), "Trailing commas are not valid in lists, please remove the comma.");
            }
            list.items().forEach(this::listForms);
        }
    }

    /** The blocks of a kind that have a name; a nameless one was reported by {@link #topLevel}. */
    private List<Block> named(BlockKind kind) {
        return file.blocks(kind).stream().filter(b -> b.name() != null).toList();
    }

    /** Block kinds, names and duplicates across the file; models and enums share one namespace. */
    private void topLevel(Map<String, Block> models, Map<String, Block> enums) {
        Map<String, Block> types = new LinkedHashMap<>();
        for (Block block : file.blocks()) {
            if (block.kind().isEmpty()) {
                diagnostics.error(
                        block.keyword().span(),
                        "Unknown block type `" + block.keyword().name() + "`. A schema consists of `model`, "
                                + "`enum`, `datasource`, `generator` and `modelMapping` blocks.",
                        Suggestions.didYouMean(block.keyword().name(), BlockKind.keywords()));
                continue;
            }
            BlockKind kind = block.kind().get();
            switch (kind) {
                case VIEW ->
                    diagnostics.error(
                            block.keyword().span(),
                            "Views are not supported by AuthSchema: declare a `model` instead.");
                case TYPE ->
                    diagnostics.error(
                            block.keyword().span(),
                            "Composite types (`type`) are MongoDB-only and not supported by AuthSchema: "
                                    + "declare a model and a relation instead.");
                default -> {}
            }
            if (!kind.isNamed()) {
                continue;
            }
            if (block.name() == null) {
                diagnostics.error(
                        block.keyword().span(),
                        "A " + kind.keyword() + " needs a name: `" + kind.keyword() + " Name {`.");
                continue;
            }
            if (kind != BlockKind.MODEL && kind != BlockKind.ENUM) {
                continue;
            }
            String name = block.name().name();
            if (kind == BlockKind.MODEL && name.equals("PrismaClient")) {
                diagnostics.error(
                        block.name().span(),
                        "The model name `PrismaClient` is invalid. It is a reserved name. Please change it. "
                                + "Read more at https://pris.ly/d/naming-models");
                continue;
            }
            if (ScalarType.isReservedName(name)) {
                diagnostics.error(
                        block.name().span(),
                        "The " + kind.keyword() + " name `" + name + "` is reserved: it is a built-in type.");
                continue;
            }
            Block existing = types.putIfAbsent(name, block);
            if (existing != null) {
                diagnostics.error(
                        block.name().span(),
                        "The " + kind.keyword() + " `" + name + "` cannot be defined because a "
                                + existing.keyword().name() + " with that name already exists.");
                continue;
            }
            (kind == BlockKind.MODEL ? models : enums).put(name, block);
        }
    }

    private ResolvedEnum enumeration(Block block, Connector connector) {
        if (!connector.supportsEnums()) {
            diagnostics.error(
                    block.name().span(),
                    "You defined the enum `" + block.nameOrEmpty() + "`. But the current connector does not "
                            + "support enums.");
        }
        List<ResolvedEnum.Value> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Member member : block.members()) {
            if (member instanceof Member.Field value) {
                if (value.type() != null) {
                    diagnostics.error(
                            value.type().span(),
                            "An enum value has no type: write `" + value.name().name() + "` alone on its line.");
                    continue;
                }
                if (value.name().name().contains("-")) {
                    diagnostics.error(value.name().span(), "The character `-` is not allowed in Enum Value names.");
                    continue;
                }
                if (!seen.add(value.name().name())) {
                    diagnostics.error(
                            value.name().span(),
                            "Value `" + value.name().name() + "` is already defined on enum `" + block.nameOrEmpty()
                                    + "`.");
                    continue;
                }
                String dbName = value.name().name();
                for (Attribute attribute : value.attributes()) {
                    if (attribute.name().equals("map")) {
                        dbName = mappedName(attribute).orElse(dbName);
                    } else {
                        diagnostics.error(
                                attribute.nameSpan(),
                                "An enum value takes only `@map`, found `" + attribute.displayName() + "`.");
                    }
                }
                values.add(new ResolvedEnum.Value(value.name().name(), dbName, value.docs()));
            } else if (member instanceof Member.Property property) {
                diagnostics.error(property.span(), "This line is not a valid enum value.");
            }
        }
        String dbName = block.nameOrEmpty();
        for (Attribute attribute : block.blockAttributes()) {
            switch (attribute.name()) {
                case "map" -> dbName = mappedName(attribute).orElse(dbName);
                case "schema" -> schemaName(attribute);
                default ->
                    diagnostics.error(
                            attribute.nameSpan(),
                            "An enum takes only `@@map`, found `" + attribute.displayName() + "`.");
            }
        }
        if (values.isEmpty()) {
            diagnostics.error(block.name().span(), "An enum must have at least one value.");
        }
        return new ResolvedEnum(block.nameOrEmpty(), dbName, values, block.docs());
    }

    /** {@code @@schema("name")} (multiSchema): accepted as Prisma does; the generator refuses it until it places tables in schemas. */
    static Optional<String> schemaName(Attribute attribute, Diagnostics diagnostics) {
        AttributeArguments arguments =
                AttributeArguments.check(attribute, "name", List.of("name"), List.of(), diagnostics);
        return arguments.required("name", diagnostics).flatMap(e -> Expressions.string(e, "`@@schema`", diagnostics));
    }

    private void schemaName(Attribute attribute) {
        schemaName(attribute, diagnostics);
    }

    private Optional<String> mappedName(Attribute attribute) {
        AttributeArguments arguments =
                AttributeArguments.check(attribute, "name", List.of("name"), List.of(), diagnostics);
        return arguments
                .required("name", diagnostics)
                .flatMap(e -> Expressions.string(e, "`" + attribute.displayName() + "`", diagnostics));
    }

    /** multiSchema: with {@code schemas = [...]} every model names one of them in {@code @@schema}; without, none may. */
    private void checkSchemas(List<Block> datasources, java.util.Collection<ModelInfo> models) {
        Optional<Member.Property> schemas = datasources.stream().findFirst().flatMap(b -> b.property("schemas"));
        List<String> names = schemas.map(p -> p.value() instanceof dev.authschema.dsl.ast.Expression.ArrayLiteral array
                        ? array.items().stream()
                                .filter(i -> i instanceof dev.authschema.dsl.ast.Expression.StringLiteral)
                                .map(i -> ((dev.authschema.dsl.ast.Expression.StringLiteral) i).value())
                                .toList()
                        : List.<String>of())
                .orElse(List.of());
        for (ModelInfo model : models) {
            Optional<Attribute> attribute = model.declaration.blockAttributes().stream()
                    .filter(a -> a.name().equals("schema"))
                    .findFirst();
            if (schemas.isPresent() && attribute.isEmpty()) {
                diagnostics.error(model.declaration.name().span(), "This model is missing an `@@schema` attribute.");
            } else if (schemas.isEmpty() && attribute.isPresent()) {
                diagnostics.error(
                        attribute.get().span(),
                        "This schema is not defined in the datasource. Add `schemas = [\""
                                + (model.schema == null ? "name" : model.schema)
                                + "\"]` to the datasource to use `@@schema`.");
            } else if (attribute.isPresent() && model.schema != null && !names.contains(model.schema)) {
                diagnostics.error(
                        attribute.get().span(),
                        "This schema is not defined in the datasource. Read more on `@@schema` at "
                                + "https://pris.ly/d/multi-schema",
                        Suggestions.didYouMean(model.schema, names));
            }
        }
    }

    /** Prisma's rule: a relation to an ignored model must itself be ignored, or the client would expose a missing model. */
    private void checkIgnoredRelations(Map<String, ModelInfo> models) {
        for (ModelInfo model : models.values()) {
            if (model.ignored) {
                continue;
            }
            for (FieldInfo field : model.fields.values()) {
                ModelInfo target =
                        field.kind == FieldKind.RELATION && field.typeKnown ? models.get(field.typeName) : null;
                if (target != null && target.ignored && !field.ignored) {
                    diagnostics.error(
                            field.declaration.name().span(),
                            "The relation field `" + field.name + "` refers to the ignored model `" + target.name
                                    + "`: mark it with `@ignore` as well.");
                }
            }
        }
    }

    /** The primary key's columns, in its order; a field without its own options is ascending and whole. */
    private static List<Index.Column> primaryKeyColumns(ModelInfo model) {
        return model.primaryKey().stream()
                .map(field -> model.primaryKeyColumns.stream()
                        .filter(column -> column.field().equals(field))
                        .findFirst()
                        .orElse(Index.Column.of(field)))
                .toList();
    }
}
