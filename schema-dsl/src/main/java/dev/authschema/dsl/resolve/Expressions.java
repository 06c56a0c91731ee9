package dev.authschema.dsl.resolve;

import dev.authschema.dsl.ast.Expression;
import dev.authschema.dsl.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading typed values out of expressions, with an error that says what was expected and what was found. */
final class Expressions {

    private Expressions() {}

    /** How a value is described in messages: "the number `1`", "the string \"x\"". */
    static String describe(Expression expression) {
        if (expression instanceof Expression.StringLiteral s) {
            return "the string \"" + s.value() + "\"";
        }
        if (expression instanceof Expression.NumberLiteral n) {
            return "the number `" + n.text() + "`";
        }
        if (expression instanceof Expression.Constant c) {
            return "`" + c.name() + "`";
        }
        if (expression instanceof Expression.FunctionCall f) {
            return "the function call `" + f.name().name() + "()`";
        }
        return "a list";
    }

    static Optional<String> string(Expression expression, String what, Diagnostics diagnostics) {
        if (expression instanceof Expression.StringLiteral literal) {
            return Optional.of(literal.value());
        }
        diagnostics.error(expression.span(), "Expected a string for " + what + ", found " + describe(expression) + ".");
        return Optional.empty();
    }

    /** A string literal or {@code env("VAR")}. */
    static Optional<ConfigValue> configValue(Expression expression, String what, Diagnostics diagnostics) {
        if (expression instanceof Expression.StringLiteral literal) {
            return Optional.of(ConfigValue.literal(literal.value()));
        }
        if (expression instanceof Expression.FunctionCall call
                && call.name().name().equals("env")) {
            boolean nameArgument = call.arguments().size() == 1
                    && (!call.arguments().get(0).isNamed()
                            || call.arguments().get(0).name().name().equals("name"));
            if (nameArgument && call.arguments().get(0).isNamed()) {
                diagnostics.warning(
                        call.span(), "The env function doesn't expect named arguments: write `env(\"VAR\")`.");
            }
            if (nameArgument
                    && call.arguments().get(0).value() instanceof Expression.StringLiteral variable
                    && !variable.value().isBlank()) {
                return Optional.of(ConfigValue.fromEnvironment(variable.value()));
            }
            diagnostics.error(
                    call.span(), "`env()` takes the name of one environment variable: `env(\"DATABASE_URL\")`.");
            return Optional.empty();
        }
        diagnostics.error(
                expression.span(),
                "Expected a string or `env(\"VAR\")` for " + what + ", found " + describe(expression) + ".");
        return Optional.empty();
    }

    /** {@code [a, b]} of bare names; a single name is accepted as a list of one, as Prisma does. */
    static Optional<List<Expression.Constant>> nameList(Expression expression, String what, Diagnostics diagnostics) {
        return names(expression, what, false, diagnostics);
    }

    /**
     * The fields of an index, unique or id: bare names, or names with arguments as Prisma allows them
     * ({@code title(sort: Desc)}, {@code body(length: 100)}, {@code data(ops: JsonbPathOps)}).
     */
    static Optional<List<Expression.Constant>> indexFieldList(
            Expression expression, String what, Diagnostics diagnostics) {
        return names(expression, what, true, diagnostics);
    }

    /** Whether the field is listed with the named argument, e.g. {@code body(length: 100)}. */
    static boolean hasIndexFieldArgument(Expression expression, String field, String argument) {
        List<Expression> items =
                expression instanceof Expression.ArrayLiteral array ? array.items() : List.of(expression);
        return items.stream()
                .anyMatch(item -> item instanceof Expression.FunctionCall call
                        && call.name().name().equals(field)
                        && call.arguments().stream()
                                .anyMatch(a -> a.isNamed() && a.name().name().equals(argument)));
    }

    /** The value of a field's argument in a key's field list, e.g. {@code Desc} of {@code title(sort: Desc)}. */
    static Optional<Expression> indexFieldArgument(Expression expression, String field, String argument) {
        List<Expression> items =
                expression instanceof Expression.ArrayLiteral array ? array.items() : List.of(expression);
        return items.stream()
                .filter(item -> item instanceof Expression.FunctionCall call
                        && call.name().name().equals(field))
                .flatMap(item -> ((Expression.FunctionCall) item).arguments().stream())
                .filter(a -> a.isNamed() && a.name().name().equals(argument))
                .map(a -> a.value())
                .findFirst();
    }

    /**
     * The key column of a field attribute ({@code @id(sort: Desc)}, {@code @unique(length: 10)}): its sort order and
     * prefix length as the attribute's own arguments give them; an invalid one (already reported) counts as absent.
     */
    static Index.Column keyColumn(String field, Optional<Expression> sort, Optional<Expression> length) {
        return new Index.Column(
                field,
                sort.filter(s -> s instanceof Expression.Constant c && c.name().equals("Desc"))
                        .isPresent(),
                length.filter(l -> l instanceof Expression.NumberLiteral n
                                && n.text().matches("\\d+"))
                        .map(l -> lengthOf((Expression.NumberLiteral) l))
                        .orElse(null));
    }

    /** The index's columns with the sort order and length their fields give, for fields already checked. */
    static List<Index.Column> indexColumns(Expression expression, List<String> fields) {
        return fields.stream()
                .map(field -> new Index.Column(
                        field,
                        indexFieldArgument(expression, field, "sort")
                                .filter(sort -> sort instanceof Expression.Constant c
                                        && c.name().equals("Desc"))
                                .isPresent(),
                        indexFieldArgument(expression, field, "length")
                                .map(length -> lengthOf((Expression.NumberLiteral) length))
                                .orElse(null)))
                .toList();
    }

    /**
     * A prefix length the validator accepted (a whole number of a Java {@code long}, as Prisma takes it), as an
     * {@code int}: one beyond it is far over any database's key limit, and the generate step refuses it.
     */
    private static Integer lengthOf(Expression.NumberLiteral length) {
        long value = Long.parseLong(length.text());
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    /** The arguments a key's field may take ({@code title(sort: Desc)}). */
    static final List<String> INDEX_FIELD_ARGUMENTS = List.of("sort", "length", "ops");

    private static Optional<List<Expression.Constant>> names(
            Expression expression, String what, boolean withArguments, Diagnostics diagnostics) {
        List<Expression> items =
                expression instanceof Expression.ArrayLiteral array ? array.items() : List.of(expression);
        List<Expression.Constant> names = new ArrayList<>();
        boolean valid = true;
        for (Expression item : items) {
            if (item instanceof Expression.Constant constant) {
                names.add(constant);
            } else if (item instanceof Expression.FunctionCall call && withArguments) {
                // Prisma reads sort, length and ops and ignores any other argument; the generate step refuses
                // those (UngeneratedFeatures), since a misspelt `sotr:` would silently change nothing.
                names.add(
                        new Expression.Constant(call.name().name(), call.name().span()));
            } else if (item instanceof Expression.FunctionCall call) {
                diagnostics.error(call.span(), "Expected a field name in " + what + ", found " + describe(item) + ".");
                valid = false;
            } else {
                diagnostics.error(item.span(), "Expected a field name in " + what + ", found " + describe(item) + ".");
                valid = false;
            }
        }
        if (valid && names.isEmpty()) {
            diagnostics.error(expression.span(), "The field list of " + what + " is empty: name at least one field.");
            valid = false;
        }
        return valid ? Optional.of(names) : Optional.empty();
    }
}
