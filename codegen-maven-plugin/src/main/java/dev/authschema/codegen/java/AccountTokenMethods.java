package dev.authschema.codegen.java;

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
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.lang.model.element.Modifier;

/**
 * The adapter's methods for the tokens stored on accounts. {@code listAccountsByUserId} finds a user's account at a
 * provider. {@code updateAccount} is one transaction that reads the account row with
 * {@code LockModeType.PESSIMISTIC_WRITE} ({@code SELECT ... FOR UPDATE}; Derby's {@code FOR UPDATE WITH RS}), applies
 * the caller's change and writes the token columns and extra fields back. A concurrent update of the account, on any
 * server, waits at its own locking read and then sees this one's result. Relies on the {@code toAccount} and
 * {@code writeAccountExtras} methods the account part of the adapter writes.
 */
final class AccountTokenMethods {

    private static final ClassName ADAPTER_ACCOUNT = Types.adapter("AdapterAccount");
    private static final ClassName UNKNOWN_ACCOUNT = Types.adapter("UnknownAccountException");
    private static final ClassName STORE_OPERATION = Types.jpaSupport("StoreOperation");
    /** The account's key and owner: {@code checkAccountChange} refuses changes of them, so they are not written. */
    private static final Set<CanonicalProperty> IDENTITY =
            EnumSet.of(ACCOUNT_USER_ID, ACCOUNT_TYPE, ACCOUNT_PROVIDER, ACCOUNT_PROVIDER_ACCOUNT_ID);
    /** Reads the row from the database, not from a cache: another server may have changed it. */
    private static final String BYPASS_CACHE = "jakarta.persistence.cache.retrieveMode";

    private AccountTokenMethods() {
    }

    static void addTo(TypeSpec.Builder type, RoleModel account, RoleModel user) {
        type.addMethod(listByUserId(account, user));
        String byKey = "SELECT a FROM " + account.name() + " a WHERE " + account.path("a", ACCOUNT_PROVIDER)
                + " = :provider AND " + account.path("a", ACCOUNT_PROVIDER_ACCOUNT_ID) + " = :providerAccountId";
        MethodSpec.Builder update = MethodSpec.methodBuilder("updateAccount").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(ADAPTER_ACCOUNT)
                .addJavadoc("Holds the row's write lock from the read to the commit: concurrent updates of the account,"
                        + " on any server,\nrun one after the other.\n")
                .addParameter(String.class, "provider").addParameter(String.class, "providerAccountId")
                .addParameter(ParameterizedTypeName.get(ClassName.get(UnaryOperator.class), ADAPTER_ACCOUNT), "change")
                .addCode("return store.write($T.named($S), entityManager -> {\n$>", STORE_OPERATION, "updateAccount")
                .addStatement("$T entity = entityManager.createQuery($S, $T.class)\n$>"
                                + ".setParameter($S, provider)\n.setParameter($S, providerAccountId)\n"
                                + ".setLockMode($T.PESSIMISTIC_WRITE)\n.setHint($S, $T.BYPASS)\n.getResultStream()\n"
                                + ".filter(found -> provider.equals($L)\n$>$>&& providerAccountId.equals($L))$<$<\n"
                                + ".findFirst()\n.orElseThrow(() -> new $T(provider))$<",
                        account.entity, byKey, account.entity, "provider", "providerAccountId",
                        Types.jpa("LockModeType"), BYPASS_CACHE, Types.jpa("CacheRetrieveMode"),
                        account.get("found", ACCOUNT_PROVIDER), account.get("found", ACCOUNT_PROVIDER_ACCOUNT_ID),
                        UNKNOWN_ACCOUNT)
                .addStatement("$T stored = toAccount(entity)", ADAPTER_ACCOUNT)
                .addStatement("$T changed = $T.checkAccountChange(stored, change.apply(stored))", ADAPTER_ACCOUNT,
                        Types.AUTH_ADAPTER)
                .beginControlFlow("if (changed.equals(stored))")
                .addStatement("return stored")
                .endControlFlow();
        for (CanonicalProperty property : CanonicalProperty.recordComponents(Role.ACCOUNT)) {
            if (IDENTITY.contains(property) || !account.has(property)) {
                continue;
            }
            CodeBlock value = CodeBlock.of("changed.$N()", property.accessor().orElseThrow());
            update.addStatement("entity.$N($L)", account.setter(property),
                    property == ACCOUNT_EXPIRES_AT ? expiresAtToEntity(account, value) : value);
        }
        type.addMethod(update.addStatement("writeAccountExtras(entity, changed.extras())")
                .addStatement("entityManager.flush()")
                .addStatement("return toAccount(entity)")
                .addCode("$<});\n").build());
    }

    private static MethodSpec listByUserId(RoleModel account, RoleModel user) {
        ScalarType idType = user.type(USER_ID);
        CodeBlock key = switch (idType) {
            case INT -> CodeBlock.of("intKey(userId)");
            case BIGINT -> CodeBlock.of("longKey(userId)");
            default -> CodeBlock.of("userId");
        };
        MethodSpec.Builder list = MethodSpec.methodBuilder("listAccountsByUserId").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(List.class), ADAPTER_ACCOUNT))
                .addParameter(String.class, "userId")
                .addStatement("$T key = $L", Types.scalar(idType), key);
        if (idType == ScalarType.STRING) {
            // Exact comparison in Java: PAD SPACE collations find "a" for "a ".
            return list.addStatement("return store.read(entityManager -> entityManager\n$>.createQuery($S, $T.class)\n"
                            + ".setParameter($S, key)\n.getResultStream()\n.filter(found -> key.equals($L))\n"
                            + ".map($T::toAccount).toList())$<", byUser(account), account.entity, "userId",
                    account.get("found", ACCOUNT_USER_ID), ClassName.get("", AdapterGenerator.ADAPTER)).build();
        }
        return list.beginControlFlow("if (key == null)").addStatement("return $T.of()", List.class).endControlFlow()
                .addStatement("return store.read(entityManager -> entityManager\n$>.createQuery($S, $T.class)\n"
                                + ".setParameter($S, key)\n.getResultStream().map($T::toAccount).toList())$<",
                        byUser(account), account.entity, "userId", ClassName.get("", AdapterGenerator.ADAPTER))
                .build();
    }

    private static String byUser(RoleModel account) {
        return "SELECT a FROM " + account.name() + " a WHERE " + account.path("a", ACCOUNT_USER_ID) + " = :userId";
    }

    /** {@code expires_at} is epoch seconds in the contract; the column may be Int, BigInt, or v3's DateTime. */
    private static CodeBlock expiresAtToEntity(RoleModel account, CodeBlock value) {
        return switch (account.type(ACCOUNT_EXPIRES_AT)) {
            case DATETIME -> CodeBlock.of("$L == null ? null : $T.ofEpochSecond($L)", value, Instant.class, value);
            case INT -> CodeBlock.of("$L == null ? null : $T.toIntExact($L)", value, Math.class, value);
            default -> value;
        };
    }
}
