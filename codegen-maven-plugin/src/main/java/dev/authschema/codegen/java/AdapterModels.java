package dev.authschema.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.authschema.contract.CanonicalProperty;
import dev.authschema.contract.Role;
import dev.authschema.dsl.resolve.FieldKind;
import dev.authschema.dsl.resolve.ResolvedField;
import dev.authschema.dsl.resolve.ResolvedSchema;
import dev.authschema.dsl.resolve.ScalarType;
import java.util.List;
import java.util.Optional;

/**
 * What every role's writer of the adapter needs to know of the schema: the model in each role (null when the schema
 * has none), the adapter's own class, how the user's key is written, and how a row refers to its user.
 */
final class AdapterModels {

    final ResolvedSchema schema;
    final String packageName;
    /** The generated adapter, for method references such as {@code JpaAuthAdapter::toUser}. */
    final ClassName self;

    final RoleModel user;
    final RoleModel account;
    final RoleModel session;
    final RoleModel token;
    final RoleModel authenticator;
    final RoleModel rateLimit;
    final UserKeys keys;

    AdapterModels(ResolvedSchema schema, String packageName) {
        this.schema = schema;
        this.packageName = packageName;
        this.self = ClassName.get(packageName, AdapterGenerator.ADAPTER);
        this.user = role(Role.USER);
        this.account = role(Role.ACCOUNT);
        this.session = role(Role.SESSION);
        this.token = role(Role.VERIFICATION_TOKEN);
        this.authenticator = role(Role.AUTHENTICATOR);
        this.rateLimit = role(Role.RATE_LIMIT);
        this.keys = new UserKeys(user);
    }

    private RoleModel role(Role role) {
        return schema.model(role).map(m -> new RoleModel(m, packageName)).orElse(null);
    }

    /** The record accessor of a property the runtime record carries, e.g. {@code providerAccountId}. */
    static String accessor(CanonicalProperty property) {
        return property.accessor().orElseThrow(() -> new IllegalArgumentException(property + " is not in the record"));
    }

    /** A key read from an entity as the contract's string id. */
    static CodeBlock idString(RoleModel model, CanonicalProperty property) {
        CodeBlock value = model.get("entity", property);
        return model.type(property) == ScalarType.STRING ? value : CodeBlock.of("$T.valueOf($L)", String.class, value);
    }

    /** The entity's value of a property, or {@code null} when the model has no field for it. */
    static CodeBlock getOrNull(RoleModel model, CanonicalProperty property) {
        return model.has(property) ? model.get("entity", property) : CodeBlock.of("null");
    }

    /**
     * Without a relation to the user model (NextAuth v3 schemas), or with {@code relationMode = "prisma"}, the
     * database has no foreign key to refuse an unknown user id, so the adapter looks the user up first; with one, the
     * violation is translated ({@code StoreOperation}). Expects the key in {@code userKey}.
     */
    CodeBlock userMustExist(RoleModel model, CanonicalProperty reference, String method) {
        boolean withoutForeignKeys =
                schema.datasource() != null && schema.datasource().relationModePrisma();
        if (relationToUser(model, reference).isPresent() && !withoutForeignKeys) {
            return CodeBlock.of("");
        }
        return CodeBlock.builder()
                .add(
                        withoutForeignKeys
                                ? CodeBlock.of("// relationMode = \"prisma\": no foreign key checks the user id.\n")
                                : CodeBlock.of(
                                        "// No relation to $L, so no foreign key checks the user id.\n", user.name()))
                .beginControlFlow("if (entityManager.find($T.class, userKey) == null)", user.entity)
                .addStatement("throw new $T($S, null)", AdapterCode.UNKNOWN_USER, method)
                .endControlFlow()
                .build();
    }

    /** The relation from a role model to its user whose foreign key is the given user reference, if there is one. */
    Optional<ResolvedField> relationToUser(RoleModel model, CanonicalProperty reference) {
        String referenceField = model.field(reference).orElseThrow().name();
        return model.model.fields().stream()
                .filter(f -> f.kind() == FieldKind.RELATION
                        && f.relation().isOwningSide()
                        && f.typeName().equals(user.name())
                        && f.relation().fields().equals(List.of(referenceField)))
                .findFirst();
    }
}
