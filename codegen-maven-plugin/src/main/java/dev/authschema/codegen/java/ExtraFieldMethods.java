package dev.authschema.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.authschema.dsl.resolve.FieldKind;
import dev.authschema.dsl.resolve.ResolvedField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code readXExtras} and {@code writeXExtras} of a role's model: its extra fields by name, in schema order, to and
 * from the record's {@code extras} map, with the value's type checked on the way in ({@code ExtraFieldValues}).
 */
final class ExtraFieldMethods {

    static final TypeName EXTRAS = ParameterizedTypeName.get(
            ClassName.get(Map.class), ClassName.get(String.class), ClassName.get(Object.class));

    private ExtraFieldMethods() {}

    /** {@code label} names the methods: {@code User} gives {@code readUserExtras} and {@code writeUserExtras}. */
    static void addTo(TypeSpec.Builder adapter, RoleModel role, String label, String packageName) {
        MethodSpec.Builder read =
                AdapterCode.helper("read" + label + "Extras").returns(EXTRAS).addParameter(role.entity, "entity");
        MethodSpec.Builder write = AdapterCode.helper("write" + label + "Extras")
                .addParameter(role.entity, "entity")
                .addParameter(EXTRAS, "extras");
        List<ResolvedField> fields = role.extras();
        if (fields.isEmpty()) {
            read.addStatement("return $T.of()", Map.class);
            write.addComment("The $L model has no extra fields.", role.name());
            adapter.addMethod(read.build()).addMethod(write.build());
            return;
        }
        read.addStatement("$T extras = new $T<>()", EXTRAS, LinkedHashMap.class);
        for (ResolvedField field : fields) {
            String getter = role.names.getter(field);
            write.beginControlFlow("if (extras.containsKey($S))", field.name());
            if (field.kind() == FieldKind.ENUM) {
                read.addStatement(
                        "extras.put($S, entity.$N() == null ? null : entity.$N().name())",
                        field.name(),
                        getter,
                        getter);
                write.addStatement(
                        "entity.$N($T.enumValue(extras, $S, $S, $T.class))",
                        role.names.setter(field),
                        Types.EXTRA_VALUES,
                        role.name(),
                        field.name(),
                        ClassName.get(packageName, field.typeName()));
            } else {
                read.addStatement("extras.put($S, entity.$N())", field.name(), getter);
                write.addStatement(
                        "entity.$N($T.get(extras, $S, $S, $T.class))",
                        role.names.setter(field),
                        Types.EXTRA_VALUES,
                        role.name(),
                        field.name(),
                        Types.scalar(field.scalarType()));
            }
            write.endControlFlow();
        }
        read.addStatement("return extras");
        adapter.addMethod(read.build()).addMethod(write.build());
    }
}
