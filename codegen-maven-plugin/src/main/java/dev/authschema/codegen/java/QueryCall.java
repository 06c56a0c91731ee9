package dev.authschema.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;

/**
 * The chain of calls on an {@code EntityManager} that runs one JPQL statement, one call per line:
 * {@code .createQuery(...)}, its parameters, its hints, then whatever reads the result. Embedded in a statement
 * after {@code entityManager}, its lines take the statement's continuation indent.
 */
final class QueryCall {

    /** The query hints the adapter sets, one constant each. */
    enum Hint {
        /** Fresh rows for sessions and tokens even where a cached copy exists: another server may have changed them. */
        BYPASS_CACHE("jakarta.persistence.cache.retrieveMode", Types.jpa("CacheRetrieveMode"), "BYPASS");

        private final String key;
        private final ClassName valueType;
        private final String value;

        Hint(String key, ClassName valueType, String value) {
            this.key = key;
            this.valueType = valueType;
            this.value = value;
        }
    }

    private final CodeBlock.Builder chain = CodeBlock.builder();

    private QueryCall(CodeBlock createQuery) {
        chain.add(createQuery);
    }

    /** A SELECT whose rows are of {@code result}. */
    static QueryCall select(Jpql jpql, TypeName result) {
        return new QueryCall(CodeBlock.of(".createQuery($L, $T.class)", jpql.literal(), result));
    }

    /** An UPDATE or DELETE. */
    static QueryCall bulk(Jpql jpql) {
        return new QueryCall(CodeBlock.of(".createQuery($L)", jpql.literal()));
    }

    /** Binds {@code :name} to the Java expression {@code value}. */
    QueryCall parameter(String name, String value) {
        return then(".setParameter($S, $L)", name, value);
    }

    QueryCall hint(Hint hint) {
        return then(".setHint($S, $T.$L)", hint.key, hint.valueType, hint.value);
    }

    /**
     * Reads the rows as a stream of a list, never {@code getResultStream()}: Hibernate backs that with an open cursor
     * until the stream is closed, and on Derby a cursor left open by {@code findFirst()} keeps its row's share lock up
     * to the transaction's next write (concurrent token uses then deadlock).
     */
    QueryCall rows() {
        return then(".getResultList().stream()");
    }

    /** A further call of the chain on a line of its own, e.g. {@code .getResultList()}. */
    QueryCall then(String format, Object... args) {
        chain.add("\n").add(format, args);
        return this;
    }

    /** The chain, its first line starting with {@code .createQuery(}. */
    CodeBlock code() {
        return chain.build();
    }
}
