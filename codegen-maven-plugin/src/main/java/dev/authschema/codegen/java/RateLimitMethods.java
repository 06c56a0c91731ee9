package dev.authschema.codegen.java;

import static dev.authschema.contract.CanonicalProperty.RATE_LIMIT_COUNT;
import static dev.authschema.contract.CanonicalProperty.RATE_LIMIT_KEY;
import static dev.authschema.contract.CanonicalProperty.RATE_LIMIT_WINDOW_START;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.authschema.dsl.resolve.ScalarType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import javax.lang.model.element.Modifier;

/**
 * The adapter's {@code RATE_LIMITS} methods, for a schema with a model in the RateLimit role. Written with the
 * Criteria API rather than JPQL text: {@code key} and {@code count}, the role's property names, are JPQL keywords.
 *
 * <p>A hit is one transaction: increment the key's row if its window is still open and has room (the UPDATE locks the
 * row, so concurrent hits on any server queue up and each sees its own count); else restart an expired window; else
 * refuse a full window without writing; else insert the first row. Two servers inserting the same new key at once: one insert fails on the primary key (or, on
 * MySQL/MariaDB, deadlocks on the gap lock its UPDATE took), and that caller counts again, after a short random pause,
 * on the row the other one inserted.
 */
final class RateLimitMethods {

    private static final ClassName WINDOW = Types.adapter("RateLimitWindow");
    private static final ClassName ADAPTER_EXCEPTION = Types.adapter("AdapterException");
    private static final ClassName STORE_OPERATION = Types.jpaSupport("StoreOperation");
    private static final ClassName ENTITY_MANAGER = Types.jpa("EntityManager");
    private static final ClassName BUILDER = ClassName.get(Types.JPA + ".criteria", "CriteriaBuilder");
    private static final ClassName UPDATE = ClassName.get(Types.JPA + ".criteria", "CriteriaUpdate");
    private static final ClassName DELETE = ClassName.get(Types.JPA + ".criteria", "CriteriaDelete");
    private static final ClassName QUERY = ClassName.get(Types.JPA + ".criteria", "CriteriaQuery");
    private static final ClassName ROOT = ClassName.get(Types.JPA + ".criteria", "Root");
    /**
     * Attempts of one hit. Only the first rows of a key need more than one: a lost insert race, or on MySQL/MariaDB
     * first inserts that deadlock on the key's gap lock. Each round lets at least one caller through.
     */
    private static final int ATTEMPTS = 32;

    private RateLimitMethods() {}

    static void addTo(TypeSpec.Builder type, RoleModel rateLimit) {
        ClassName entity = rateLimit.entity;
        String key = rateLimit.names.property(rateLimit.field(RATE_LIMIT_KEY).orElseThrow());
        String count =
                rateLimit.names.property(rateLimit.field(RATE_LIMIT_COUNT).orElseThrow());
        String start = rateLimit.names.property(
                rateLimit.field(RATE_LIMIT_WINDOW_START).orElseThrow());
        boolean bigint = rateLimit.type(RATE_LIMIT_COUNT) == ScalarType.BIGINT;
        TypeName countType = bigint ? ClassName.get(Long.class) : ClassName.get(Integer.class);
        CodeBlock one = CodeBlock.of(bigint ? "1L" : "1");
        TypeName root = ParameterizedTypeName.get(ROOT, entity);

        CodeBlock max = bigint ? CodeBlock.of("(long) max") : CodeBlock.of("max");
        type.addMethod(MethodSpec.methodBuilder("hitRateLimit")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(WINDOW)
                .addParameter(String.class, "key")
                .addParameter(Instant.class, "now")
                .addParameter(Duration.class, "window")
                .addParameter(TypeName.INT, "max")
                .addJavadoc("Atomic on every server sharing the database: see {@code countRateLimitHit}.\n")
                .addStatement("$T.requireNonNull(key, $S)", Objects.class, "key")
                .addStatement("$T expiredAt = now.minus(window)", Instant.class)
                .addStatement("$T lost = null", RuntimeException.class)
                .beginControlFlow("for (int attempt = 0; attempt < $L; attempt++)", ATTEMPTS)
                .beginControlFlow("try")
                .addStatement(
                        "return store.write($T.named($S),\nentityManager -> countRateLimitHit(entityManager, key, now, expiredAt, max))",
                        STORE_OPERATION,
                        "hitRateLimit")
                .nextControlFlow("catch ($T e)", RuntimeException.class)
                .addComment(
                        "Another caller inserted the key's first row at the same moment (or, on MySQL/MariaDB, the two")
                .addComment(
                        "first inserts deadlocked on the key's gap lock): count again on that row after a short pause.")
                .addStatement("lost = e")
                .addStatement("pauseBeforeRetry(attempt)")
                .endControlFlow()
                .endControlFlow()
                .addStatement(
                        "throw new $T(\n$S,\nlost)",
                        ADAPTER_EXCEPTION,
                        "Could not count a request against a rate-limit key in " + rateLimit.name() + " after "
                                + ATTEMPTS + " attempts.")
                .build());

        type.addMethod(MethodSpec.methodBuilder("pauseBeforeRetry")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(TypeName.INT, "attempt")
                .addJavadoc(
                        "A random pause, longer with each attempt, so that racing callers do not collide again in step.\n")
                .beginControlFlow("try")
                .addStatement(
                        "$T.sleep($T.current().nextLong(1, 2L + 2L * attempt))", Thread.class, ThreadLocalRandom.class)
                .nextControlFlow("catch ($T e)", InterruptedException.class)
                .addStatement("$T.currentThread().interrupt()", Thread.class)
                .addStatement("throw new $T($S, e)", ADAPTER_EXCEPTION, "Interrupted while counting a rate-limit hit.")
                .endControlFlow()
                .build());

        type.addMethod(MethodSpec.methodBuilder("countRateLimitHit")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(WINDOW)
                .addJavadoc(
                        "One transaction: count in an open window with room, else restart an expired one, else refuse a full one\n"
                                + "(writing nothing), else insert the key's first row.\n")
                .addParameter(ENTITY_MANAGER, "entityManager")
                .addParameter(String.class, "key")
                .addParameter(Instant.class, "now")
                .addParameter(Instant.class, "expiredAt")
                .addParameter(TypeName.INT, "max")
                .addStatement("$T builder = entityManager.getCriteriaBuilder()", BUILDER)
                .addStatement(
                        "$T increment = builder.createCriteriaUpdate($T.class)",
                        ParameterizedTypeName.get(UPDATE, entity),
                        entity)
                .addStatement("$T open = increment.from($T.class)", root, entity)
                .addStatement(
                        "increment.set(open.<$T>get($S), builder.sum(open.<$T>get($S), $L))\n.where(\n$>$>builder.equal(open.get($S), key),\n"
                                + "builder.greaterThan(open.<$T>get($S), expiredAt),\nbuilder.lessThan(open.<$T>get($S), $L))$<$<",
                        countType,
                        count,
                        countType,
                        count,
                        one,
                        key,
                        Instant.class,
                        start,
                        countType,
                        count,
                        max)
                .beginControlFlow("if (entityManager.createQuery(increment).executeUpdate() == 1)")
                .addComment("The row is locked by this transaction now: the count read back is this request's.")
                .addStatement("$T[] counted = readRateLimitWindow(entityManager, key)", Object.class)
                .addStatement(
                        "return $T.counted(key, (($T) counted[0]).intValue(), ($T) counted[1])",
                        WINDOW,
                        Number.class,
                        Instant.class)
                .endControlFlow()
                .addStatement(
                        "$T restart = builder.createCriteriaUpdate($T.class)",
                        ParameterizedTypeName.get(UPDATE, entity),
                        entity)
                .addStatement("$T expired = restart.from($T.class)", root, entity)
                .addStatement(
                        "restart.set(expired.<$T>get($S), $L)\n.set(expired.<$T>get($S), now)\n.where(\n$>$>builder.equal(expired.get($S), key),\n"
                                + "builder.lessThanOrEqualTo(expired.<$T>get($S), expiredAt))$<$<",
                        countType,
                        count,
                        one,
                        Instant.class,
                        start,
                        key,
                        Instant.class,
                        start)
                .beginControlFlow("if (entityManager.createQuery(restart).executeUpdate() == 1)")
                .addStatement("return $T.counted(key, 1, now)", WINDOW)
                .endControlFlow()
                .addStatement("$T[] full = readRateLimitWindow(entityManager, key)", Object.class)
                .beginControlFlow("if (full != null)")
                .addStatement("int stored = (($T) full[0]).intValue()", Number.class)
                .addStatement("$T started = ($T) full[1]", Instant.class, Instant.class)
                .beginControlFlow("if (stored >= max && started.isAfter(expiredAt))")
                .addStatement("return $T.refused(key, stored, started)", WINDOW)
                .endControlFlow()
                .addStatement(
                        "throw new $T($S)",
                        ADAPTER_EXCEPTION,
                        "The rate-limit window changed while it was counted; counting again.")
                .endControlFlow()
                .addStatement("$T entity = new $T()", entity, entity)
                .addStatement("entity.$N(key)", rateLimit.setter(RATE_LIMIT_KEY))
                .addStatement("entity.$N($L)", rateLimit.setter(RATE_LIMIT_COUNT), one)
                .addStatement("entity.$N(now)", rateLimit.setter(RATE_LIMIT_WINDOW_START))
                .addStatement("entityManager.persist(entity)")
                .addStatement("entityManager.flush()")
                .addStatement("return $T.counted(key, 1, now)", WINDOW)
                .build());

        type.addMethod(MethodSpec.methodBuilder("readRateLimitWindow")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(ArrayTypeName.of(Object.class))
                .addJavadoc(
                        "The key's count and window start, read from the database (never a cache), or null without a row.\n")
                .addParameter(ENTITY_MANAGER, "entityManager")
                .addParameter(String.class, "key")
                .addStatement("$T builder = entityManager.getCriteriaBuilder()", BUILDER)
                .addStatement(
                        "$T read = builder.createQuery($T[].class)",
                        ParameterizedTypeName.get(QUERY, ArrayTypeName.of(Object.class)),
                        Object.class)
                .addStatement("$T row = read.from($T.class)", root, entity)
                .addStatement(
                        "read.multiselect(row.get($S), row.get($S)).where(builder.equal(row.get($S), key))",
                        count,
                        start,
                        key)
                .addStatement(
                        "return entityManager.createQuery(read).getResultList().stream().findFirst().orElse(null)")
                .build());

        type.addMethod(MethodSpec.methodBuilder("deleteRateLimitsBefore")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT)
                .addParameter(Instant.class, "windowStartBefore")
                .addParameter(TypeName.INT, "limit")
                .addJavadoc(
                        "In batches, as the other clean-ups: pick up to {@code limit} old keys, then delete those still old.\n")
                .addCode(
                        "return store.write($T.named($S), entityManager -> {\n$>",
                        STORE_OPERATION,
                        "deleteRateLimitsBefore")
                .addStatement("$T builder = entityManager.getCriteriaBuilder()", BUILDER)
                .addStatement(
                        "$T select = builder.createQuery($T.class)",
                        ParameterizedTypeName.get(QUERY, ClassName.get(String.class)),
                        String.class)
                .addStatement("$T old = select.from($T.class)", root, entity)
                .addStatement(
                        "select.select(old.<$T>get($S))\n.where(builder.lessThan(old.<$T>get($S), windowStartBefore))",
                        String.class,
                        key,
                        Instant.class,
                        start)
                .addStatement(
                        "$T<$T> keys = entityManager.createQuery(select).setMaxResults(limit).getResultList()",
                        List.class,
                        String.class)
                .beginControlFlow("if (keys.isEmpty())")
                .addStatement("return 0")
                .endControlFlow()
                .addStatement(
                        "$T delete = builder.createCriteriaDelete($T.class)",
                        ParameterizedTypeName.get(DELETE, entity),
                        entity)
                .addStatement("$T doomed = delete.from($T.class)", root, entity)
                .addStatement(
                        "delete.where(\ndoomed.get($S).in(keys),\nbuilder.lessThan(doomed.<$T>get($S), windowStartBefore))",
                        key,
                        Instant.class,
                        start)
                .addStatement("return entityManager.createQuery(delete).executeUpdate()")
                .addCode("$<});\n")
                .build());
    }
}
