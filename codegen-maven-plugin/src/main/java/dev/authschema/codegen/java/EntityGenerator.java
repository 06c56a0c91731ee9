package dev.authschema.codegen.java;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.authschema.codegen.ConstraintNames;
import dev.authschema.codegen.JoinTables;
import dev.authschema.codegen.SqlNames;
import dev.authschema.codegen.ddl.DdlGenerator;
import dev.authschema.contract.CanonicalProperty;
import dev.authschema.contract.Role;
import dev.authschema.dsl.resolve.DefaultValue;
import dev.authschema.dsl.resolve.FieldKind;
import dev.authschema.dsl.resolve.Index;
import dev.authschema.dsl.resolve.ReferentialAction;
import dev.authschema.dsl.resolve.ResolvedField;
import dev.authschema.dsl.resolve.ResolvedModel;
import dev.authschema.dsl.resolve.ResolvedSchema;
import dev.authschema.dsl.resolve.ScalarType;
import dev.authschema.dsl.resolve.UniqueConstraint;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.lang.model.element.Modifier;

/** One JPA entity per model: table, columns, keys, relations and the defaults Java fills in. */
final class EntityGenerator {

    private final ResolvedSchema schema;
    private final String packageName;
    private final ConstraintNames tables;

    EntityGenerator(ResolvedSchema schema, String packageName) {
        this.schema = schema;
        this.packageName = packageName;
        this.tables = new ConstraintNames();
    }

    JavaFile generate(ResolvedModel model) {
        ModelNames names = new ModelNames(model);
        TypeSpec.Builder type = TypeSpec.classBuilder(model.name())
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(javadoc(model))
                .addAnnotation(generated())
                .addAnnotation(AnnotationSpec.builder(Types.jpa("Entity"))
                        .addMember("name", "$S", model.name())
                        .build())
                .addAnnotation(table(model));
        if (model.role() == Role.SESSION
                || model.role() == Role.VERIFICATION_TOKEN
                || model.role() == Role.RATE_LIMIT) {
            // Another server may change or delete these rows at any moment (sign-out, a used link, a counted request):
            // never serve them from a cache.
            type.addAnnotation(AnnotationSpec.builder(Types.jpa("Cacheable"))
                    .addMember("value", "false")
                    .build());
        }
        List<String> key = jpaKey(model);
        boolean compositeKey = key.size() > 1;
        if (compositeKey) {
            type.addAnnotation(AnnotationSpec.builder(Types.jpa("IdClass"))
                    .addMember("value", "$T.class", ClassName.get(packageName, model.name(), "Key"))
                    .build());
        }
        for (ResolvedField field : generatedFields(model)) {
            type.addField(field(model, field, names));
        }
        lifecycle(model, names, type);
        for (ResolvedField field : generatedFields(model)) {
            TypeName javaType = Types.of(field, packageName);
            String property = names.property(field);
            type.addMethod(MethodSpec.methodBuilder(names.getter(field))
                    .addModifiers(Modifier.PUBLIC)
                    .returns(javaType)
                    .addStatement("return $N", property)
                    .build());
            type.addMethod(MethodSpec.methodBuilder(names.setter(field))
                    .addModifiers(Modifier.PUBLIC)
                    .addParameter(javaType, property)
                    .addStatement("this.$N = $N", property, property)
                    .build());
        }
        if (compositeKey) {
            type.addType(keyClass(model, names));
        }
        return JavaFile.builder(packageName, type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    /**
     * The fields JPA identifies rows by: the primary key, or for a model that has none (Auth.js's
     * {@code Session} has only {@code sessionToken @unique}) its first unique criterion of required fields (with a
     * Java type: not {@code Unsupported(...)}).
     */
    static List<String> jpaKey(ResolvedModel model) {
        if (!model.primaryKey().isEmpty()) {
            return model.primaryKey();
        }
        return model.uniqueConstraints().stream()
                .filter(u -> u.fields().stream()
                        .map(f -> model.field(f).orElseThrow())
                        .allMatch(f -> !f.optional() && !f.isUnsupported()))
                .findFirst()
                .orElseThrow()
                .fields();
    }

    /** The fields with a Java property: not {@code @ignore}d, and not {@code Unsupported(...)} (a column only). */
    static List<ResolvedField> generatedFields(ResolvedModel model) {
        return model.fields().stream()
                .filter(f -> !f.ignored() && !f.isUnsupported())
                .toList();
    }

    private CodeBlock javadoc(ResolvedModel model) {
        CodeBlock.Builder doc = CodeBlock.builder();
        for (String line : model.docs()) {
            doc.add("$L\n", line);
        }
        if (!model.docs().isEmpty()) {
            doc.add("\n<p>");
        }
        doc.add("The model {@code $L}, stored in the table {@code $L}.", model.name(), model.tableName());
        if (model.role() != null) {
            doc.add(
                    " It plays the role {@code $L} of the adapter contract.",
                    model.role().schemaName());
        }
        List<String> unmapped = model.fields().stream()
                .filter(f -> f.isUnsupported() && !f.ignored())
                .map(f -> "{@code " + f.columnName() + "} ({@code " + f.unsupportedType() + "})")
                .toList();
        if (!unmapped.isEmpty()) {
            // Prisma's Unsupported(...): the column is the database's own, read and written with SQL only.
            doc.add(
                    "\n\n<p>Columns without a property, their database types having no Java type:\n$L.",
                    String.join(",\n", unmapped));
        }
        return doc.add("\n").build();
    }

    private AnnotationSpec table(ResolvedModel model) {
        AnnotationSpec.Builder table =
                AnnotationSpec.builder(Types.jpa("Table")).addMember("name", "$S", SqlNames.jpa(model.tableName()));
        for (UniqueConstraint unique : tables.uniqueConstraints(model)) {
            table.addMember(
                    "uniqueConstraints",
                    "$L",
                    AnnotationSpec.builder(Types.jpa("UniqueConstraint"))
                            .addMember("name", "$S", tables.uniqueName(model, unique))
                            .addMember("columnNames", columnArray(tables.columns(model, unique.fields())))
                            .build());
        }
        for (Index index : model.indexes()) {
            table.addMember(
                    "indexes",
                    "$L",
                    AnnotationSpec.builder(Types.jpa("Index"))
                            .addMember("name", "$S", tables.indexName(model, index))
                            .addMember("columnList", "$S", indexColumnList(model, index))
                            .build());
        }
        return table.build();
    }

    /** JPA's {@code columnList}: {@code "col, other DESC"} (a prefix length or access method has no JPA form). */
    private String indexColumnList(ResolvedModel model, Index index) {
        List<String> columns = tables.columns(model, index.fields());
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            parts.add(SqlNames.jpa(columns.get(i)) + (index.columns().get(i).descending() ? " DESC" : ""));
        }
        return String.join(", ", parts);
    }

    private static CodeBlock columnArray(List<String> columns) {
        if (columns.size() == 1) {
            return CodeBlock.of("$S", SqlNames.jpa(columns.get(0)));
        }
        return CodeBlock.of(
                "{$L}",
                CodeBlock.join(
                        columns.stream()
                                .map(c -> CodeBlock.of("$S", SqlNames.jpa(c)))
                                .toList(),
                        ", "));
    }

    private FieldSpec field(ResolvedModel model, ResolvedField field, ModelNames names) {
        FieldSpec.Builder spec =
                FieldSpec.builder(Types.of(field, packageName), names.property(field), Modifier.PRIVATE);
        if (!field.docs().isEmpty()) {
            spec.addJavadoc("$L\n", String.join("\n", field.docs()));
        }
        if (field.kind() == FieldKind.RELATION) {
            relation(model, field, names, spec);
            return spec.build();
        }
        if (jpaKey(model).contains(field.name())) {
            spec.addAnnotation(Types.jpa("Id"));
        }
        if (field.defaultValue() instanceof DefaultValue.AutoIncrement) {
            spec.addAnnotation(AnnotationSpec.builder(Types.jpa("GeneratedValue"))
                    .addMember("strategy", "$T.IDENTITY", Types.jpa("GenerationType"))
                    .build());
        }
        spec.addAnnotation(column(field));
        if (field.kind() == FieldKind.ENUM
                && EnumGenerator.isMapped(schema.enumeration(field.typeName()).orElseThrow())) {
            spec.addAnnotation(AnnotationSpec.builder(Types.jpa("Convert"))
                    .addMember(
                            "converter",
                            "$T.class",
                            ClassName.get(packageName, field.typeName(), EnumGenerator.CONVERTER))
                    .build());
        } else if (field.kind() == FieldKind.ENUM) {
            spec.addAnnotation(AnnotationSpec.builder(Types.jpa("Enumerated"))
                    .addMember("value", "$T.STRING", Types.jpa("EnumType"))
                    .build());
        } else if (field.scalarType() == ScalarType.DATETIME) {
            spec.addAnnotation(AnnotationSpec.builder(Types.jpa("Convert"))
                    .addMember(
                            "converter", "$T.class", ClassName.get(packageName, ConverterGenerator.INSTANT_CONVERTER))
                    .build());
        } else if (field.scalarType() == ScalarType.BYTES) {
            spec.addAnnotation(Types.jpa("Lob"));
        }
        CodeBlock initial = initialValue(field);
        if (initial != null) {
            spec.initializer(initial);
        }
        return spec.build();
    }

    private AnnotationSpec column(ResolvedField field) {
        AnnotationSpec.Builder column =
                AnnotationSpec.builder(Types.jpa("Column")).addMember("name", "$S", SqlNames.jpa(field.columnName()));
        if (!field.optional()) {
            column.addMember("nullable", "false");
        }
        if (field.nativeType() != null) {
            List<String> arguments = field.nativeType().arguments();
            switch (field.nativeType().name()) {
                case "VarChar", "Char", "NVarChar", "NChar" -> {
                    if (arguments.size() == 1 && !arguments.get(0).equals("Max")) {
                        column.addMember("length", "$L", arguments.get(0));
                    }
                }
                case "Decimal", "Numeric" -> {
                    if (arguments.size() == 2) {
                        column.addMember("precision", "$L", arguments.get(0))
                                .addMember("scale", "$L", arguments.get(1));
                    }
                }
                default -> {}
            }
        } else if (field.canonical() == CanonicalProperty.USER_PASSWORD_HASH) {
            column.addMember("length", "$L", DdlGenerator.PASSWORD_HASH_LENGTH);
        }
        if (field.defaultValue() instanceof DefaultValue.DbGenerated) {
            // The database computes the value; JPA must not write over it with null.
            column.addMember("insertable", "false").addMember("updatable", "false");
        }
        return column.build();
    }

    private void relation(ResolvedModel model, ResolvedField field, ModelNames names, FieldSpec.Builder spec) {
        ResolvedModel related = schema.model(field.typeName()).orElseThrow();
        ResolvedField opposite = related.field(field.relation().oppositeField()).orElseThrow();
        ModelNames relatedNames = new ModelNames(related);
        if (JoinTables.isManyToMany(schema, field)) {
            manyToMany(model, field, related, relatedNames.property(opposite), spec);
            return;
        }
        if (field.relation().isOwningSide()) {
            ClassName kind = opposite.list() ? Types.jpa("ManyToOne") : Types.jpa("OneToOne");
            spec.addAnnotation(AnnotationSpec.builder(kind)
                    .addMember("fetch", "$T.LAZY", Types.jpa("FetchType"))
                    .addMember("optional", "$L", field.optional())
                    .build());
            // The foreign key columns belong to the scalar fields (the adapter writes those); this side only reads
            // them.
            List<AnnotationSpec> joins = new ArrayList<>();
            for (int i = 0; i < field.relation().fields().size(); i++) {
                ResolvedField local =
                        model.field(field.relation().fields().get(i)).orElseThrow();
                ResolvedField remote =
                        related.field(field.relation().references().get(i)).orElseThrow();
                AnnotationSpec.Builder join = AnnotationSpec.builder(Types.jpa("JoinColumn"))
                        .addMember("name", "$S", SqlNames.jpa(local.columnName()))
                        .addMember("referencedColumnName", "$S", SqlNames.jpa(remote.columnName()))
                        .addMember("insertable", "false")
                        .addMember("updatable", "false");
                joins.add(withoutForeignKey(join).build());
            }
            if (joins.size() == 1) {
                spec.addAnnotation(joins.get(0));
            } else {
                AnnotationSpec.Builder many = AnnotationSpec.builder(Types.jpa("JoinColumns"));
                joins.forEach(j -> many.addMember("value", "$L", j));
                spec.addAnnotation(many.build());
            }
            return;
        }
        AnnotationSpec.Builder back = AnnotationSpec.builder(
                        field.list() ? Types.jpa("OneToMany") : Types.jpa("OneToOne"))
                .addMember("mappedBy", "$S", relatedNames.property(opposite));
        if (field.relation().onDelete() == ReferentialAction.CASCADE) {
            back.addMember("cascade", "$T.REMOVE", Types.jpa("CascadeType"));
        }
        spec.addAnnotation(back.build());
        if (field.list()) {
            spec.initializer("new $T<>()", ArrayList.class);
        }
    }

    /**
     * An implicit many-to-many relation: the entity of the model first in alphabetical order owns the join table
     * (column {@code A} its id, {@code B} the other's), the other maps its side by the owner's property.
     */
    private void manyToMany(
            ResolvedModel model,
            ResolvedField field,
            ResolvedModel related,
            String oppositeProperty,
            FieldSpec.Builder spec) {
        JoinTables.JoinTable join = JoinTables.of(schema).stream()
                .filter(t -> t.aField() == field || t.bField() == field)
                .findFirst()
                .orElseThrow();
        AnnotationSpec.Builder many =
                AnnotationSpec.builder(Types.jpa("ManyToMany")).addMember("fetch", "$T.LAZY", Types.jpa("FetchType"));
        if (join.aField() != field) {
            spec.addAnnotation(
                    many.addMember("mappedBy", "$S", oppositeProperty).build());
        } else {
            spec.addAnnotation(many.build());
            AnnotationSpec.Builder joinTable = AnnotationSpec.builder(Types.jpa("JoinTable"))
                    .addMember("name", "$S", SqlNames.jpa(join.name()))
                    .addMember("joinColumns", "$L", joinColumn("A", model))
                    .addMember("inverseJoinColumns", "$L", joinColumn("B", related));
            if (relationModePrisma()) {
                joinTable
                        .addMember("foreignKey", "$L", noConstraint())
                        .addMember("inverseForeignKey", "$L", noConstraint());
            }
            spec.addAnnotation(joinTable.build());
        }
        spec.initializer("new $T<>()", ArrayList.class);
    }

    private static AnnotationSpec joinColumn(String column, ResolvedModel model) {
        return AnnotationSpec.builder(Types.jpa("JoinColumn"))
                .addMember("name", "$S", column)
                .addMember(
                        "referencedColumnName",
                        "$S",
                        SqlNames.jpa(JoinTables.JoinTable.id(model).columnName()))
                .build();
    }

    /**
     * With {@code relationMode = "prisma"} the DDL has no foreign keys: the join column (and a join table) says so,
     * for a JPA provider that creates or checks the schema itself.
     */
    private AnnotationSpec.Builder withoutForeignKey(AnnotationSpec.Builder join) {
        return relationModePrisma() ? join.addMember("foreignKey", "$L", noConstraint()) : join;
    }

    private boolean relationModePrisma() {
        return schema.datasource() != null && schema.datasource().relationModePrisma();
    }

    private static AnnotationSpec noConstraint() {
        return AnnotationSpec.builder(Types.jpa("ForeignKey"))
                .addMember("value", "$T.NO_CONSTRAINT", Types.jpa("ConstraintMode"))
                .build();
    }

    /** The Java initializer of a constant {@code @default}, or null. */
    private CodeBlock initialValue(ResolvedField field) {
        if (field.defaultValue() instanceof DefaultValue.EnumConstant constant) {
            return CodeBlock.of("$T.$L", ClassName.get(packageName, field.typeName()), constant.value());
        }
        if (!(field.defaultValue() instanceof DefaultValue.Literal literal)) {
            return null;
        }
        String value = literal.value();
        return switch (literal.type()) {
            case STRING, JSON -> CodeBlock.of("$S", value);
            case BOOLEAN -> CodeBlock.of("$L", value);
            case INT -> CodeBlock.of("$L", value);
            case BIGINT -> CodeBlock.of("$LL", value);
            case FLOAT -> CodeBlock.of("$L", value.contains(".") ? value : value + ".0");
            case DECIMAL -> CodeBlock.of("new $T($S)", BigDecimal.class, value);
            case DATETIME -> CodeBlock.of("$T.parse($S)", Instant.class, value);
            case BYTES -> CodeBlock.of("$T.getDecoder().decode($S)", Base64.class, value);
        };
    }

    /** Ids, {@code now()} defaults and {@code @updatedAt} are filled in by Java right before the row is written. */
    private void lifecycle(ResolvedModel model, ModelNames names, TypeSpec.Builder type) {
        MethodSpec.Builder prePersist = MethodSpec.methodBuilder("beforeInsert").addAnnotation(Types.jpa("PrePersist"));
        MethodSpec.Builder preUpdate = MethodSpec.methodBuilder("beforeUpdate").addAnnotation(Types.jpa("PreUpdate"));
        boolean needsNow = generatedFields(model).stream()
                .anyMatch(f -> f.updatedAt() || f.defaultValue() instanceof DefaultValue.Now);
        if (needsNow) {
            prePersist.addStatement(
                    "$T now = $T.now().truncatedTo($T.MILLIS)", Instant.class, Instant.class, ChronoUnit.class);
        }
        boolean anyUpdate = false;
        for (ResolvedField field : generatedFields(model)) {
            String property = names.property(field);
            if (field.defaultValue() instanceof DefaultValue.Cuid cuid) {
                prePersist
                        .beginControlFlow("if ($N == null)", property)
                        .addStatement("$N = $T.next()", property, cuid.version() == 2 ? Types.CUID2 : Types.CUID)
                        .endControlFlow();
            } else if (field.defaultValue() instanceof DefaultValue.Nanoid nanoid) {
                CodeBlock next = nanoid.length() == null
                        ? CodeBlock.of("$T.next()", Types.NANOID)
                        : CodeBlock.of("$T.next($L)", Types.NANOID, nanoid.length());
                prePersist
                        .beginControlFlow("if ($N == null)", property)
                        .addStatement("$N = $L", property, next)
                        .endControlFlow();
            } else if (field.defaultValue() instanceof DefaultValue.Ulid) {
                prePersist
                        .beginControlFlow("if ($N == null)", property)
                        .addStatement("$N = $T.next()", property, Types.ULID)
                        .endControlFlow();
            } else if (field.defaultValue() instanceof DefaultValue.Uuid uuid && uuid.version() == 7) {
                prePersist
                        .beginControlFlow("if ($N == null)", property)
                        .addStatement("$N = $T.next()", property, Types.TIME_ORDERED_UUID)
                        .endControlFlow();
            } else if (field.defaultValue() instanceof DefaultValue.Uuid) {
                prePersist
                        .beginControlFlow("if ($N == null)", property)
                        .addStatement("$N = $T.randomUUID().toString()", property, UUID.class)
                        .endControlFlow();
            } else if (field.updatedAt()) {
                prePersist.addStatement("$N = now", property);
                preUpdate.addStatement(
                        "$N = $T.now().truncatedTo($T.MILLIS)", property, Instant.class, ChronoUnit.class);
                anyUpdate = true;
            } else if (field.defaultValue() instanceof DefaultValue.Now) {
                prePersist
                        .beginControlFlow("if ($N == null)", property)
                        .addStatement("$N = now", property)
                        .endControlFlow();
            }
        }
        MethodSpec insert = prePersist.build();
        if (!insert.code().isEmpty()) {
            type.addMethod(insert);
        }
        if (anyUpdate) {
            type.addMethod(preUpdate.build());
        }
    }

    private TypeSpec keyClass(ResolvedModel model, ModelNames names) {
        ClassName key = ClassName.get(packageName, model.name(), "Key");
        TypeSpec.Builder type = TypeSpec.classBuilder("Key")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addSuperinterface(Serializable.class)
                .addJavadoc("The key of {@code $L}: $L.\n", model.name(), String.join(", ", jpaKey(model)))
                .addField(FieldSpec.builder(
                                TypeName.LONG, "serialVersionUID", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("1L")
                        .build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .build());
        MethodSpec.Builder allArgs = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
        MethodSpec.Builder equals = MethodSpec.methodBuilder("equals")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.BOOLEAN)
                .addParameter(Object.class, "other")
                .beginControlFlow("if (!(other instanceof $T that))", key)
                .addStatement("return false")
                .endControlFlow();
        List<CodeBlock> comparisons = new ArrayList<>();
        List<String> properties = new ArrayList<>();
        for (String fieldName : jpaKey(model)) {
            ResolvedField field = model.field(fieldName).orElseThrow();
            String property = names.property(field);
            TypeName javaType = Types.of(field, packageName);
            type.addField(javaType, property, Modifier.PRIVATE);
            allArgs.addParameter(javaType, property).addStatement("this.$N = $N", property, property);
            comparisons.add(CodeBlock.of("$T.equals($N, that.$N)", Objects.class, property, property));
            properties.add(property);
            type.addMethod(MethodSpec.methodBuilder(names.getter(field))
                    .addModifiers(Modifier.PUBLIC)
                    .returns(javaType)
                    .addStatement("return $N", property)
                    .build());
        }
        equals.addStatement("return $L", CodeBlock.join(comparisons, " && "));
        MethodSpec hashCode = MethodSpec.methodBuilder("hashCode")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT)
                .addStatement("return $T.hash($L)", Objects.class, String.join(", ", properties))
                .build();
        return type.addMethod(allArgs.build())
                .addMethod(equals.build())
                .addMethod(hashCode)
                .build();
    }

    static AnnotationSpec generated() {
        return AnnotationSpec.builder(Types.GENERATED)
                .addMember("value", "$S", Types.GENERATOR)
                .build();
    }
}
