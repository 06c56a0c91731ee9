package dev.authschema.dsl.resolve;

import dev.authschema.dsl.ast.Block;
import dev.authschema.dsl.ast.Expression;
import dev.authschema.dsl.ast.Member;
import dev.authschema.dsl.ast.Span;
import dev.authschema.dsl.diag.Diagnostics;
import dev.authschema.dsl.diag.Suggestions;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the {@code datasource} and {@code generator} blocks: only {@code key = value} lines, each key known. */
final class ConfigResolver {

    private static final List<String> DATASOURCE_PROPERTIES = List.of("provider", "url", "directUrl", "shadowDatabaseUrl", "relationMode");
    private static final List<String> UNSUPPORTED_DATASOURCE_PROPERTIES = List.of("schemas", "extensions");
    private static final List<String> GENERATOR_PROPERTIES = List.of("provider", "package", "tablePrefix", "naming", "output",
            "previewFeatures", "binaryTargets", "engineType");
    private static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch", "char",
            "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto",
            "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private", "protected",
            "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient",
            "try", "void", "volatile", "while", "true", "false", "null", "_");
    private static final Pattern JAVA_IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Pattern TABLE_PREFIX = Pattern.compile("[A-Za-z0-9_]*");

    private final Diagnostics diagnostics;

    ConfigResolver(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    Optional<Datasource> datasource(List<Block> blocks, Span fileStart) {
        if (blocks.isEmpty()) {
            diagnostics.error(fileStart, "A datasource block is required: `datasource db { provider = \"derby\"  url = env(\"DATABASE_URL\") }`.");
            return Optional.empty();
        }
        for (Block extra : blocks.subList(1, blocks.size())) {
            diagnostics.error(extra.keyword().span(), "You defined more than one datasource. This is not allowed.");
        }
        Block block = blocks.get(0);
        onlyProperties(block);
        checkKeys(block, DATASOURCE_PROPERTIES, UNSUPPORTED_DATASOURCE_PROPERTIES);
        Provider provider = block.property("provider").flatMap(p -> provider(p.value())).orElse(null);
        if (block.property("provider").isEmpty() && !block.hasInvalidLines()) {
            diagnostics.error(block.name().span(), "The datasource `" + block.nameOrEmpty() + "` needs a `provider`, e.g. `provider = \"postgresql\"`.");
        }
        ConfigValue url = block.property("url").flatMap(p -> Expressions.configValue(p.value(), "`url`", diagnostics)).orElse(null);
        if (block.property("url").isEmpty() && !block.hasInvalidLines()) {
            diagnostics.error(block.name().span(), "The datasource `" + block.nameOrEmpty() + "` needs a `url`, e.g. `url = env(\"DATABASE_URL\")`.");
        }
        for (String key : List.of("directUrl", "shadowDatabaseUrl")) {
            block.property(key).ifPresent(p -> Expressions.configValue(p.value(), "`" + key + "`", diagnostics));
        }
        block.property("relationMode").ifPresent(p -> Expressions.string(p.value(), "`relationMode`", diagnostics).ifPresent(mode -> {
            if (!mode.equals("foreignKeys")) {
                diagnostics.error(p.value().span(), "`relationMode = \"" + mode + "\"` is not supported by AuthSchema: the generated DDL "
                        + "always declares foreign keys (\"foreignKeys\").");
            }
        }));
        if (provider == null || url == null) {
            return Optional.empty();
        }
        return Optional.of(new Datasource(block.name().name(), provider, url));
    }

    private Optional<Provider> provider(Expression value) {
        return Expressions.string(value, "the datasource `provider`", diagnostics).flatMap(name -> {
            Optional<Provider> provider = Provider.of(name);
            if (provider.isEmpty()) {
                String why = switch (name.toLowerCase(Locale.ROOT)) {
                    case "mongodb" -> "MongoDB is not supported by AuthSchema: it generates JPA entities for SQL databases.";
                    case "cockroachdb" -> "CockroachDB is not supported by AuthSchema.";
                    default -> "Datasource provider not known: \"" + name + "\".";
                };
                diagnostics.error(value.span(), why + " Supported: " + String.join(", ", Provider.schemaNames()) + " (sqlite means embedded Derby).",
                        Suggestions.didYouMean(name, Provider.schemaNames()));
            }
            return provider;
        });
    }

    /** The options of the {@code authschema-jpa} generator; other generators belong to other tools and are left alone. */
    GeneratorOptions generator(List<Block> blocks) {
        GeneratorOptions options = GeneratorOptions.defaults();
        boolean found = false;
        for (Block block : blocks) {
            onlyProperties(block);
            Optional<Member.Property> provider = block.property("provider");
            if (provider.isEmpty()) {
                if (block.hasInvalidLines()) {
                    continue;
                }
                diagnostics.error(block.name().span(), "The generator `" + block.nameOrEmpty() + "` needs a `provider`, e.g. `provider = \""
                        + GeneratorOptions.PROVIDER + "\"`.");
                continue;
            }
            Optional<ConfigValue> providerValue = Expressions.configValue(provider.get().value(), "the generator `provider`", diagnostics);
            if (providerValue.isEmpty() || !GeneratorOptions.PROVIDER.equals(providerValue.get().literal())) {
                continue;
            }
            if (found) {
                diagnostics.error(block.keyword().span(), "Only one generator may use the provider \"" + GeneratorOptions.PROVIDER + "\".");
                continue;
            }
            found = true;
            checkKeys(block, GENERATOR_PROPERTIES, List.of());
            options = new GeneratorOptions(
                    block.property("package").flatMap(this::packageName).orElse(null),
                    block.property("tablePrefix").flatMap(this::tablePrefix).orElse(""),
                    block.property("naming").flatMap(this::naming).orElse(Naming.PRESERVE));
        }
        return options;
    }

    private Optional<String> packageName(Member.Property property) {
        return Expressions.string(property.value(), "`package`", diagnostics).filter(name -> {
            for (String part : name.split("\\.", -1)) {
                if (!JAVA_IDENTIFIER.matcher(part).matches() || JAVA_KEYWORDS.contains(part)) {
                    diagnostics.error(property.value().span(), "`package = \"" + name + "\"` is not a valid Java package name: `" + part
                            + "` is " + (JAVA_KEYWORDS.contains(part) ? "a Java keyword." : "not a Java identifier."));
                    return false;
                }
            }
            return true;
        });
    }

    private Optional<String> tablePrefix(Member.Property property) {
        return Expressions.string(property.value(), "`tablePrefix`", diagnostics).filter(prefix -> {
            if (!TABLE_PREFIX.matcher(prefix).matches()) {
                diagnostics.error(property.value().span(), "`tablePrefix = \"" + prefix + "\"` may hold only letters, digits and `_`, "
                        + "so that every database accepts the table names.");
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
            diagnostics.error(property.value().span(), "`naming = \"" + value + "\"` is not known: use \"preserve\" or \"snake_case\".",
                    Suggestions.didYouMean(value, names));
            return Optional.empty();
        });
    }

    private void onlyProperties(Block block) {
        for (Member member : block.members()) {
            if (member instanceof Member.Field || member instanceof Member.BlockAttribute) {
                diagnostics.error(member.span(), "This line is not a valid definition within a " + block.keyword().name()
                        + ": expected `key = value`.");
            }
        }
    }

    private void checkKeys(Block block, List<String> known, List<String> unsupported) {
        Set<String> seen = new HashSet<>();
        for (Member.Property property : block.properties()) {
            String key = property.key().name();
            if (!seen.add(key)) {
                diagnostics.error(property.key().span(), "The property `" + key + "` is already defined in this " + block.keyword().name() + ".");
            } else if (unsupported.contains(key)) {
                diagnostics.error(property.key().span(), "The " + block.keyword().name() + " property `" + key + "` is not supported by AuthSchema.");
            } else if (!known.contains(key)) {
                diagnostics.error(property.key().span(), "Property not known: `" + key + "`.", Suggestions.didYouMean(key, known));
            }
        }
    }
}
