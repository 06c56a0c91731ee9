package dev.authschema.codegen.java;

import static dev.authschema.codegen.java.AdapterCode.named;
import static dev.authschema.codegen.java.AdapterCode.optionalOf;
import static dev.authschema.codegen.java.AdapterCode.override;
import static dev.authschema.contract.CanonicalProperty.VERIFICATION_TOKEN_EXPIRES;
import static dev.authschema.contract.CanonicalProperty.VERIFICATION_TOKEN_IDENTIFIER;
import static dev.authschema.contract.CanonicalProperty.VERIFICATION_TOKEN_TOKEN;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The verification tokens of the adapter: create, use once (atomically), {@code toVerificationToken}. */
final class VerificationTokenMethods {

    private static final ClassName VERIFICATION_TOKEN = Types.adapter("VerificationToken");

    private final RoleModel token;

    VerificationTokenMethods(AdapterModels models) {
        this.token = models.token;
    }

    void addTo(TypeSpec.Builder adapter) {
        adapter.addMethod(createVerificationToken())
                .addMethod(useVerificationToken())
                .addMethod(toVerificationToken());
    }

    private MethodSpec createVerificationToken() {
        CodeBlock.Builder body = CodeBlock.builder().addStatement("$T entity = new $T()", token.entity, token.entity);
        token.idWithoutDefault()
                .ifPresent(id ->
                        body.addStatement("entity.$N($T.randomUUID().toString())", token.names.setter(id), UUID.class));
        body.addStatement("entity.$N(token.identifier())", token.setter(VERIFICATION_TOKEN_IDENTIFIER))
                .addStatement("entity.$N(token.token())", token.setter(VERIFICATION_TOKEN_TOKEN))
                .addStatement("entity.$N(token.expires())", token.setter(VERIFICATION_TOKEN_EXPIRES))
                .addStatement("entityManager.persist(entity)")
                .addStatement("entityManager.flush()")
                .addStatement("return toVerificationToken(entity)");
        return override("createVerificationToken")
                .returns(VERIFICATION_TOKEN)
                .addParameter(VERIFICATION_TOKEN, "token")
                .addCode(AdapterCode.write(named("createVerificationToken"), body.build()))
                .build();
    }

    private Jpql matching(String head) {
        return Jpql.of(head + " FROM " + token.name() + " t")
                .where(token.path("t", VERIFICATION_TOKEN_IDENTIFIER) + " = :identifier")
                .and(token.path("t", VERIFICATION_TOKEN_TOKEN) + " = :token");
    }

    private MethodSpec useVerificationToken() {
        QueryCall find = QueryCall.select(matching("SELECT t"), token.entity)
                .parameter("identifier", "identifier")
                .parameter("token", "token")
                .hint(QueryCall.Hint.BYPASS_CACHE)
                .rows()
                .then(
                        ".filter(candidate -> identifier.equals($L)\n$>$>&& token.equals($L))$<$<",
                        token.get("candidate", VERIFICATION_TOKEN_IDENTIFIER),
                        token.get("candidate", VERIFICATION_TOKEN_TOKEN))
                .then(".findFirst()")
                .then(".orElse(null)");
        QueryCall delete = QueryCall.bulk(matching("DELETE"))
                .parameter("identifier", "identifier")
                .parameter("token", "token")
                .then(".executeUpdate()");
        CodeBlock body = CodeBlock.builder()
                .addStatement("$T found = entityManager\n$L", token.entity, find.code())
                .beginControlFlow("if (found == null)")
                .addStatement("return $T.<$T>empty()", Optional.class, VERIFICATION_TOKEN)
                .endControlFlow()
                .addStatement("int deleted = entityManager\n$L", delete.code())
                .addStatement(
                        "return deleted == 1\n? $T.of(toVerificationToken(found))\n: $T.<$T>empty()",
                        Optional.class,
                        Optional.class,
                        VERIFICATION_TOKEN)
                .build();
        return override("useVerificationToken")
                .returns(optionalOf(VERIFICATION_TOKEN))
                .addParameter(String.class, "identifier")
                .addParameter(String.class, "token")
                .addJavadoc("Atomic: of concurrent callers, only the one whose delete removed the row gets the"
                        + " token.\n")
                .addCode(AdapterCode.write(named("useVerificationToken"), body))
                .build();
    }

    private MethodSpec toVerificationToken() {
        List<CodeBlock> arguments = List.of(
                token.get("entity", VERIFICATION_TOKEN_IDENTIFIER),
                token.get("entity", VERIFICATION_TOKEN_TOKEN),
                token.get("entity", VERIFICATION_TOKEN_EXPIRES));
        return AdapterCode.helper("toVerificationToken")
                .returns(VERIFICATION_TOKEN)
                .addParameter(token.entity, "entity")
                .addStatement(AdapterCode.newRecord(VERIFICATION_TOKEN, arguments))
                .build();
    }
}
