package dev.authschema.codegen.java;

import static dev.authschema.codegen.java.AdapterCode.named;
import static dev.authschema.codegen.java.AdapterCode.optionalOf;
import static dev.authschema.codegen.java.AdapterCode.override;
import static dev.authschema.codegen.java.AdapterCode.writingUserId;
import static dev.authschema.codegen.java.AdapterModels.getOrNull;
import static dev.authschema.codegen.java.AdapterModels.idString;
import static dev.authschema.contract.CanonicalProperty.AUTHENTICATOR_COUNTER;
import static dev.authschema.contract.CanonicalProperty.AUTHENTICATOR_CREDENTIAL_BACKED_UP;
import static dev.authschema.contract.CanonicalProperty.AUTHENTICATOR_CREDENTIAL_DEVICE_TYPE;
import static dev.authschema.contract.CanonicalProperty.AUTHENTICATOR_CREDENTIAL_ID;
import static dev.authschema.contract.CanonicalProperty.AUTHENTICATOR_CREDENTIAL_PUBLIC_KEY;
import static dev.authschema.contract.CanonicalProperty.AUTHENTICATOR_PROVIDER_ACCOUNT_ID;
import static dev.authschema.contract.CanonicalProperty.AUTHENTICATOR_TRANSPORTS;
import static dev.authschema.contract.CanonicalProperty.AUTHENTICATOR_USER_ID;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.authschema.dsl.resolve.ScalarType;
import java.util.List;
import java.util.UUID;

/** The WebAuthn authenticators of the adapter: create, read by credential id, list by user, count signatures. */
final class AuthenticatorMethods {

    private static final ClassName ADAPTER_AUTHENTICATOR = Types.adapter("AdapterAuthenticator");

    private final AdapterModels models;
    private final RoleModel authenticator;

    AuthenticatorMethods(AdapterModels models) {
        this.models = models;
        this.authenticator = models.authenticator;
    }

    void addTo(TypeSpec.Builder adapter) {
        adapter.addMethod(createAuthenticator())
                .addMethod(getAuthenticator())
                .addMethod(listAuthenticatorsByUserId())
                .addMethod(updateAuthenticatorCounter())
                .addMethod(toAuthenticator());
    }

    /** The authenticator with the credential id {@code credentialId}, compared exactly. */
    private QueryCall byCredentialId() {
        Jpql byId = Jpql.of("SELECT a FROM " + authenticator.name() + " a")
                .where(authenticator.path("a", AUTHENTICATOR_CREDENTIAL_ID) + " = :credentialId");
        return QueryCall.select(byId, authenticator.entity)
                .parameter("credentialId", "credentialId")
                .rows()
                .then(
                        ".filter(found -> credentialId.equals($L))",
                        authenticator.get("found", AUTHENTICATOR_CREDENTIAL_ID))
                .then(".findFirst()");
    }

    /** The counter as the entity stores it: an {@code Int} column takes the contract's {@code long} or fails. */
    private CodeBlock counterToEntity(CodeBlock value) {
        return authenticator.type(AUTHENTICATOR_COUNTER) == ScalarType.INT
                ? CodeBlock.of("$T.toIntExact($L)", Math.class, value)
                : value;
    }

    private MethodSpec createAuthenticator() {
        CodeBlock.Builder body = CodeBlock.builder()
                .add(models.userMustExist(authenticator, AUTHENTICATOR_USER_ID, "createAuthenticator"))
                .addStatement("$T entity = new $T()", authenticator.entity, authenticator.entity);
        authenticator
                .idWithoutDefault()
                .ifPresent(id -> body.addStatement(
                        "entity.$N($T.randomUUID().toString())", authenticator.names.setter(id), UUID.class));
        body.addStatement("entity.$N(authenticator.credentialId())", authenticator.setter(AUTHENTICATOR_CREDENTIAL_ID))
                .addStatement("entity.$N(userKey)", authenticator.setter(AUTHENTICATOR_USER_ID))
                .addStatement(
                        "entity.$N(authenticator.providerAccountId())",
                        authenticator.setter(AUTHENTICATOR_PROVIDER_ACCOUNT_ID))
                .addStatement(
                        "entity.$N(authenticator.credentialPublicKey())",
                        authenticator.setter(AUTHENTICATOR_CREDENTIAL_PUBLIC_KEY))
                .addStatement(
                        "entity.$N($L)",
                        authenticator.setter(AUTHENTICATOR_COUNTER),
                        counterToEntity(CodeBlock.of("authenticator.counter()")))
                .addStatement(
                        "entity.$N(authenticator.credentialDeviceType())",
                        authenticator.setter(AUTHENTICATOR_CREDENTIAL_DEVICE_TYPE))
                .addStatement(
                        "entity.$N(authenticator.credentialBackedUp())",
                        authenticator.setter(AUTHENTICATOR_CREDENTIAL_BACKED_UP));
        if (authenticator.has(AUTHENTICATOR_TRANSPORTS)) {
            body.addStatement("entity.$N(authenticator.transports())", authenticator.setter(AUTHENTICATOR_TRANSPORTS));
        }
        body.addStatement("entityManager.persist(entity)")
                .addStatement("entityManager.flush()")
                .addStatement("return toAuthenticator(entity)");
        return override("createAuthenticator")
                .returns(ADAPTER_AUTHENTICATOR)
                .addParameter(ADAPTER_AUTHENTICATOR, "authenticator")
                .addStatement(
                        "$T userKey = $L",
                        models.keys.type(),
                        models.keys.required(CodeBlock.of("authenticator.userId()")))
                .addCode(AdapterCode.write(writingUserId("createAuthenticator"), body.build()))
                .build();
    }

    private MethodSpec getAuthenticator() {
        return override("getAuthenticator")
                .returns(optionalOf(ADAPTER_AUTHENTICATOR))
                .addParameter(String.class, "credentialId")
                .addStatement(AdapterCode.readQuery(byCredentialId().then(".map($T::toAuthenticator)", models.self)))
                .build();
    }

    private MethodSpec listAuthenticatorsByUserId() {
        TypeName list = ParameterizedTypeName.get(ClassName.get(List.class), ADAPTER_AUTHENTICATOR);
        MethodSpec.Builder method =
                override("listAuthenticatorsByUserId").returns(list).addParameter(String.class, "userId");
        String key = models.keys.declare(method, "userId");
        Jpql byUser = Jpql.of("SELECT a FROM " + authenticator.name() + " a")
                .where(authenticator.path("a", AUTHENTICATOR_USER_ID) + " = :userId");
        QueryCall query = QueryCall.select(byUser, authenticator.entity)
                .parameter("userId", key)
                .rows()
                .then(".map($T::toAuthenticator)", models.self)
                .then(".toList()");
        return method.beginControlFlow("if ($N == null)", key)
                .addStatement("return $T.of()", List.class)
                .endControlFlow()
                .addStatement(AdapterCode.readQuery(query))
                .build();
    }

    private MethodSpec updateAuthenticatorCounter() {
        QueryCall find = byCredentialId()
                .then(
                        ".orElseThrow(() -> new $T(\n$>$>$S + credentialId + $S))$<$<",
                        AdapterCode.ADAPTER_EXCEPTION,
                        "No " + authenticator.name() + " has the credential id \"",
                        "\".");
        CodeBlock body = CodeBlock.builder()
                .addStatement("$T entity = entityManager\n$L", authenticator.entity, find.code())
                .addStatement(
                        "entity.$N($L)",
                        authenticator.setter(AUTHENTICATOR_COUNTER),
                        counterToEntity(CodeBlock.of("newCounter")))
                .addStatement("entityManager.flush()")
                .addStatement("return toAuthenticator(entity)")
                .build();
        return override("updateAuthenticatorCounter")
                .returns(ADAPTER_AUTHENTICATOR)
                .addParameter(String.class, "credentialId")
                .addParameter(TypeName.LONG, "newCounter")
                .addCode(AdapterCode.write(named("updateAuthenticatorCounter"), body))
                .build();
    }

    private MethodSpec toAuthenticator() {
        CodeBlock counter = authenticator.get("entity", AUTHENTICATOR_COUNTER);
        List<CodeBlock> arguments = List.of(
                authenticator.get("entity", AUTHENTICATOR_CREDENTIAL_ID),
                idString(authenticator, AUTHENTICATOR_USER_ID),
                authenticator.get("entity", AUTHENTICATOR_PROVIDER_ACCOUNT_ID),
                authenticator.get("entity", AUTHENTICATOR_CREDENTIAL_PUBLIC_KEY),
                CodeBlock.of("$L == null ? 0 : $L", counter, counter),
                authenticator.get("entity", AUTHENTICATOR_CREDENTIAL_DEVICE_TYPE),
                CodeBlock.of(
                        "$T.TRUE.equals($L)",
                        Boolean.class,
                        authenticator.get("entity", AUTHENTICATOR_CREDENTIAL_BACKED_UP)),
                getOrNull(authenticator, AUTHENTICATOR_TRANSPORTS));
        return AdapterCode.helper("toAuthenticator")
                .returns(ADAPTER_AUTHENTICATOR)
                .addParameter(authenticator.entity, "entity")
                .addStatement(AdapterCode.newRecord(ADAPTER_AUTHENTICATOR, arguments))
                .build();
    }
}
