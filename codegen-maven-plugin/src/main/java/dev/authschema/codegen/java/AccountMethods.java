package dev.authschema.codegen.java;

import static dev.authschema.codegen.java.AdapterCode.named;
import static dev.authschema.codegen.java.AdapterCode.optionalOf;
import static dev.authschema.codegen.java.AdapterCode.override;
import static dev.authschema.codegen.java.AdapterModels.accessor;
import static dev.authschema.codegen.java.AdapterModels.getOrNull;
import static dev.authschema.codegen.java.AdapterModels.idString;
import static dev.authschema.contract.CanonicalProperty.ACCOUNT_COMPOUND_ID;
import static dev.authschema.contract.CanonicalProperty.ACCOUNT_EXPIRES_AT;
import static dev.authschema.contract.CanonicalProperty.ACCOUNT_PROVIDER;
import static dev.authschema.contract.CanonicalProperty.ACCOUNT_PROVIDER_ACCOUNT_ID;
import static dev.authschema.contract.CanonicalProperty.ACCOUNT_USER_ID;
import static dev.authschema.contract.CanonicalProperty.USER_ID;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.authschema.contract.CanonicalProperty;
import dev.authschema.contract.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The accounts of the adapter, one method per contract operation: {@code getUserByAccount}, {@code linkAccount},
 * {@code unlinkAccount}, {@code getAccount}, then {@code toAccount} and the extras. A new operation is one more
 * method here (or a writer of its own, using {@link AccountColumns}) and one line in {@link #addTo}.
 */
final class AccountMethods {

    static final ClassName ADAPTER_ACCOUNT = Types.adapter("AdapterAccount");
    private static final ClassName DUPLICATE_ACCOUNT = Types.adapter("DuplicateAccountException");

    private final AdapterModels models;
    private final RoleModel account;
    private final AccountColumns columns;

    AccountMethods(AdapterModels models) {
        this.models = models;
        this.account = models.account;
        this.columns = new AccountColumns(account);
    }

    void addTo(TypeSpec.Builder adapter) {
        adapter.addMethod(getUserByAccount())
                .addMethod(linkAccount())
                .addMethod(unlinkAccount())
                .addMethod(getAccount())
                .addMethod(toAccount());
        ExtraFieldMethods.addTo(adapter, account, "Account", models.packageName);
        AccountTokenMethods.addTo(adapter, models);
    }

    private MethodSpec getUserByAccount() {
        RoleModel user = models.user;
        String provider = account.path("a", ACCOUNT_PROVIDER);
        String providerAccountId = account.path("a", ACCOUNT_PROVIDER_ACCOUNT_ID);
        Jpql join = Jpql.of("SELECT u, " + provider + ", " + providerAccountId + " FROM " + user.name() + " u, "
                        + account.name() + " a")
                .where(user.path("u", USER_ID) + " = " + account.path("a", ACCOUNT_USER_ID))
                .and(provider + " = :provider")
                .and(providerAccountId + " = :providerAccountId");
        QueryCall query = QueryCall.select(join, ArrayTypeName.of(Object.class))
                .parameter("provider", "provider")
                .parameter("providerAccountId", "providerAccountId")
                .rows()
                .then(".filter(row -> provider.equals(row[1]) && providerAccountId.equals(row[2]))")
                .then(".findFirst()")
                .then(".map(row -> toUser(($T) row[0]))", user.entity);
        return override("getUserByAccount")
                .returns(optionalOf(UserMethods.ADAPTER_USER))
                .addParameter(String.class, "provider")
                .addParameter(String.class, "providerAccountId")
                .addStatement(AdapterCode.readQuery(query))
                .build();
    }

    private MethodSpec linkAccount() {
        CodeBlock.Builder body = CodeBlock.builder()
                .add(models.userMustExist(account, ACCOUNT_USER_ID, "linkAccount"))
                .addStatement(
                        "boolean linked = !entityManager\n$L",
                        QueryCall.select(columns.byKey(), account.entity)
                                .parameter("provider", "account.provider()")
                                .parameter("providerAccountId", "account.providerAccountId()")
                                .then(".getResultList()")
                                .then(".isEmpty()")
                                .code())
                .beginControlFlow("if (linked)")
                .addStatement("throw new $T(account.provider(), account.providerAccountId(), null)", DUPLICATE_ACCOUNT)
                .endControlFlow()
                .addStatement("$T entity = new $T()", account.entity, account.entity);
        account.idWithoutDefault()
                .ifPresent(id -> body.addStatement(
                        "entity.$N($T.randomUUID().toString())", account.names.setter(id), UUID.class));
        body.addStatement("entity.$N(userKey)", account.setter(ACCOUNT_USER_ID));
        for (var property : CanonicalProperty.recordComponents(Role.ACCOUNT)) {
            if (property != ACCOUNT_USER_ID && property != ACCOUNT_EXPIRES_AT && account.has(property)) {
                body.addStatement("entity.$N(account.$N())", account.setter(property), accessor(property));
            }
        }
        if (account.has(ACCOUNT_EXPIRES_AT) && columns.expiresAtConverted()) {
            body.addStatement("$T expiresAt = account.expiresAt()", Long.class)
                    .addStatement(
                            "entity.$N($L)",
                            account.setter(ACCOUNT_EXPIRES_AT),
                            columns.expiresAtToEntity(CodeBlock.of("expiresAt")));
        } else if (account.has(ACCOUNT_EXPIRES_AT)) {
            body.addStatement("entity.$N(account.expiresAt())", account.setter(ACCOUNT_EXPIRES_AT));
        }
        if (account.has(ACCOUNT_COMPOUND_ID)) {
            body.addStatement(
                    "entity.$N($T.compoundId(account.provider(), account.providerAccountId()))",
                    account.setter(ACCOUNT_COMPOUND_ID),
                    Types.LEGACY);
        }
        body.addStatement("writeAccountExtras(entity, account.extras())")
                .addStatement("entityManager.persist(entity)")
                .addStatement("entityManager.flush()")
                .addStatement("return toAccount(entity)");
        return override("linkAccount")
                .returns(ADAPTER_ACCOUNT)
                .addParameter(ADAPTER_ACCOUNT, "account")
                .addStatement(
                        "$T userKey = $L", models.keys.type(), models.keys.required(CodeBlock.of("account.userId()")))
                .addCode(AdapterCode.write(
                        CodeBlock.of("$T.linkAccount(account)", AdapterCode.STORE_OPERATION), body.build()))
                .build();
    }

    /** Exact on every dialect: the bulk delete runs only if a row has exactly these keys (Derby pads on {@code =}). */
    private MethodSpec unlinkAccount() {
        QueryCall exact = QueryCall.select(columns.byKey(), account.entity)
                .parameter("provider", "provider")
                .parameter("providerAccountId", "providerAccountId")
                .rows()
                .then("$L", columns.sameKey("provider", "providerAccountId"))
                .then(".findAny()")
                .then(".isPresent()");
        Jpql delete = Jpql.of("DELETE FROM " + account.name() + " a")
                .where(account.path("a", ACCOUNT_PROVIDER) + " = :provider")
                .and(account.path("a", ACCOUNT_PROVIDER_ACCOUNT_ID) + " = :providerAccountId");
        QueryCall query = QueryCall.bulk(delete)
                .parameter("provider", "provider")
                .parameter("providerAccountId", "providerAccountId")
                .then(".executeUpdate()");
        CodeBlock body = CodeBlock.builder()
                .addStatement("boolean stored = entityManager\n$L", exact.code())
                .beginControlFlow("if (stored)")
                .addStatement("entityManager\n$L", query.code())
                .endControlFlow()
                .addStatement("return null")
                .build();
        return override("unlinkAccount")
                .addParameter(String.class, "provider")
                .addParameter(String.class, "providerAccountId")
                .addCode(AdapterCode.run(named("unlinkAccount"), body))
                .build();
    }

    private MethodSpec getAccount() {
        QueryCall query = QueryCall.select(columns.byKey(), account.entity)
                .parameter("provider", "provider")
                .parameter("providerAccountId", "providerAccountId")
                .rows()
                .then("$L", columns.sameKey("provider", "providerAccountId"))
                .then(".findFirst()")
                .then(".map($T::toAccount)", models.self);
        return override("getAccount")
                .returns(optionalOf(ADAPTER_ACCOUNT))
                .addParameter(String.class, "providerAccountId")
                .addParameter(String.class, "provider")
                .addStatement(AdapterCode.readQuery(query))
                .build();
    }

    /** The record's components in their order, as the contract table lists them. */
    private MethodSpec toAccount() {
        List<CodeBlock> arguments = new ArrayList<>();
        for (var property : CanonicalProperty.recordComponents(Role.ACCOUNT)) {
            if (property == ACCOUNT_USER_ID) {
                arguments.add(idString(account, property));
            } else if (property == ACCOUNT_EXPIRES_AT) {
                arguments.add(
                        account.has(property)
                                ? columns.expiresAtFromEntity(account.get("entity", property))
                                : CodeBlock.of("null"));
            } else {
                arguments.add(getOrNull(account, property));
            }
        }
        arguments.add(CodeBlock.of("readAccountExtras(entity)"));
        return AdapterCode.helper("toAccount")
                .returns(ADAPTER_ACCOUNT)
                .addParameter(account.entity, "entity")
                .addStatement(AdapterCode.newRecord(ADAPTER_ACCOUNT, arguments))
                .build();
    }
}
