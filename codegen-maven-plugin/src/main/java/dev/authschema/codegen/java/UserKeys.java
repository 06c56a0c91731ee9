package dev.authschema.codegen.java;

import static dev.authschema.contract.CanonicalProperty.USER_ID;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.authschema.dsl.resolve.ScalarType;

/**
 * The user's key in the generated adapter: the contract's ids are strings, the schema's may be numbers
 * ({@code Int} or {@code BigInt} with {@code autoincrement()}), parsed by {@code intKey}/{@code longKey}.
 */
final class UserKeys {

    private final RoleModel user;
    private final ScalarType type;

    UserKeys(RoleModel user) {
        this.user = user;
        this.type = user.type(USER_ID);
    }

    /** The Java type of the key. */
    TypeName type() {
        return Types.scalar(type);
    }

    /** The key for a contract id, or null when the string cannot be one (then no row can match). */
    CodeBlock key(CodeBlock id) {
        return switch (type) {
            case INT -> CodeBlock.of("intKey($L)", id);
            case BIGINT -> CodeBlock.of("longKey($L)", id);
            default -> id;
        };
    }

    /**
     * Makes the key of {@code id} a local variable and says which: {@code id} itself when it is a string parameter
     * already, else {@code key}, declared as {@code Integer key = intKey(id);}.
     */
    String declare(MethodSpec.Builder method, String id) {
        if (type == ScalarType.STRING && id.matches("\\w+")) {
            return id;
        }
        method.addStatement("$T key = $L", type(), key(CodeBlock.of(id)));
        return "key";
    }

    /** The key for a contract id that must be valid: a user reference being written. */
    CodeBlock required(CodeBlock id) {
        return type == ScalarType.STRING ? id : CodeBlock.of("requireKey($L, $L, $S)", key(id), id, user.name());
    }

    /** {@code intKey}/{@code longKey} and {@code requireKey}, for a numeric key. */
    void addParsersTo(TypeSpec.Builder adapter) {
        if (type == ScalarType.STRING) {
            return;
        }
        TypeName boxed = type();
        String parse = type == ScalarType.INT ? "Integer" : "Long";
        adapter.addMethod(AdapterCode.helper(type == ScalarType.INT ? "intKey" : "longKey")
                .returns(boxed)
                .addParameter(String.class, "id")
                .addJavadoc("The numeric id written as the string {@code id}, or null when it is not one.\n")
                .beginControlFlow("try")
                .addStatement("return id == null ? null : $L.valueOf(id)", parse)
                .nextControlFlow("catch ($T e)", NumberFormatException.class)
                .addStatement("return null")
                .endControlFlow()
                .build());
        adapter.addMethod(AdapterCode.helper("requireKey")
                .returns(boxed)
                .addParameter(boxed, "key")
                .addParameter(String.class, "id")
                .addParameter(String.class, "model")
                .beginControlFlow("if (key == null)")
                .addStatement(
                        "throw new $T($S + id + $S + model + $S)",
                        AdapterCode.ADAPTER_EXCEPTION,
                        "\"",
                        "\" is not an id of ",
                        ": its ids are numbers.")
                .endControlFlow()
                .addStatement("return key")
                .build());
    }
}
