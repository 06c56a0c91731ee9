package dev.authschema.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * The shapes every role's methods share: an {@code AuthAdapter} override, a private mapper, a transaction of the
 * {@code JpaStore} around a body or a query, and a record built from one argument per line.
 */
final class AdapterCode {

    static final ClassName STORE_OPERATION = Types.jpaSupport("StoreOperation");
    static final ClassName ADAPTER_EXCEPTION = Types.adapter("AdapterException");
    static final ClassName UNKNOWN_USER = Types.adapter("UnknownUserException");

    private AdapterCode() {}

    /** A public method of the adapter contract. */
    static MethodSpec.Builder override(String name) {
        return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
    }

    /** A private static helper, e.g. {@code toUser(entity)}. */
    static MethodSpec.Builder helper(String name) {
        return MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE, Modifier.STATIC);
    }

    static TypeName optionalOf(TypeName type) {
        return ParameterizedTypeName.get(ClassName.get(Optional.class), type);
    }

    /** {@code StoreOperation.named("op")}: a write whose failure needs no translation beyond the default. */
    static CodeBlock named(String operation) {
        return CodeBlock.of("$T.named($S)", STORE_OPERATION, operation);
    }

    /** {@code StoreOperation.writingUserId("op")}: a write whose foreign key violation means an unknown user. */
    static CodeBlock writingUserId(String operation) {
        return CodeBlock.of("$T.writingUserId($S)", STORE_OPERATION, operation);
    }

    /** {@code return store.write(operation, entityManager -> { body });} */
    static CodeBlock write(CodeBlock operation, CodeBlock body) {
        return CodeBlock.builder()
                .add("return store.write($L, entityManager -> {\n$>", operation)
                .add(body)
                .add("$<});\n")
                .build();
    }

    /** {@code store.write(operation, entityManager -> { body });} in a method that returns nothing. */
    static CodeBlock run(CodeBlock operation, CodeBlock body) {
        return CodeBlock.builder()
                .add("store.write($L, entityManager -> {\n$>", operation)
                .add(body)
                .add("$<});\n")
                .build();
    }

    /** {@code [return ]store.write(operation, entityManager -> entityManager.createQuery(...)...)}, one statement. */
    static CodeBlock writeQuery(boolean returns, CodeBlock operation, QueryCall query) {
        return CodeBlock.of(
                "$Lstore.write($L, entityManager -> entityManager\n$L)",
                returns ? "return " : "",
                operation,
                query.code());
    }

    /** {@code return store.read(entityManager -> entityManager.createQuery(...)...)}, one statement. */
    static CodeBlock readQuery(QueryCall query) {
        return CodeBlock.of("return store.read(entityManager -> entityManager\n$L)", query.code());
    }

    /** {@code return new Record(a, b, ...)}: up to two arguments on one line, more one per line. */
    static CodeBlock newRecord(TypeName record, List<CodeBlock> arguments) {
        CodeBlock separator = CodeBlock.of(arguments.size() > 2 ? ",\n" : ", ");
        return CodeBlock.of(
                "return new $T($L$L)",
                record,
                arguments.size() > 2 ? "\n" : "",
                CodeBlock.join(arguments, separator.toString()));
    }
}
