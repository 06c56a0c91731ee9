package dev.authschema.codegen.java;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.authschema.dsl.resolve.FieldKind;
import dev.authschema.dsl.resolve.ResolvedField;
import dev.authschema.dsl.resolve.ScalarType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The Java types of schema types, and the names of the types the generated code uses. */
final class Types {

    static final String JPA = "jakarta.persistence";
    static final ClassName GENERATED = ClassName.get("jakarta.annotation", "Generated");
    static final ClassName AUTH_ADAPTER = ClassName.get("dev.authschema.adapter", "AuthAdapter");
    static final ClassName JPA_WORK = ClassName.get("dev.authschema.jpa", "JpaWork");
    static final ClassName JPA_STORE = ClassName.get("dev.authschema.jpa", "JpaStore");
    static final ClassName CUID = ClassName.get("dev.authschema.jpa", "Cuid");
    static final ClassName CUID2 = ClassName.get("dev.authschema.jpa", "Cuid2");
    static final ClassName NANOID = ClassName.get("dev.authschema.jpa", "Nanoid");
    static final ClassName TIME_ORDERED_UUID = ClassName.get("dev.authschema.jpa", "TimeOrderedUuid");
    static final ClassName ULID = ClassName.get("dev.authschema.jpa", "Ulid");
    static final ClassName EXTRA_VALUES = ClassName.get("dev.authschema.jpa", "ExtraFieldValues");
    static final ClassName LEGACY = ClassName.get("dev.authschema.jpa", "LegacyColumns");

    /** What every generated type says in {@code @Generated}: the generator, and no date, so output is reproducible. */
    static final String GENERATOR = "dev.authschema.codegen";

    private Types() {}

    static ClassName jpa(String simpleName) {
        return ClassName.get(JPA, simpleName);
    }

    static ClassName jpaSupport(String simpleName) {
        return ClassName.get("dev.authschema.jpa", simpleName);
    }

    static ClassName adapter(String simpleName) {
        return ClassName.get("dev.authschema.adapter", simpleName);
    }

    /** The boxed Java type of a scalar: every column may be null until the database says otherwise. */
    static TypeName scalar(ScalarType type) {
        return switch (type) {
            case STRING, JSON -> ClassName.get(String.class);
            case BOOLEAN -> ClassName.get(Boolean.class);
            case INT -> ClassName.get(Integer.class);
            case BIGINT -> ClassName.get(Long.class);
            case FLOAT -> ClassName.get(Double.class);
            case DECIMAL -> ClassName.get(BigDecimal.class);
            case DATETIME -> ClassName.get(Instant.class);
            case BYTES -> ArrayTypeName.of(TypeName.BYTE);
        };
    }

    /** The Java type of a field in the entity of {@code packageName}. */
    static TypeName of(ResolvedField field, String packageName) {
        if (field.kind() == FieldKind.SCALAR) {
            return scalar(field.scalarType());
        }
        ClassName named = ClassName.get(packageName, field.typeName());
        return field.list() ? ParameterizedTypeName.get(ClassName.get(List.class), named) : named;
    }
}
