package dev.authschema.codegen.java;

import static dev.authschema.codegen.java.AdapterCode.named;
import static dev.authschema.codegen.java.AdapterCode.optionalOf;
import static dev.authschema.codegen.java.AdapterCode.override;
import static dev.authschema.contract.CanonicalProperty.USER_ID;
import static dev.authschema.contract.CanonicalProperty.USER_PASSWORD_HASH;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.authschema.dsl.resolve.ScalarType;
import java.util.Objects;
import java.util.Optional;

/**
 * The adapter's {@code PASSWORDS} methods, for a schema whose User model has the {@code passwordHash} property. They
 * read and write that one column by the user's id and nothing else, so the hash never reaches an {@code AdapterUser}
 * (it is no extra field either) and {@code createUser} and {@code updateUser} never touch it.
 *
 * <p>A string id is compared exactly: a PAD SPACE database (Derby) finds and would update the user {@code "a"} for the
 * id {@code "a "}, so the read compares the id it gets back and the write looks the id up before it updates.
 */
final class PasswordMethods {

    private PasswordMethods() {}

    static void addTo(TypeSpec.Builder type, AdapterModels models) {
        type.addMethod(getPasswordHash(models)).addMethod(setPasswordHash(models));
    }

    private static MethodSpec getPasswordHash(AdapterModels models) {
        RoleModel user = models.user;
        MethodSpec.Builder method = override("getPasswordHash")
                .returns(optionalOf(ClassName.get(String.class)))
                .addParameter(String.class, "userId")
                .addJavadoc("The one column, in one query.\n");
        String key = models.keys.declare(method, "userId");
        method.beginControlFlow("if ($N == null)", key)
                .addStatement("return $T.empty()", Optional.class)
                .endControlFlow();
        String id = user.path("u", USER_ID);
        String hash = user.path("u", USER_PASSWORD_HASH);
        Jpql select;
        QueryCall query;
        if (user.type(USER_ID) == ScalarType.STRING) {
            select = Jpql.of("SELECT " + id + ", " + hash + " FROM " + user.name() + " u")
                    .where(id + " = :id");
            query = QueryCall.select(select, ArrayTypeName.of(Object.class))
                    .parameter("id", key)
                    .rows()
                    .then(".filter(row -> $N.equals(row[0]))", key)
                    .then(".findFirst()")
                    .then(".map(row -> ($T) row[1])", String.class);
        } else {
            select = Jpql.of("SELECT " + hash + " FROM " + user.name() + " u").where(id + " = :id");
            query = QueryCall.select(select, ClassName.get(String.class))
                    .parameter("id", key)
                    .rows()
                    .then(".filter($T::nonNull)", Objects.class)
                    .then(".findFirst()");
        }
        return method.addStatement(AdapterCode.readQuery(query)).build();
    }

    private static MethodSpec setPasswordHash(AdapterModels models) {
        RoleModel user = models.user;
        MethodSpec.Builder method = override("setPasswordHash")
                .addParameter(String.class, "userId")
                .addParameter(String.class, "passwordHash")
                .addJavadoc("Writes the one column and leaves the rest of the user as it is.\n");
        String key = models.keys.declare(method, "userId");
        method.beginControlFlow("if ($N == null)", key)
                .addStatement("throw new $T($S, null)", AdapterCode.UNKNOWN_USER, "setPasswordHash")
                .endControlFlow();
        String id = user.path("u", USER_ID);
        Jpql update = Jpql.of(
                        "UPDATE " + user.name() + " u SET " + user.path("u", USER_PASSWORD_HASH) + " = :passwordHash")
                .where(id + " = :id");
        CodeBlock updateCall = QueryCall.bulk(update)
                .parameter("passwordHash", "passwordHash")
                .parameter("id", key)
                .then(".executeUpdate()")
                .code();
        CodeBlock.Builder body = CodeBlock.builder();
        if (user.type(USER_ID) == ScalarType.STRING) {
            Jpql select =
                    Jpql.of("SELECT " + id + " FROM " + user.name() + " u").where(id + " = :id");
            body.add("// The exact id first: the UPDATE alone would also change the user \"a\" for \"a \" on Derby.\n")
                    .addStatement(
                            "boolean stored = entityManager\n$L",
                            QueryCall.select(select, ClassName.get(String.class))
                                    .parameter("id", key)
                                    .rows()
                                    .then(".anyMatch($N::equals)", key)
                                    .code())
                    .beginControlFlow("if (!stored)")
                    .addStatement("throw new $T($S, null)", AdapterCode.UNKNOWN_USER, "setPasswordHash")
                    .endControlFlow()
                    .addStatement("entityManager\n$L", updateCall);
        } else {
            body.addStatement("int updated = entityManager\n$L", updateCall)
                    .beginControlFlow("if (updated == 0)")
                    .addStatement("throw new $T($S, null)", AdapterCode.UNKNOWN_USER, "setPasswordHash")
                    .endControlFlow();
        }
        body.add("// A bulk update bypasses the shared cache: drop the cached user too.\n")
                .addStatement(
                        "entityManager.getEntityManagerFactory().getCache().evict($T.class, $N)", user.entity, key)
                .addStatement("return null");
        return method.addCode(AdapterCode.run(named("setPasswordHash"), body.build()))
                .build();
    }
}
