package dev.authschema.dsl.resolve;

import dev.authschema.contract.CanonicalProperty;
import dev.authschema.dsl.ast.Attribute;
import dev.authschema.dsl.ast.Member;

/** What the resolver has learned about one field so far; turned into a {@link ResolvedField} at the end. */
final class FieldInfo {

    final Member.Field declaration;
    final String name;
    FieldKind kind;
    String typeName;
    ScalarType scalarType;
    boolean optional;
    boolean list;
    boolean id;
    boolean unique;
    DefaultValue defaultValue;
    boolean updatedAt;
    NativeType nativeType;
    /** The database type of an {@code Unsupported("...")} field, or null. */
    String unsupportedType;

    String mappedName;
    boolean ignored;
    Attribute relationAttribute;
    Relation relation;
    CanonicalProperty canonical;
    boolean legacyBound;
    /** False when the type could not be resolved: later rules leave the field alone. */
    boolean typeKnown;
    /** Set once the field's relation was checked, successfully or not, so a pair is reported once. */
    boolean relationChecked;

    FieldInfo(Member.Field declaration) {
        this.declaration = declaration;
        this.name = declaration.name().name();
    }

    boolean isScalarLike() {
        return typeKnown && kind != FieldKind.RELATION;
    }

    /** "String?", "Member[]": the type as written, for messages. */
    String displayType() {
        return declaration.type() == null ? "" : declaration.type().toString();
    }

    ResolvedField toResolved(String columnName) {
        return new ResolvedField(
                name,
                kind == FieldKind.RELATION ? null : columnName,
                kind,
                typeName,
                scalarType,
                optional,
                list,
                id,
                unique,
                defaultValue,
                updatedAt,
                nativeType,
                canonical,
                legacyBound,
                relation,
                ignored,
                unsupportedType,
                declaration.docs(),
                declaration);
    }
}
