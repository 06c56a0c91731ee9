package dev.authschema.codegen.java;

import static dev.authschema.codegen.java.AdapterCode.named;
import static dev.authschema.codegen.java.AdapterCode.optionalOf;
import static dev.authschema.codegen.java.AdapterCode.override;
import static dev.authschema.codegen.java.AdapterModels.accessor;
import static dev.authschema.codegen.java.AdapterModels.getOrNull;
import static dev.authschema.codegen.java.AdapterModels.idString;
import static dev.authschema.contract.CanonicalProperty.ACCOUNT_USER_ID;
import static dev.authschema.contract.CanonicalProperty.AUTHENTICATOR_USER_ID;
import static dev.authschema.contract.CanonicalProperty.SESSION_USER_ID;
import static dev.authschema.contract.CanonicalProperty.USER_EMAIL;
import static dev.authschema.contract.CanonicalProperty.USER_EMAIL_VERIFIED;
import static dev.authschema.contract.CanonicalProperty.USER_ID;
import static dev.authschema.contract.CanonicalProperty.USER_IMAGE;
import static dev.authschema.contract.CanonicalProperty.USER_NAME;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.authschema.codegen.ConstraintNames;
import dev.authschema.contract.CanonicalProperty;
import dev.authschema.contract.Role;
import dev.authschema.dsl.resolve.DefaultValue;
import dev.authschema.dsl.resolve.ResolvedField;
import dev.authschema.dsl.resolve.ScalarType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The users of the adapter: create, read by id and by e-mail, update, delete with what they own, {@code toUser}. */
final class UserMethods {

    static final ClassName ADAPTER_USER = Types.adapter("AdapterUser");
    private static final ClassName USER_UPDATE = Types.adapter("UserUpdate");

    private final AdapterModels models;
    private final RoleModel user;

    UserMethods(AdapterModels models) {
        this.models = models;
        this.user = models.user;
    }

    void addTo(TypeSpec.Builder adapter) {
        adapter.addMethod(createUser())
                .addMethod(getUser())
                .addMethod(getUserByEmail())
                .addMethod(updateUser())
                .addMethod(deleteUser())
                .addMethod(toUser());
        ExtraFieldMethods.addTo(adapter, user, "User", models.packageName);
    }

    private MethodSpec createUser() {
        ResolvedField id = user.field(USER_ID).orElseThrow();
        CodeBlock.Builder body = CodeBlock.builder().addStatement("$T entity = new $T()", user.entity, user.entity);
        if (id.defaultValue() instanceof DefaultValue.AutoIncrement) {
            body.add("// The database numbers users: a given id is not used.\n");
        } else if (id.scalarType() == ScalarType.STRING && id.defaultValue() == null) {
            body.addStatement(
                    "entity.$N(user.id() != null ? user.id() : $T.randomUUID().toString())",
                    user.setter(USER_ID),
                    UUID.class);
        } else {
            body.beginControlFlow("if (user.id() != null)")
                    .addStatement(
                            "entity.$N($L)", user.setter(USER_ID), models.keys.required(CodeBlock.of("user.id()")))
                    .endControlFlow();
        }
        for (var property : List.of(USER_NAME, USER_EMAIL, USER_EMAIL_VERIFIED, USER_IMAGE)) {
            if (user.has(property)) {
                body.addStatement("entity.$N(user.$N())", user.setter(property), accessor(property));
            }
        }
        body.addStatement("writeUserExtras(entity, user.extras())")
                .addStatement("entityManager.persist(entity)")
                .addStatement("entityManager.flush()")
                .addStatement("return toUser(entity)");
        return override("createUser")
                .returns(ADAPTER_USER)
                .addParameter(ADAPTER_USER, "user")
                .addCode(AdapterCode.write(storeOperation("createUser", "user"), body.build()))
                .build();
    }

    /**
     * {@code StoreOperation.createUser(user, "User_email_key")}: the name of the e-mail address's unique constraint
     * tells a taken address from a duplicate of another key (the id, a unique field of the application's own).
     */
    private CodeBlock storeOperation(String method, String argument) {
        return emailKey()
                .map(key -> CodeBlock.of("$T.$L($L, $S)", AdapterCode.STORE_OPERATION, method, argument, key))
                .orElse(CodeBlock.of("$T.$L($L)", AdapterCode.STORE_OPERATION, method, argument));
    }

    private Optional<String> emailKey() {
        Optional<ResolvedField> email = user.field(USER_EMAIL);
        if (email.isEmpty()) {
            return Optional.empty();
        }
        ConstraintNames names = new ConstraintNames();
        return names.uniqueConstraints(user.model).stream()
                .filter(unique -> unique.fields().equals(List.of(email.get().name())))
                .map(unique -> names.uniqueName(user.model, unique))
                .findFirst();
    }

    private MethodSpec getUser() {
        MethodSpec.Builder method =
                override("getUser").returns(optionalOf(ADAPTER_USER)).addParameter(String.class, "id");
        String key = models.keys.declare(method, "id");
        return method.beginControlFlow("if ($N == null)", key)
                .addStatement("return $T.empty()", Optional.class)
                .endControlFlow()
                .addStatement(
                        "return store.read(entityManager -> $T.ofNullable(entityManager.find($T.class, $N))\n"
                                + ".map($T::toUser))",
                        Optional.class,
                        user.entity,
                        key,
                        models.self)
                .build();
    }

    private MethodSpec getUserByEmail() {
        MethodSpec.Builder method =
                override("getUserByEmail").returns(optionalOf(ADAPTER_USER)).addParameter(String.class, "email");
        if (!user.has(USER_EMAIL)) {
            return method.addComment("The $L model has no email field.", user.name())
                    .addStatement("return $T.empty()", Optional.class)
                    .build();
        }
        Jpql byEmail = Jpql.of("SELECT u FROM " + user.name() + " u").where(user.path("u", USER_EMAIL) + " = :email");
        return method.addStatement(AdapterCode.readQuery(QueryCall.select(byEmail, user.entity)
                        .parameter("email", "email")
                        .rows()
                        .then(".filter(found -> email.equals($L))", user.get("found", USER_EMAIL))
                        .then(".findFirst()")
                        .then(".map($T::toUser)", models.self)))
                .build();
    }

    private MethodSpec updateUser() {
        MethodSpec.Builder method = override("updateUser").returns(ADAPTER_USER).addParameter(USER_UPDATE, "update");
        String key = models.keys.declare(method, "update.userId()");
        CodeBlock.Builder body = CodeBlock.builder()
                .addStatement(
                        "$T entity = $N == null ? null : entityManager.find($T.class, $N)",
                        user.entity,
                        key,
                        user.entity,
                        key)
                .beginControlFlow("if (entity == null)")
                .addStatement("throw new $T($S, null)", AdapterCode.UNKNOWN_USER, "updateUser")
                .endControlFlow();
        for (var property : CanonicalProperty.updatable(Role.USER)) {
            if (user.has(property)) {
                body.beginControlFlow("if (update.isSet($T.Property.$L))", USER_UPDATE, property.updateConstant())
                        .addStatement("entity.$N(update.$N())", user.setter(property), accessor(property))
                        .endControlFlow();
            }
        }
        body.addStatement("writeUserExtras(entity, update.extras())")
                .addStatement("entityManager.flush()")
                .addStatement("return toUser(entity)");
        return method.addCode(AdapterCode.write(storeOperation("updateUser", "update"), body.build()))
                .build();
    }

    /** The rows that belong to a user: deleted with it. */
    private record Owned(RoleModel model, CanonicalProperty reference) {}

    private MethodSpec deleteUser() {
        MethodSpec.Builder method = override("deleteUser").addParameter(String.class, "id");
        String key = models.keys.declare(method, "id");
        method.beginControlFlow("if ($N == null)", key).addStatement("return").endControlFlow();
        CodeBlock.Builder body = CodeBlock.builder()
                .add("// Rows that belong to the user go first, whether or not the database cascades.\n");
        List<Owned> owned = new ArrayList<>();
        owned.add(new Owned(models.account, ACCOUNT_USER_ID));
        owned.add(new Owned(models.session, SESSION_USER_ID));
        owned.add(new Owned(models.authenticator, AUTHENTICATOR_USER_ID));
        for (Owned rows : owned) {
            if (rows.model() != null) {
                Jpql delete = Jpql.of("DELETE FROM " + rows.model().name() + " x")
                        .where(rows.model().path("x", rows.reference()) + " = :userId");
                body.addStatement(
                        "entityManager\n$L",
                        QueryCall.bulk(delete)
                                .parameter("userId", key)
                                .then(".executeUpdate()")
                                .code());
            }
        }
        Jpql delete = Jpql.of("DELETE FROM " + user.name() + " u").where(user.path("u", USER_ID) + " = :id");
        body.addStatement(
                        "entityManager\n$L",
                        QueryCall.bulk(delete)
                                .parameter("id", key)
                                .then(".executeUpdate()")
                                .code())
                .add("// A bulk delete bypasses the shared cache: drop the cached user too.\n")
                .addStatement(
                        "entityManager.getEntityManagerFactory().getCache().evict($T.class, $N)", user.entity, key)
                .addStatement("return null");
        return method.addCode(AdapterCode.run(named("deleteUser"), body.build()))
                .build();
    }

    private MethodSpec toUser() {
        List<CodeBlock> arguments = List.of(
                idString(user, USER_ID),
                getOrNull(user, USER_NAME),
                getOrNull(user, USER_EMAIL),
                getOrNull(user, USER_EMAIL_VERIFIED),
                getOrNull(user, USER_IMAGE),
                CodeBlock.of("readUserExtras(entity)"));
        return AdapterCode.helper("toUser")
                .returns(ADAPTER_USER)
                .addParameter(user.entity, "entity")
                .addStatement(AdapterCode.newRecord(ADAPTER_USER, arguments))
                .build();
    }
}
