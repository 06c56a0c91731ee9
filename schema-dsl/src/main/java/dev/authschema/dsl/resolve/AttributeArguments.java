package dev.authschema.dsl.resolve;

import dev.authschema.dsl.ast.Argument;
import dev.authschema.dsl.ast.Attribute;
import dev.authschema.dsl.ast.Expression;
import dev.authschema.dsl.diag.Diagnostics;
import dev.authschema.dsl.diag.Suggestions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An attribute's arguments checked against what it accepts: the name the positional argument stands
 * for, the named arguments it knows, and the ones Prisma knows that AuthSchema rejects.
 */
final class AttributeArguments {

    private final Attribute attribute;
    private final Map<String, Argument> byName = new LinkedHashMap<>();
    private boolean errors;

    private AttributeArguments(Attribute attribute) {
        this.attribute = attribute;
    }

    /**
     * @param positionalName what an unnamed first argument means (e.g. {@code fields}), or null if none is allowed
     * @param accepted       the argument names the attribute takes
     * @param unsupported    Prisma arguments AuthSchema does not implement: rejected with a clear message
     */
    static AttributeArguments check(
            Attribute attribute,
            String positionalName,
            List<String> accepted,
            List<String> unsupported,
            Diagnostics diagnostics) {
        AttributeArguments result = new AttributeArguments(attribute);
        boolean positionalSeen = false;
        for (Argument argument : attribute.arguments()) {
            String name;
            if (argument.isNamed()) {
                name = argument.name().name();
                if (unsupported.contains(name)) {
                    result.errors = true;
                    diagnostics.error(
                            argument.span(),
                            "The argument `" + name + "` of `" + attribute.displayName()
                                    + "` is not supported by AuthSchema.");
                    continue;
                }
                if (!accepted.contains(name)) {
                    result.errors = true;
                    diagnostics.error(
                            argument.name().span(),
                            "`" + attribute.displayName() + "` has no argument `" + name + "`.",
                            Suggestions.didYouMean(name, accepted));
                    continue;
                }
            } else {
                if (positionalName == null) {
                    result.errors = true;
                    diagnostics.error(
                            argument.span(),
                            "`" + attribute.displayName() + "` takes no unnamed argument"
                                    + (accepted.isEmpty() ? "s." : ": name it (" + String.join(", ", accepted) + ")."));
                    continue;
                }
                if (positionalSeen) {
                    result.errors = true;
                    diagnostics.error(
                            argument.span(),
                            "`" + attribute.displayName() + "` takes one unnamed argument; name the others ("
                                    + String.join(", ", accepted) + ").");
                    continue;
                }
                positionalSeen = true;
                name = positionalName;
            }
            if (result.byName.putIfAbsent(name, argument) != null) {
                result.errors = true;
                diagnostics.error(
                        argument.span(),
                        "The argument `" + name + "` of `" + attribute.displayName() + "` is given twice.");
            }
        }
        return result;
    }

    /** An attribute that takes no arguments at all. */
    static void none(Attribute attribute, Diagnostics diagnostics) {
        if (!attribute.arguments().isEmpty()) {
            diagnostics.error(attribute.span(), "`" + attribute.displayName() + "` takes no arguments.");
        }
    }

    /** Whether an argument was unknown, unsupported, repeated or misplaced (each already reported). */
    boolean hasErrors() {
        return errors;
    }

    Optional<Expression> get(String name) {
        return Optional.ofNullable(byName.get(name)).map(Argument::value);
    }

    boolean has(String name) {
        return byName.containsKey(name);
    }

    /** The argument that must be there, or an error naming it. */
    Optional<Expression> required(String name, Diagnostics diagnostics) {
        Optional<Expression> value = get(name);
        if (value.isEmpty()) {
            diagnostics.error(attribute.span(), "`" + attribute.displayName() + "` needs its `" + name + "` argument.");
        }
        return value;
    }

    /** An optional string argument such as {@code map: "name"}. */
    Optional<String> string(String name, Diagnostics diagnostics) {
        return get(name)
                .flatMap(
                        e -> Expressions.string(e, "`" + name + "` of `" + attribute.displayName() + "`", diagnostics));
    }
}
