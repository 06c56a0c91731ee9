package dev.authschema.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * A CDI producer that makes the generated adapter injectable as {@code @Inject AuthAdapter} in a
 * server, running each operation in the container's JTA transaction on the application's persistence unit.
 */
final class AdapterProducerGenerator {

    static final String PRODUCER = "JpaAuthAdapterProducer";

    private final String packageName;
    private final List<String> roleEntities;

    /**
     * @param roleEntities the class names of the entities bound to a role: the producer checks that the
     *                     persistence unit manages them before it makes the adapter
     */
    AdapterProducerGenerator(String packageName, List<String> roleEntities) {
        this.packageName = packageName;
        this.roleEntities = List.copyOf(roleEntities);
    }

    JavaFile generate() {
        ClassName applicationScoped = ClassName.get("jakarta.enterprise.context", "ApplicationScoped");
        ClassName containerWork = ClassName.get("dev.authschema.jpa", "ContainerJpaWork");
        TypeSpec producer = TypeSpec.classBuilder(PRODUCER)
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(EntityGenerator.generated())
                .addAnnotation(applicationScoped)
                .addJavadoc(
                        "Produces the {@link $L} for injection: {@code @Inject AuthAdapter adapter}. The application's only\n"
                                + "persistence unit (or the one named by its {@code @PersistenceContext}) must list the generated entities;\n"
                                + "a unit without them fails the application's start with their names.\n"
                                + "{@code @Singleton}, not a client proxy, so that the injected adapter still implements\n"
                                + "{@code AdapterMaintenance} (periodic clean-up, sign out everywhere else).\n",
                        AdapterGenerator.ADAPTER)
                .addMethod(MethodSpec.methodBuilder("authAdapter")
                        .addAnnotation(ClassName.get("jakarta.enterprise.inject", "Produces"))
                        .addAnnotation(ClassName.get("jakarta.inject", "Singleton"))
                        .returns(Types.AUTH_ADAPTER)
                        .addParameter(containerWork, "work")
                        .addStatement(
                                "work.requireEntities($L)",
                                CodeBlock.join(
                                        roleEntities.stream()
                                                .map(name -> CodeBlock.of("$T.class", ClassName.get(packageName, name)))
                                                .toList(),
                                        ", "))
                        .addStatement("return new $L(work)", AdapterGenerator.ADAPTER)
                        .build())
                .build();
        return JavaFile.builder(packageName, producer)
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }
}
