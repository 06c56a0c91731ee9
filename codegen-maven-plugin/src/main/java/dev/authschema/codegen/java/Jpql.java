package dev.authschema.codegen.java;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * A JPQL statement of the generated adapter, written as the string literal a careful person would type: on one line
 * when it is short, else broken before each {@code WHERE}, {@code AND} and
 * {@code ORDER BY}, one clause per concatenated line.
 */
final class Jpql {

    /** The longest statement kept on one line: the {@code .createQuery(...)} line then stays well within 120. */
    private static final int ONE_LINE = 60;

    private final List<String> clauses;

    private Jpql(List<String> clauses) {
        this.clauses = List.copyOf(clauses);
    }

    /** A statement starting with {@code head}, e.g. {@code SELECT a FROM Account a}. */
    static Jpql of(String head) {
        return new Jpql(List.of(head));
    }

    Jpql where(String condition) {
        return with(" WHERE " + condition);
    }

    Jpql and(String condition) {
        return with(" AND " + condition);
    }

    Jpql orderBy(String ordering) {
        return with(" ORDER BY " + ordering);
    }

    private Jpql with(String clause) {
        List<String> more = new ArrayList<>(clauses);
        more.add(clause);
        return new Jpql(more);
    }

    String text() {
        return String.join("", clauses);
    }

    /** The string literal: one line, or one clause per line, the continuation lines indented twice more. */
    CodeBlock literal() {
        if (text().length() <= ONE_LINE) {
            return CodeBlock.of("$S", text());
        }
        CodeBlock.Builder literal = CodeBlock.builder().add("$S$>$>", clauses.get(0));
        clauses.subList(1, clauses.size()).forEach(clause -> literal.add("\n+ $S", clause));
        return literal.add("$<$<").build();
    }
}
