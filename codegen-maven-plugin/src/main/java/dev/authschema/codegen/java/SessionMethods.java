package dev.authschema.codegen.java;

import static dev.authschema.codegen.java.AdapterCode.named;
import static dev.authschema.codegen.java.AdapterCode.optionalOf;
import static dev.authschema.codegen.java.AdapterCode.override;
import static dev.authschema.codegen.java.AdapterCode.writingUserId;
import static dev.authschema.codegen.java.AdapterModels.idString;
import static dev.authschema.contract.CanonicalProperty.SESSION_ACCESS_TOKEN;
import static dev.authschema.contract.CanonicalProperty.SESSION_EXPIRES;
import static dev.authschema.contract.CanonicalProperty.SESSION_TOKEN;
import static dev.authschema.contract.CanonicalProperty.SESSION_USER_ID;
import static dev.authschema.contract.CanonicalProperty.USER_ID;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.authschema.dsl.resolve.ResolvedField;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The database sessions of the adapter: create, read with the user in one query, update, delete, {@code toSession}. */
final class SessionMethods {

    private static final ClassName ADAPTER_SESSION = Types.adapter("AdapterSession");
    private static final ClassName SESSION_AND_USER = Types.adapter("SessionAndUser");
    private static final ClassName SESSION_UPDATE = Types.adapter("SessionUpdate");

    private final AdapterModels models;
    private final RoleModel session;

    SessionMethods(AdapterModels models) {
        this.models = models;
        this.session = models.session;
    }

    void addTo(TypeSpec.Builder adapter) {
        adapter.addMethod(createSession())
                .addMethod(getSessionAndUser())
                .addMethod(updateSession())
                .addMethod(deleteSession())
                .addMethod(toSession());
        ExtraFieldMethods.addTo(adapter, session, "Session", models.packageName);
    }

    private Jpql byToken() {
        return Jpql.of("SELECT s FROM " + session.name() + " s")
                .where(session.path("s", SESSION_TOKEN) + " = :sessionToken");
    }

    private MethodSpec createSession() {
        CodeBlock.Builder body = CodeBlock.builder()
                .add(models.userMustExist(session, SESSION_USER_ID, "createSession"))
                .addStatement("$T entity = new $T()", session.entity, session.entity);
        session.idWithoutDefault()
                .ifPresent(id -> body.addStatement(
                        "entity.$N($T.randomUUID().toString())", session.names.setter(id), UUID.class));
        body.addStatement("entity.$N(session.sessionToken())", session.setter(SESSION_TOKEN))
                .addStatement("entity.$N(userKey)", session.setter(SESSION_USER_ID))
                .addStatement("entity.$N(session.expires())", session.setter(SESSION_EXPIRES));
        if (session.has(SESSION_ACCESS_TOKEN)) {
            body.addStatement("entity.$N($T.sessionAccessToken())", session.setter(SESSION_ACCESS_TOKEN), Types.LEGACY);
        }
        body.addStatement("writeSessionExtras(entity, session.extras())")
                .addStatement("entityManager.persist(entity)")
                .addStatement("entityManager.flush()")
                .add(forgetStaleRelation())
                .addStatement("return toSession(entity)");
        return override("createSession")
                .returns(ADAPTER_SESSION)
                .addParameter(ADAPTER_SESSION, "session")
                .addStatement(
                        "$T userKey = $L", models.keys.type(), models.keys.required(CodeBlock.of("session.userId()")))
                .addCode(AdapterCode.write(
                        CodeBlock.of("$T.createSession()", AdapterCode.STORE_OPERATION), body.build()))
                .build();
    }

    /**
     * Only the session's user id is written, not its relation to the user: in the caller's transaction (one
     * persistence context over several calls) {@code getSessionAndUser}'s {@code JOIN FETCH} would find this entity
     * with the relation unset (a new session) or pointing at the former user (a changed user id). Detached after the
     * flush, the entity is read again from its row.
     */
    private CodeBlock forgetStaleRelation() {
        if (models.relationToUser(session, SESSION_USER_ID).isEmpty()) {
            return CodeBlock.of("");
        }
        return CodeBlock.builder()
                .add("// Only the user id was written, not the relation: a later read in this transaction loads it from"
                        + " the row.\n")
                .addStatement("entityManager.detach(entity)")
                .build();
    }

    private MethodSpec getSessionAndUser() {
        RoleModel user = models.user;
        Optional<ResolvedField> toUser = models.relationToUser(session, SESSION_USER_ID);
        QueryCall query;
        if (toUser.isPresent()) {
            Jpql join = Jpql.of("SELECT s FROM " + session.name() + " s JOIN FETCH s."
                            + session.names.property(toUser.get()))
                    .where(session.path("s", SESSION_TOKEN) + " = :sessionToken");
            query = QueryCall.select(join, session.entity)
                    .parameter("sessionToken", "sessionToken")
                    .hint(QueryCall.Hint.BYPASS_CACHE)
                    .rows()
                    .then(".filter(found -> sessionToken.equals($L))", session.get("found", SESSION_TOKEN))
                    .then(".findFirst()")
                    .then(
                            ".map(session -> new $T(toSession(session), toUser(session.$N())))",
                            SESSION_AND_USER,
                            session.names.getter(toUser.get()));
        } else {
            // No relation to join along (NextAuth v3 schemas): join on the user id.
            Jpql join = Jpql.of("SELECT s, u FROM " + session.name() + " s, " + user.name() + " u")
                    .where(user.path("u", USER_ID) + " = " + session.path("s", SESSION_USER_ID))
                    .and(session.path("s", SESSION_TOKEN) + " = :sessionToken");
            query = QueryCall.select(join, ArrayTypeName.of(Object.class))
                    .parameter("sessionToken", "sessionToken")
                    .hint(QueryCall.Hint.BYPASS_CACHE)
                    .rows()
                    .then(
                            ".map(row -> new $T(toSession(($T) row[0]), toUser(($T) row[1])))",
                            SESSION_AND_USER,
                            session.entity,
                            user.entity)
                    .then(".filter(found -> sessionToken.equals(found.session().sessionToken()))")
                    .then(".findFirst()");
        }
        return override("getSessionAndUser")
                .returns(optionalOf(SESSION_AND_USER))
                .addParameter(String.class, "sessionToken")
                .addJavadoc("One query, one round trip: the session and its user are read together.\n")
                .addStatement(AdapterCode.readQuery(query))
                .build();
    }

    private MethodSpec updateSession() {
        QueryCall query = QueryCall.select(byToken(), session.entity)
                .parameter("sessionToken", "update.sessionToken()")
                .rows()
                .then(".filter(found -> update.sessionToken().equals($L))", session.get("found", SESSION_TOKEN))
                .then(".findFirst()")
                .then(".orElse(null)");
        CodeBlock body = CodeBlock.builder()
                .addStatement("$T entity = entityManager\n$L", session.entity, query.code())
                .beginControlFlow("if (entity == null)")
                .addStatement("return $T.<$T>empty()", Optional.class, ADAPTER_SESSION)
                .endControlFlow()
                .beginControlFlow("if (update.isSet($T.Property.EXPIRES))", SESSION_UPDATE)
                .addStatement("entity.$N(update.expires())", session.setter(SESSION_EXPIRES))
                .endControlFlow()
                .beginControlFlow("if (update.isSet($T.Property.USER_ID))", SESSION_UPDATE)
                .addStatement(
                        "entity.$N($L)",
                        session.setter(SESSION_USER_ID),
                        models.keys.required(CodeBlock.of("update.userId()")))
                .endControlFlow()
                .addStatement("writeSessionExtras(entity, update.extras())")
                .addStatement("entityManager.flush()")
                .add(forgetStaleRelation())
                .addStatement("return $T.of(toSession(entity))", Optional.class)
                .build();
        return override("updateSession")
                .returns(optionalOf(ADAPTER_SESSION))
                .addParameter(SESSION_UPDATE, "update")
                .addCode(AdapterCode.write(writingUserId("updateSession"), body))
                .build();
    }

    /**
     * Exact on every dialect: the bulk delete runs only if a row has exactly this token (Derby's {@code =} pads with
     * blanks, so {@code token + " "} would match). {@code LENGTH(:token)} is no way out: Derby refuses a parameter
     * as its operand.
     */
    private MethodSpec deleteSession() {
        QueryCall exact = QueryCall.select(byToken(), session.entity)
                .parameter("sessionToken", "sessionToken")
                .rows()
                .then(".anyMatch(found -> sessionToken.equals($L))", session.get("found", SESSION_TOKEN));
        Jpql delete = Jpql.of("DELETE FROM " + session.name() + " s")
                .where(session.path("s", SESSION_TOKEN) + " = :sessionToken");
        QueryCall query =
                QueryCall.bulk(delete).parameter("sessionToken", "sessionToken").then(".executeUpdate()");
        CodeBlock body = CodeBlock.builder()
                .addStatement("boolean stored = entityManager\n$L", exact.code())
                .beginControlFlow("if (stored)")
                .addStatement("entityManager\n$L", query.code())
                .endControlFlow()
                .addStatement("return null")
                .build();
        return override("deleteSession")
                .addParameter(String.class, "sessionToken")
                .addCode(AdapterCode.run(named("deleteSession"), body))
                .build();
    }

    private MethodSpec toSession() {
        List<CodeBlock> arguments = List.of(
                session.get("entity", SESSION_TOKEN),
                idString(session, SESSION_USER_ID),
                session.get("entity", SESSION_EXPIRES),
                CodeBlock.of("readSessionExtras(entity)"));
        return AdapterCode.helper("toSession")
                .returns(ADAPTER_SESSION)
                .addParameter(session.entity, "entity")
                .addStatement(AdapterCode.newRecord(ADAPTER_SESSION, arguments))
                .build();
    }
}
