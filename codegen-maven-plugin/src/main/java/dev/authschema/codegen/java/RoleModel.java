package dev.authschema.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.authschema.contract.CanonicalProperty;
import dev.authschema.dsl.resolve.DefaultValue;
import dev.authschema.dsl.resolve.FieldKind;
import dev.authschema.dsl.resolve.ResolvedField;
import dev.authschema.dsl.resolve.ResolvedModel;
import dev.authschema.dsl.resolve.ScalarType;
import java.util.List;
import java.util.Optional;

/** A model that plays a role, seen from the adapter: its entity class and how to read and write each property. */
final class RoleModel {

    final ResolvedModel model;
    final ClassName entity;
    final ModelNames names;

    RoleModel(ResolvedModel model, String packageName) {
        this.model = model;
        this.entity = ClassName.get(packageName, model.name());
        this.names = new ModelNames(model);
    }

    String name() {
        return model.name();
    }

    Optional<ResolvedField> field(CanonicalProperty property) {
        return model.field(property);
    }

    boolean has(CanonicalProperty property) {
        return field(property).isPresent();
    }

    /** The JPQL path of a property on the alias, e.g. {@code a.providerAccountId}. */
    String path(String alias, CanonicalProperty property) {
        return alias + "." + names.property(field(property).orElseThrow());
    }

    CodeBlock get(String entityVariable, CanonicalProperty property) {
        return CodeBlock.of(
                "$N.$N()", entityVariable, names.getter(field(property).orElseThrow()));
    }

    String setter(CanonicalProperty property) {
        return names.setter(field(property).orElseThrow());
    }

    /** The extra fields the adapter maps to and from the record's extras. */
    List<ResolvedField> extras() {
        return model.extraFields().stream()
                .filter(f -> !(f.defaultValue() instanceof DefaultValue.DbGenerated))
                .toList();
    }

    /** The scalar type of the field bound to a property; ids and user references vary per schema. */
    ScalarType type(CanonicalProperty property) {
        return field(property).orElseThrow().scalarType();
    }

    /** A String primary key with no {@code @default}: the adapter must supply it. */
    Optional<ResolvedField> idWithoutDefault() {
        if (model.primaryKey().size() != 1) {
            return Optional.empty();
        }
        ResolvedField id = model.field(model.primaryKey().get(0)).orElseThrow();
        return id.kind() == FieldKind.SCALAR
                        && id.scalarType() == ScalarType.STRING
                        && id.defaultValue() == null
                        && id.canonical() != CanonicalProperty.USER_ID
                ? Optional.of(id)
                : Optional.empty();
    }
}
