package dev.authschema.dsl.resolve;

import dev.authschema.dsl.ast.Argument;
import dev.authschema.dsl.ast.Block;
import dev.authschema.dsl.ast.Expression;
import dev.authschema.dsl.ast.Member;
import dev.authschema.dsl.diag.Diagnostics;
import dev.authschema.dsl.diag.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;

/** Reads the {@code datasource} and {@code generator} blocks: only {@code key = value} lines, each key known. */
final class ConfigResolver {

    private static final List<String> DATASOURCE_PROPERTIES = List.of(
            "provider",
            "url",
            "directUrl",
            "shadowDatabaseUrl",
            "relationMode",
            "referentialIntegrity",
            "schemas",
            "extensions");
    /** Prisma 6.19's preview features ({@code prisma-schema-wasm}'s {@code preview_features()} and {@code typedSql}). */
    private static final List<String> PREVIEW_FEATURES = List.of(
            "fullTextSearchPostgres",
            "metrics",
            "nativeDistinct",
            "postgresqlExtensions",
            "relationJoins",
            "schemaEngineDriverAdapters",
            "shardKeys",
            "strictUndefinedChecks",
            "views",
            "typedSql");
    /** Former preview features, now generally available: Prisma warns that they can go. */
    private static final Set<String> FORMER_PREVIEW_FEATURES = Set.of(
            "aggregateApi",
            "atomicNumberOperations",
            "clientExtensions",
            "connectOrCreate",
            "createMany",
            "dataProxy",
            "deno",
            "distinct",
            "extendedIndexes",
            "extendedWhereUnique",
            "fieldReference",
            "filteredRelationCount",
            "filterJson",
            "fullTextIndex",
            "fullTextSearch",
            "groupBy",
            "improvedQueryRaw",
            "interactiveTransactions",
            "jsonProtocol",
            "microsoftSqlServer",
            "middlewares",
            "mongoDb",
            "multiSchema",
            "namedConstraints",
            "napi",
            "nApi",
            "nativeTypes",
            "orderByAggregateGroup",
            "orderByRelation",
            "omitApi",
            "prismaSchemaFolder",
            "referentialActions",
            "referentialIntegrity",
            "selectRelationCount",
            "tracing",
            "transactionApi",
            "uncheckedScalarInputs",
            "cockroachdb",
            "driverAdapters",
            "orderByNulls",
            "queryCompiler");

    private static final List<String> GENERATOR_PROPERTIES = List.of(
            "provider",
            "package",
            "tablePrefix",
            "naming",
            "persistenceUnit",
            "dataSource",
            "output",
            "previewFeatures",
            "binaryTargets",
            "engineType");
    private static final Pattern TABLE_PREFIX = Pattern.compile("[A-Za-z0-9_]*");
    private static final Pattern PERSISTENCE_UNIT = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
    /** A JNDI name as servers bind data sources: no whitespace, nothing that would need escaping in XML. */
    private static final Pattern DATA_SOURCE = Pattern.compile("[A-Za-z][A-Za-z0-9_.:/-]*");

    private final Diagnostics diagnostics;

    ConfigResolver(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** The datasource; empty when there is none (Prisma allows that: no database rule applies) or it is invalid. */
    Optional<Datasource> datasource(List<Block> blocks, List<Block> generators) {
        if (blocks.isEmpty()) {
            return Optional.empty();
        }
        for (Block extra : blocks.subList(1, blocks.size())) {
            diagnostics.error(extra.keyword().span(), "You defined more than one datasource. This is not allowed.");
        }
        Block block = blocks.get(0);
        onlyProperties(block);
        checkKeys(block, DATASOURCE_PROPERTIES, List.of());
        Connector connector =
                block.property("provider").flatMap(p -> provider(p.value())).orElse(null);
        if (block.property("provider").isEmpty() && !block.hasInvalidLines()) {
            diagnostics.error(
                    block.name().span(),
                    "The datasource `" + block.nameOrEmpty()
                            + "` needs a `provider`, e.g. `provider = \"postgresql\"`.");
        }
        ConfigValue url = block.property("url")
                .flatMap(p -> Expressions.configValue(p.value(), "`url`", diagnostics))
                .orElse(null);
        if (block.property("url").isEmpty() && !block.hasInvalidLines()) {
            diagnostics.error(
                    block.name().span(),
                    "The datasource `" + block.nameOrEmpty() + "` needs a `url`, e.g. `url = env(\"DATABASE_URL\")`.");
        }
        ConfigValue directUrl = block.property("directUrl")
                .flatMap(p -> Expressions.configValue(p.value(), "`directUrl`", diagnostics))
                .orElse(null);
        block.property("shadowDatabaseUrl")
                .ifPresent(p -> Expressions.configValue(p.value(), "`shadowDatabaseUrl`", diagnostics)
                        .ifPresent(shadow -> {
                            String same = shadow.equals(url) ? "url" : shadow.equals(directUrl) ? "directUrl" : null;
                            if (same != null) {
                                // At the setting it repeats, as Prisma does.
                                diagnostics.error(
                                        block.property(same)
                                                .orElseThrow()
                                                .value()
                                                .span(),
                                        "shadowDatabaseUrl is the same as " + same + " for datasource \""
                                                + block.nameOrEmpty()
                                                + "\". Please specify a different database as shadow database to avoid data loss.");
                            }
                        }));
        String relationMode = "foreignKeys";
        for (String key : List.of("relationMode", "referentialIntegrity")) {
            Optional<Member.Property> property = block.property(key);
            if (property.isEmpty()) {
                continue;
            }
            Optional<String> mode = Expressions.string(property.get().value(), "`" + key + "`", diagnostics);
            if (key.equals("referentialIntegrity")) {
                diagnostics.warning(
                        property.get().key().span(),
                        "The `referentialIntegrity` attribute is deprecated. Please use "
                                + "`relationMode` instead. Learn more at https://pris.ly/d/relation-mode");
            }
            if (mode.isPresent() && !List.of("foreignKeys", "prisma").contains(mode.get())) {
                diagnostics.error(
                        block.name().span(),
                        "Invalid relation mode setting: \"" + mode.get() + "\" for `" + key
                                + "` of the datasource. Supported values: \"prisma\", \"foreignKeys\".",
                        Suggestions.didYouMean(mode.get(), List.of("foreignKeys", "prisma")));
            } else if (mode.isPresent()) {
                relationMode = mode.get();
            }
        }
        if (block.property("relationMode").isPresent()
                && block.property("referentialIntegrity").isPresent()) {
            diagnostics.error(
                    block.property("referentialIntegrity").get().key().span(),
                    "The `referentialIntegrity` and `relationMode` "
                            + "attributes cannot be used together. Please use only `relationMode` instead.");
        }
        List<PostgresExtension> extensions = block.property("extensions")
                .map(p -> extensions(p, connector, previewFeature(generators, "postgresqlExtensions")))
                .orElse(List.of());
        if (connector == null || url == null) {
            return Optional.empty();
        }
        return Optional.of(new Datasource(
                block.name().name(),
                connector.provider(),
                url,
                connector.prismaName(),
                relationMode.equals("prisma"),
                block.property("schemas").map(Member.Property::span).orElse(null),
                block.property("extensions").map(Member.Property::span).orElse(null),
                extensions));
    }

    /** Whether a generator lists the preview feature. */
    private static boolean previewFeature(List<Block> generators, String feature) {
        return generators.stream()
                .flatMap(g -> g.property("previewFeatures").stream())
                .flatMap(p -> p.value() instanceof Expression.ArrayLiteral array
                        ? array.items().stream()
                        : Stream.of(p.value()))
                .anyMatch(item ->
                        item instanceof Expression.StringLiteral s && s.value().equals(feature));
    }

    /**
     * {@code extensions = [pgcrypto, uuid_ossp(map: "uuid-ossp", schema: "extensions", version: "1.1")]}, as Prisma
     * takes it: PostgreSQL only, with the {@code postgresqlExtensions} preview feature; each item a name or a call
     * with string arguments {@code map}, {@code schema} and {@code version}.
     */
    private List<PostgresExtension> extensions(Member.Property property, Connector connector, boolean preview) {
        if (connector != null && connector != Connector.POSTGRESQL) {
            diagnostics.error(property.key().span(), "Property not known: \"extensions\".");
            return List.of();
        }
        if (!preview) {
            diagnostics.error(
                    property.span(),
                    "The `extensions` property is only available with the `postgresqlExtensions` preview feature.");
            return List.of();
        }
        List<Expression> items =
                property.value() instanceof Expression.ArrayLiteral array ? array.items() : List.of(property.value());
        List<PostgresExtension> extensions = new ArrayList<>();
        for (Expression item : items) {
            if (item instanceof Expression.Constant name) {
                extensions.add(new PostgresExtension(name.name(), name.name(), null, null));
            } else if (item instanceof Expression.FunctionCall call) {
                Map<String, String> arguments = new HashMap<>();
                boolean valid = true;
                for (Argument argument : call.arguments()) {
                    String key = argument.isNamed() ? argument.name().name() : null;
                    if (key == null || !List.of("map", "schema", "version").contains(key)) {
                        diagnostics.error(
                                argument.span(),
                                key == null
                                        ? "An extension's arguments are named: `map`, `schema` or `version`."
                                        : "Argument not known: \"" + key + "\".");
                        valid = false;
                    } else if (!(argument.value() instanceof Expression.StringLiteral value)) {
                        diagnostics.error(
                                argument.value().span(), "The `" + key + "` argument must be a string literal");
                        valid = false;
                    } else {
                        arguments.putIfAbsent(key, value.value());
                    }
                }
                if (valid) {
                    String name = call.name().name();
                    extensions.add(new PostgresExtension(
                            name,
                            arguments.getOrDefault("map", name),
                            arguments.get("schema"),
                            arguments.get("version")));
                }
            } else {
                diagnostics.error(
                        item.span(),
                        "Expected a constant or function value, but received " + Expressions.describe(item) + ".");
            }
        }
        return extensions;
    }

    /** Whether the datasource says {@code relationMode = "prisma"} (or the former {@code referentialIntegrity}). */
    static boolean relationModePrisma(List<Block> blocks) {
        return blocks.stream().findFirst().stream()
                .flatMap(b -> Stream.of(b.property("relationMode"), b.property("referentialIntegrity"))
                        .flatMap(Optional::stream))
                .anyMatch(p -> p.value() instanceof Expression.StringLiteral mode
                        && mode.value().equals("prisma"));
    }

    /** The connector of the datasource, for the rules that differ by database; NONE without a valid one. */
    static Connector connector(List<Block> blocks) {
        return blocks.stream()
                .findFirst()
                .flatMap(b -> b.property("provider"))
                .filter(p -> p.value() instanceof Expression.StringLiteral)
                .flatMap(p -> Connector.of(((Expression.StringLiteral) p.value()).value()))
                .orElse(Connector.NONE);
    }

    private Optional<Connector> provider(Expression value) {
        return Expressions.string(value, "the datasource `provider`", diagnostics)
                .flatMap(name -> {
                    Optional<Connector> provider = Connector.of(name);
                    if (provider.isEmpty()) {
                        String why = switch (name.toLowerCase(Locale.ROOT)) {
                            case "mongodb" ->
                                "MongoDB is not supported by AuthSchema: it generates JPA entities for SQL databases.";
                            default -> "Datasource provider not known: \"" + name + "\".";
                        };
                        diagnostics.error(
                                value.span(),
                                why + " Supported: " + String.join(", ", Provider.schemaNames())
                                        + " (sqlite means embedded Derby).",
                                Suggestions.didYouMean(name, Provider.schemaNames()));
                    }
                    return provider;
                });
    }

    /** The options of the {@code authschema-jpa} generator; other generators belong to other tools and are left alone. */
    GeneratorOptions generator(List<Block> blocks) {
        GeneratorOptions options = GeneratorOptions.defaults();
        boolean found = false;
        Set<String> names = new HashSet<>();
        for (Block block : blocks) {
            onlyProperties(block);
            if (!names.add(block.nameOrEmpty())) {
                diagnostics.error(
                        block.name().span(),
                        "The generator \"" + block.nameOrEmpty() + "\" cannot be defined because a generator "
                                + "with that name already exists.");
            }
            duplicateKeys(block);
            block.property("previewFeatures").ifPresent(this::previewFeatures);
            Optional<Member.Property> provider = block.property("provider");
            if (provider.isEmpty()) {
                if (block.hasInvalidLines()) {
                    continue;
                }
                diagnostics.error(
                        block.name().span(),
                        "The generator `" + block.nameOrEmpty() + "` needs a `provider`, e.g. `provider = \""
                                + GeneratorOptions.PROVIDER + "\"`.");
                continue;
            }
            Optional<ConfigValue> providerValue =
                    Expressions.configValue(provider.get().value(), "the generator `provider`", diagnostics);
            if (providerValue.isEmpty()
                    || !GeneratorOptions.PROVIDER.equals(providerValue.get().literal())) {
                continue;
            }
            if (found) {
                diagnostics.error(
                        block.keyword().span(),
                        "Only one generator may use the provider \"" + GeneratorOptions.PROVIDER + "\".");
                continue;
            }
            found = true;
            unknownKeys(block, GENERATOR_PROPERTIES);
            options = new GeneratorOptions(
                    block.property("package").flatMap(this::packageName).orElse(null),
                    block.property("tablePrefix").flatMap(this::tablePrefix).orElse(""),
                    block.property("naming").flatMap(this::naming).orElse(Naming.PRESERVE),
                    block.property("persistenceUnit")
                            .flatMap(this::persistenceUnit)
                            .orElse(GeneratorOptions.DEFAULT_PERSISTENCE_UNIT),
                    block.property("dataSource")
                            .flatMap(this::dataSource)
                            .orElse(GeneratorOptions.DEFAULT_DATA_SOURCE));
        }
        return options;
    }

    private Optional<String> packageName(Member.Property property) {
        return Expressions.string(property.value(), "`package`", diagnostics).filter(name -> {
            for (String part : name.split("\\.", -1)) {
                if (!SourceVersion.isName(part)) {
                    diagnostics.error(
                            property.value().span(),
                            "`package = \"" + name + "\"` is not a valid Java package name: `" + part + "` is "
                                    + (SourceVersion.isKeyword(part) ? "a Java keyword." : "not a Java identifier."));
                    return false;
                }
            }
            return true;
        });
    }

    private Optional<String> tablePrefix(Member.Property property) {
        return Expressions.string(property.value(), "`tablePrefix`", diagnostics)
                .filter(prefix -> {
                    if (!TABLE_PREFIX.matcher(prefix).matches()) {
                        diagnostics.error(
                                property.value().span(),
                                "`tablePrefix = \"" + prefix + "\"` may hold only letters, digits and `_`, "
                                        + "so that every database accepts the table names.");
                        return false;
                    }
                    return true;
                });
    }

    private Optional<String> persistenceUnit(Member.Property property) {
        return Expressions.string(property.value(), "`persistenceUnit`", diagnostics)
                .filter(name -> {
                    if (!PERSISTENCE_UNIT.matcher(name).matches()) {
                        diagnostics.error(
                                property.value().span(),
                                "`persistenceUnit = \"" + name + "\"` may hold only letters,"
                                        + " digits, `_`, `-` and `.`, starting with a letter (it names the unit in persistence.xml).");
                        return false;
                    }
                    return true;
                });
    }

    private Optional<String> dataSource(Member.Property property) {
        return Expressions.string(property.value(), "`dataSource`", diagnostics).filter(name -> {
            if (!DATA_SOURCE.matcher(name).matches()) {
                diagnostics.error(
                        property.value().span(),
                        "`dataSource = \"" + name + "\"` is not a JNDI name: write"
                                + " one such as \"jdbc/authschema\" or \"java:app/jdbc/authschema\" (no spaces or XML"
                                + " characters).");
                return false;
            }
            return true;
        });
    }

    private Optional<Naming> naming(Member.Property property) {
        List<String> names = List.of(Naming.PRESERVE.schemaName(), Naming.SNAKE_CASE.schemaName());
        return Expressions.string(property.value(), "`naming`", diagnostics).flatMap(value -> {
            for (Naming naming : Naming.values()) {
                if (naming.schemaName().equals(value)) {
                    return Optional.of(naming);
                }
            }
            diagnostics.error(
                    property.value().span(),
                    "`naming = \"" + value + "\"` is not known: use \"preserve\" or \"snake_case\".",
                    Suggestions.didYouMean(value, names));
            return Optional.empty();
        });
    }

    private void onlyProperties(Block block) {
        for (Member member : block.members()) {
            if (member instanceof Member.Field || member instanceof Member.BlockAttribute) {
                diagnostics.error(
                        member.span(),
                        "This line is not a valid definition within a "
                                + block.keyword().name() + ": expected `key = value`.");
            }
        }
    }

    private void checkKeys(Block block, List<String> known, List<String> unsupported) {
        Set<String> seen = new HashSet<>();
        for (Member.Property property : block.properties()) {
            String key = property.key().name();
            if (!seen.add(key)) {
                diagnostics.error(
                        property.key().span(),
                        "The property `" + key + "` is already defined in this "
                                + block.keyword().name() + ".");
            } else if (unsupported.contains(key)) {
                diagnostics.error(
                        property.key().span(),
                        "The " + block.keyword().name() + " property `" + key + "` is not supported by AuthSchema.");
            } else if (!known.contains(key)) {
                diagnostics.error(
                        property.key().span(),
                        "Property not known: `" + key + "`.",
                        Suggestions.didYouMean(key, known));
            }
        }
    }

    /** Any generator: a key given twice (Prisma's rule; the keys themselves belong to the generator's tool). */
    private void duplicateKeys(Block block) {
        Set<String> seen = new HashSet<>();
        for (Member.Property property : block.properties()) {
            if (!seen.add(property.key().name())) {
                diagnostics.error(
                        property.key().span(),
                        "Key \"" + property.key().name() + "\" is already defined in generator \"" + block.nameOrEmpty()
                                + "\".");
            }
        }
    }

    /** The authschema-jpa generator: every key must be one of its options (duplicates are reported by {@link #duplicateKeys}). */
    private void unknownKeys(Block block, List<String> known) {
        for (Member.Property property : block.properties()) {
            String key = property.key().name();
            if (!known.contains(key)) {
                diagnostics.error(
                        property.key().span(),
                        "Property not known: `" + key + "`.",
                        Suggestions.didYouMean(key, known));
            }
        }
    }

    private void previewFeatures(Member.Property property) {
        List<Expression> items =
                property.value() instanceof Expression.ArrayLiteral array ? array.items() : List.of(property.value());
        for (Expression item : items) {
            if (!(item instanceof Expression.StringLiteral feature)) {
                diagnostics.error(
                        item.span(),
                        "Expected a string for a preview feature, found " + Expressions.describe(item) + ".");
                continue;
            }
            if (FORMER_PREVIEW_FEATURES.contains(feature.value())) {
                diagnostics.warning(
                        item.span(),
                        "Preview feature \"" + feature.value() + "\" is deprecated. The functionality can be used "
                                + "without specifying it as a preview feature.");
            } else if (!PREVIEW_FEATURES.contains(feature.value())) {
                diagnostics.error(
                        item.span(),
                        "The preview feature \"" + feature.value() + "\" is not known. Expected one of: "
                                + String.join(", ", PREVIEW_FEATURES) + ".",
                        Suggestions.didYouMean(feature.value(), PREVIEW_FEATURES));
            }
        }
    }
}
