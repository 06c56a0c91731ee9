package dev.authschema.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.authschema.dsl.resolve.ResolvedEnum;
import javax.lang.model.element.Modifier;

/**
 * A Java enum per schema enum, stored by its constant's name ({@code @Enumerated(STRING)}); when
 * values are renamed with {@code @map}, the enum carries its database names and a converter.
 */
final class EnumGenerator {

    static final String CONVERTER = "DatabaseConverter";

    private final String packageName;

    EnumGenerator(String packageName) {
        this.packageName = packageName;
    }

    /** Whether a value's database name differs from its Java name, so {@code @Enumerated} cannot store it. */
    static boolean isMapped(ResolvedEnum enumeration) {
        return enumeration.values().stream().anyMatch(v -> !v.dbName().equals(v.name()));
    }

    JavaFile generate(ResolvedEnum enumeration) {
        boolean mapped = isMapped(enumeration);
        TypeSpec.Builder type = TypeSpec.enumBuilder(enumeration.name())
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(EntityGenerator.generated());
        if (enumeration.docs().isEmpty()) {
            type.addJavadoc("The enum {@code $L} of the schema.\n", enumeration.name());
        } else {
            type.addJavadoc("$L\n", String.join("\n", enumeration.docs()));
        }
        for (ResolvedEnum.Value value : enumeration.values()) {
            TypeSpec.Builder constant =
                    mapped ? TypeSpec.anonymousClassBuilder("$S", value.dbName()) : TypeSpec.anonymousClassBuilder("");
            if (!value.docs().isEmpty()) {
                constant.addJavadoc("$L\n", String.join("\n", value.docs()));
            }
            type.addEnumConstant(value.name(), constant.build());
        }
        if (mapped) {
            addDatabaseNames(enumeration, type);
        }
        return JavaFile.builder(packageName, type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    private void addDatabaseNames(ResolvedEnum enumeration, TypeSpec.Builder type) {
        ClassName self = ClassName.get(packageName, enumeration.name());
        type.addField(String.class, "databaseName", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(String.class, "databaseName")
                        .addStatement("this.databaseName = databaseName")
                        .build())
                .addMethod(MethodSpec.methodBuilder("databaseName")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(String.class)
                        .addJavadoc("The value as stored in the database ({@code @map}).\n")
                        .addStatement("return databaseName")
                        .build())
                .addType(TypeSpec.classBuilder(CONVERTER)
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .addJavadoc("Stores {@link $T} by its database names.\n", self)
                        .addAnnotation(Types.jpa("Converter"))
                        .addSuperinterface(ParameterizedTypeName.get(
                                ClassName.get(Types.JPA, "AttributeConverter"), self, ClassName.get(String.class)))
                        .addMethod(MethodSpec.methodBuilder("convertToDatabaseColumn")
                                .addAnnotation(Override.class)
                                .addModifiers(Modifier.PUBLIC)
                                .returns(String.class)
                                .addParameter(self, "value")
                                .addStatement("return value == null ? null : value.databaseName")
                                .build())
                        .addMethod(MethodSpec.methodBuilder("convertToEntityAttribute")
                                .addAnnotation(Override.class)
                                .addModifiers(Modifier.PUBLIC)
                                .returns(self)
                                .addParameter(String.class, "column")
                                .beginControlFlow("for ($T value : values())", self)
                                .beginControlFlow("if (value.databaseName.equals(column))")
                                .addStatement("return value")
                                .endControlFlow()
                                .endControlFlow()
                                .addStatement("return null")
                                .build())
                        .build());
    }
}
