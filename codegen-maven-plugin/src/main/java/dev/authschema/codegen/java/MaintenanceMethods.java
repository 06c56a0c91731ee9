package dev.authschema.codegen.java;

import static dev.authschema.codegen.java.AdapterCode.named;
import static dev.authschema.codegen.java.AdapterCode.override;
import static dev.authschema.contract.CanonicalProperty.SESSION_EXPIRES;
import static dev.authschema.contract.CanonicalProperty.SESSION_TOKEN;
import static dev.authschema.contract.CanonicalProperty.SESSION_USER_ID;
import static dev.authschema.contract.CanonicalProperty.VERIFICATION_TOKEN_EXPIRES;
import static dev.authschema.contract.CanonicalProperty.VERIFICATION_TOKEN_TOKEN;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.authschema.dsl.resolve.ScalarType;
import java.time.Instant;
import java.util.List;

/**
 * {@code AdapterMaintenance}: the clean-up of expired sessions and tokens, listing a user's sessions and signing a
 * user out everywhere else.
 * Clean-up runs in batches: pick up to {@code limit} expired keys, then delete those still expired. When several
 * servers run it at once, each row is deleted by exactly one of them and a live row never.
 */
final class MaintenanceMethods {

    private final AdapterModels models;

    MaintenanceMethods(AdapterModels models) {
        this.models = models;
    }

    void addTo(TypeSpec.Builder adapter) {
        adapter.addMethod(deleteExpiredSessions())
                .addMethod(deleteExpiredVerificationTokens())
                .addMethod(sessionsOfUser())
                .addMethod(deleteSessionsOfUser());
    }

    private static MethodSpec.Builder deleteExpired(String name) {
        return override(name)
                .returns(TypeName.INT)
                .addParameter(Instant.class, "now")
                .addParameter(TypeName.INT, "limit");
    }

    private MethodSpec deleteExpiredSessions() {
        MethodSpec.Builder method = deleteExpired("deleteExpiredSessions");
        RoleModel session = models.session;
        if (session == null) {
            return method.addComment("The schema has no session model.")
                    .addStatement("return 0")
                    .build();
        }
        return method.addCode(inBatches(
                        "deleteExpiredSessions",
                        session.name() + " s",
                        session.path("s", SESSION_TOKEN),
                        session.path("s", SESSION_EXPIRES)))
                .build();
    }

    private MethodSpec deleteExpiredVerificationTokens() {
        MethodSpec.Builder method = deleteExpired("deleteExpiredVerificationTokens");
        RoleModel token = models.token;
        if (token == null) {
            return method.addComment("The schema has no verification token model.")
                    .addStatement("return 0")
                    .build();
        }
        return method.addCode(inBatches(
                        "deleteExpiredVerificationTokens",
                        token.name() + " t",
                        token.path("t", VERIFICATION_TOKEN_TOKEN),
                        token.path("t", VERIFICATION_TOKEN_EXPIRES)))
                .build();
    }

    /** {@code from} is the entity and its alias; {@code key} a unique string path, {@code expires} the expiry path. */
    private static CodeBlock inBatches(String operation, String from, String key, String expires) {
        QueryCall select = QueryCall.select(
                        Jpql.of("SELECT " + key + " FROM " + from).where(expires + " < :now"),
                        TypeName.get(String.class))
                .parameter("now", "now")
                .then(".setMaxResults(limit)")
                .then(".getResultList()");
        Jpql stillExpired =
                Jpql.of("DELETE FROM " + from).where(key + " IN :keys").and(expires + " < :now");
        QueryCall delete = QueryCall.bulk(stillExpired)
                .parameter("keys", "expired")
                .parameter("now", "now")
                .then(".executeUpdate()");
        CodeBlock body = CodeBlock.builder()
                .addStatement("$T<$T> expired = entityManager\n$L", List.class, String.class, select.code())
                .beginControlFlow("if (expired.isEmpty())")
                .addStatement("return 0")
                .endControlFlow()
                .addStatement("return entityManager\n$L", delete.code())
                .build();
        return AdapterCode.write(named(operation), body);
    }

    /**
     * The user's live sessions, the one that ends last first. A string id is compared again in Java: PAD SPACE
     * collations (Derby's) find {@code "a"}'s sessions for {@code "a "}. Rows are read fresh: another server may have
     * created or deleted sessions since they were cached.
     */
    private MethodSpec sessionsOfUser() {
        ClassName adapterSession = Types.adapter("AdapterSession");
        MethodSpec.Builder method = override("sessionsOfUser")
                .returns(ParameterizedTypeName.get(ClassName.get(List.class), adapterSession))
                .addParameter(String.class, "userId")
                .addParameter(Instant.class, "now");
        RoleModel session = models.session;
        if (session == null) {
            return method.addComment("The schema has no session model.")
                    .addStatement("return $T.of()", List.class)
                    .build();
        }
        String key = models.keys.declare(method, "userId");
        Jpql live = Jpql.of("SELECT s FROM " + session.name() + " s")
                .where(session.path("s", SESSION_USER_ID) + " = :userId")
                .and(session.path("s", SESSION_EXPIRES) + " > :now")
                .orderBy(session.path("s", SESSION_EXPIRES) + " DESC");
        QueryCall query = QueryCall.select(live, session.entity)
                .parameter("userId", key)
                .parameter("now", "now")
                .hint(QueryCall.Hint.BYPASS_CACHE)
                .rows();
        if (session.type(SESSION_USER_ID) == ScalarType.STRING) {
            query.then(".filter(found -> $N.equals($L))", key, session.get("found", SESSION_USER_ID));
        }
        query.then(".map($T::toSession)", models.self).then(".toList()");
        return method.beginControlFlow("if ($N == null)", key)
                .addStatement("return $T.of()", List.class)
                .endControlFlow()
                .addStatement(AdapterCode.readQuery(query))
                .build();
    }

    private MethodSpec deleteSessionsOfUser() {
        MethodSpec.Builder method = override("deleteSessionsOfUser")
                .returns(TypeName.INT)
                .addParameter(String.class, "userId")
                .addParameter(String.class, "keepSessionToken");
        RoleModel session = models.session;
        if (session == null) {
            return method.addComment("The schema has no session model.")
                    .addStatement("return 0")
                    .build();
        }
        String key = models.keys.declare(method, "userId");
        Jpql delete = Jpql.of("DELETE FROM " + session.name() + " s")
                .where(session.path("s", SESSION_USER_ID) + " = :userId")
                .and(session.path("s", SESSION_TOKEN) + " <> :keep");
        QueryCall query = QueryCall.bulk(delete)
                .parameter("userId", key)
                .parameter("keep", "keepSessionToken == null ? \"\" : keepSessionToken")
                .then(".executeUpdate()");
        return method.beginControlFlow("if ($N == null)", key)
                .addStatement("return 0")
                .endControlFlow()
                .addStatement(AdapterCode.writeQuery(true, named("deleteSessionsOfUser"), query))
                .build();
    }
}
