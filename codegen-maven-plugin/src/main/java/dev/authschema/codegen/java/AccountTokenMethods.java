package dev.authschema.codegen.java;

import static dev.authschema.codegen.java.AccountMethods.ADAPTER_ACCOUNT;
import static dev.authschema.codegen.java.AdapterCode.named;
import static dev.authschema.codegen.java.AdapterCode.override;
import static dev.authschema.contract.CanonicalProperty.ACCOUNT_EXPIRES_AT;
import static dev.authschema.contract.CanonicalProperty.ACCOUNT_PROVIDER;
import static dev.authschema.contract.CanonicalProperty.ACCOUNT_PROVIDER_ACCOUNT_ID;
import static dev.authschema.contract.CanonicalProperty.ACCOUNT_TYPE;
import static dev.authschema.contract.CanonicalProperty.ACCOUNT_USER_ID;
import static dev.authschema.contract.CanonicalProperty.USER_ID;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.authschema.contract.CanonicalProperty;
import dev.authschema.contract.Role;
import dev.authschema.dsl.resolve.ScalarType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The adapter's methods for the tokens stored on accounts. {@code listAccountsByUserId} finds a user's account at a
 * provider. {@code updateAccount} is one transaction that reads the account row with
 * {@code LockModeType.PESSIMISTIC_WRITE} ({@code SELECT ... FOR UPDATE}; Derby's {@code FOR UPDATE WITH RS}), applies
 * the caller's change and writes the token columns and extra fields back. A concurrent update of the account, on any
 * server, waits at its own locking read and then sees this one's result. Relies on the {@code toAccount} and
 * {@code writeAccountExtras} methods the account part of the adapter writes.
 */
final class AccountTokenMethods {

    private static final ClassName UNKNOWN_ACCOUNT = Types.adapter("UnknownAccountException");
    /** The account's key and owner: {@code checkAccountChange} refuses changes of them, so they are not written. */
    private static final Set<CanonicalProperty> IDENTITY =
            EnumSet.of(ACCOUNT_USER_ID, ACCOUNT_TYPE, ACCOUNT_PROVIDER, ACCOUNT_PROVIDER_ACCOUNT_ID);

    private AccountTokenMethods() {}

    static void addTo(TypeSpec.Builder type, AdapterModels models) {
        type.addMethod(listByUserId(models)).addMethod(updateAccount(models));
    }

    private static MethodSpec updateAccount(AdapterModels models) {
        RoleModel account = models.account;
        AccountColumns columns = new AccountColumns(account);
        QueryCall lockingRead = QueryCall.select(columns.byKey(), account.entity)
                .parameter("provider", "provider")
                .parameter("providerAccountId", "providerAccountId")
                .then(".setLockMode($T.PESSIMISTIC_WRITE)", Types.jpa("LockModeType"))
                .hint(QueryCall.Hint.BYPASS_CACHE)
                .rows()
                .then("$L", columns.sameKey("provider", "providerAccountId"))
                .then(".findFirst()")
                .then(".orElseThrow(() -> new $T(provider))", UNKNOWN_ACCOUNT);
        CodeBlock.Builder body = CodeBlock.builder()
                .addStatement("$T entity = entityManager\n$L", account.entity, lockingRead.code())
                .addStatement("$T stored = toAccount(entity)", ADAPTER_ACCOUNT)
                .addStatement(
                        "$T changed = $T.checkAccountChange(stored, change.apply(stored))",
                        ADAPTER_ACCOUNT,
                        Types.AUTH_ADAPTER)
                .beginControlFlow("if (changed.equals(stored))")
                .addStatement("return stored")
                .endControlFlow();
        for (CanonicalProperty property : CanonicalProperty.recordComponents(Role.ACCOUNT)) {
            if (IDENTITY.contains(property) || !account.has(property)) {
                continue;
            }
            if (property == ACCOUNT_EXPIRES_AT && columns.expiresAtConverted()) {
                body.addStatement("$T expiresAt = changed.expiresAt()", Long.class)
                        .addStatement(
                                "entity.$N($L)",
                                account.setter(property),
                                columns.expiresAtToEntity(CodeBlock.of("expiresAt")));
            } else {
                body.addStatement(
                        "entity.$N(changed.$N())",
                        account.setter(property),
                        property.accessor().orElseThrow());
            }
        }
        body.addStatement("writeAccountExtras(entity, changed.extras())")
                .addStatement("entityManager.flush()")
                .addStatement("return toAccount(entity)");
        return override("updateAccount")
                .returns(ADAPTER_ACCOUNT)
                .addJavadoc("Holds the row's write lock from the read to the commit: concurrent updates of the account,"
                        + " on any server,\nrun one after the other.\n")
                .addParameter(String.class, "provider")
                .addParameter(String.class, "providerAccountId")
                .addParameter(ParameterizedTypeName.get(ClassName.get(UnaryOperator.class), ADAPTER_ACCOUNT), "change")
                .addCode(AdapterCode.write(named("updateAccount"), body.build()))
                .build();
    }

    private static MethodSpec listByUserId(AdapterModels models) {
        RoleModel account = models.account;
        ScalarType idType = models.user.type(USER_ID);
        CodeBlock key = switch (idType) {
            case INT -> CodeBlock.of("intKey(userId)");
            case BIGINT -> CodeBlock.of("longKey(userId)");
            default -> CodeBlock.of("userId");
        };
        Jpql byUser = Jpql.of("SELECT a FROM " + account.name() + " a")
                .where(account.path("a", ACCOUNT_USER_ID) + " = :userId");
        QueryCall query = QueryCall.select(byUser, account.entity)
                .parameter("userId", "key")
                .rows();
        MethodSpec.Builder list = override("listAccountsByUserId")
                .returns(ParameterizedTypeName.get(ClassName.get(List.class), ADAPTER_ACCOUNT))
                .addParameter(String.class, "userId")
                .addStatement("$T key = $L", Types.scalar(idType), key);
        if (idType == ScalarType.STRING) {
            // Exact comparison in Java: PAD SPACE collations find "a" for "a ".
            query.then(".filter(found -> key.equals($L))", account.get("found", ACCOUNT_USER_ID));
        } else {
            list.beginControlFlow("if (key == null)")
                    .addStatement("return $T.of()", List.class)
                    .endControlFlow();
        }
        query.then(".map($T::toAccount)", models.self).then(".toList()");
        return list.addStatement(AdapterCode.readQuery(query)).build();
    }
}
