package dev.authschema.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.authschema.contract.CanonicalProperty;
import dev.authschema.contract.Capability;
import dev.authschema.contract.Role;
import dev.authschema.dsl.resolve.ResolvedSchema;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The {@code AuthAdapter} of a schema, written against its own entities: the class, its constructor and
 * capabilities here, the methods by one writer per role ({@link UserMethods}, {@link AccountMethods},
 * {@link SessionMethods}, {@link VerificationTokenMethods}, {@link AuthenticatorMethods}, {@link RateLimitMethods},
 * {@link PasswordMethods}, {@link MaintenanceMethods}; extra fields by {@link ExtraFieldMethods}). A role the schema has
 * no model for adds no methods: the runtime's default methods refuse them, and {@code capabilities()} does not list it;
 * the same for the passwords when the User model has no {@code passwordHash}.
 */
final class AdapterGenerator {

    static final String ADAPTER = "JpaAuthAdapter";

    private static final ClassName CAPABILITY = Types.adapter("AdapterCapability");

    private final AdapterModels models;

    AdapterGenerator(ResolvedSchema schema, String packageName) {
        this.models = new AdapterModels(schema, packageName);
    }

    JavaFile generate() {
        TypeSpec.Builder type = TypeSpec.classBuilder(ADAPTER)
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(Types.AUTH_ADAPTER)
                .addSuperinterface(Types.adapter("AdapterMaintenance"))
                .addAnnotation(EntityGenerator.generated())
                .addJavadoc(javadoc())
                .addField(FieldSpec.builder(Types.JPA_STORE, "store", Modifier.PRIVATE, Modifier.FINAL)
                        .build())
                .addMethod(constructor())
                .addMethod(capabilities());
        new UserMethods(models).addTo(type);
        if (models.account != null) {
            new AccountMethods(models).addTo(type);
        }
        if (models.session != null) {
            new SessionMethods(models).addTo(type);
        }
        if (models.token != null) {
            new VerificationTokenMethods(models).addTo(type);
        }
        if (models.authenticator != null) {
            new AuthenticatorMethods(models).addTo(type);
        }
        if (models.rateLimit != null) {
            RateLimitMethods.addTo(type, models.rateLimit);
        }
        if (models.user.has(CanonicalProperty.USER_PASSWORD_HASH)) {
            PasswordMethods.addTo(type, models);
        }
        new MaintenanceMethods(models).addTo(type);
        models.keys.addParsersTo(type);
        return JavaFile.builder(models.packageName, type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    private CodeBlock javadoc() {
        ResolvedSchema schema = models.schema;
        CodeBlock.Builder doc = CodeBlock.builder()
                .add("The {@link $T} of this schema, over JPA. The roles are played by:\n<ul>\n", Types.AUTH_ADAPTER);
        for (Map.Entry<Role, ?> entry : schema.roles().entrySet()) {
            doc.add(
                    "  <li>$L: {@link $L}</li>\n",
                    entry.getKey().schemaName(),
                    schema.model(entry.getKey()).orElseThrow().name());
        }
        return doc.add("</ul>\n")
                .add("<p>Keys compare exactly: each lookup by a string key also compares the row's key in Java,"
                        + " because\ndatabases that compare with PAD SPACE (Derby, MySQL's and MariaDB's PAD collations)"
                        + " find {@code \"a\"} for\n{@code \"a \"}.\n")
                .build();
    }

    private static MethodSpec constructor() {
        return MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(
                        "@param work runs each operation in a transaction:"
                                + " {@code new ResourceLocalJpaWork(factory)} in Java SE,\n    the container's"
                                + " {@code ContainerJpaWork} in a server ({@link $L} wires that)\n",
                        AdapterProducerGenerator.PRODUCER)
                .addParameter(Types.JPA_WORK, "work")
                .addStatement("this.store = new $T(work)", Types.JPA_STORE)
                .build();
    }

    /**
     * The capabilities of the roles the schema has a model for (and whose property that model has, for a capability
     * brought by a property), one per line when there are more than two.
     */
    private MethodSpec capabilities() {
        List<CodeBlock> capabilities = Arrays.stream(Capability.values())
                .filter(c -> models.schema
                        .model(c.role())
                        .filter(model -> c.property()
                                .map(p -> model.field(p).isPresent())
                                .orElse(true))
                        .isPresent())
                .map(c -> CodeBlock.of("$T.$L", CAPABILITY, c.name()))
                .toList();
        boolean onePerLine = capabilities.size() > 2;
        return AdapterCode.override("capabilities")
                .returns(ParameterizedTypeName.get(ClassName.get(Set.class), CAPABILITY))
                .addStatement(
                        "return $T.of($L$L)",
                        EnumSet.class,
                        onePerLine ? "\n" : "",
                        CodeBlock.join(capabilities, onePerLine ? ",\n" : ", "))
                .build();
    }
}
