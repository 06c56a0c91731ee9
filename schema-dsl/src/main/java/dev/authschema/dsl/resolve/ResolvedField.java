package dev.authschema.dsl.resolve;

import dev.authschema.contract.CanonicalProperty;
import dev.authschema.dsl.ast.Member;
import java.util.List;

/**
 * A field with everything the generator needs: its column, its resolved type, its constraints and,
 * for a model that plays a role, the canonical property it binds to (null for an extra field).
 *
 * @param typeName    the scalar's, enum's or related model's name as written
 * @param scalarType  the scalar type, or null for an enum or relation field
 * @param columnName  the column name (after {@code @map} and the naming option); null for relation fields
 * @param canonical   the adapter property this field binds to, or null
 * @param legacyBound whether it binds through its NextAuth v3 name ({@code providerType}, {@code accessTokenExpires})
 * @param unsupportedType the database type of an {@code Unsupported("...")} field as written, or null
 */
public record ResolvedField(
        String name,
        String columnName,
        FieldKind kind,
        String typeName,
        ScalarType scalarType,
        boolean optional,
        boolean list,
        boolean id,
        boolean unique,
        DefaultValue defaultValue,
        boolean updatedAt,
        NativeType nativeType,
        CanonicalProperty canonical,
        boolean legacyBound,
        Relation relation,
        boolean ignored,
        String unsupportedType,
        List<String> docs,
        Member.Field declaration) {

    public ResolvedField {
        docs = List.copyOf(docs);
    }

    /**
     * A stored field of a role model that no canonical property claims: generated, persisted and exposed as an extra.
     * An {@code Unsupported(...)} field is not one: it has a column but no Java type.
     */
    public boolean isExtra() {
        return canonical == null && kind != FieldKind.RELATION && !ignored && unsupportedType == null;
    }

    /** {@code Unsupported("...")}: a column of that database type, no property in the entity (as in Prisma's client). */
    public boolean isUnsupported() {
        return unsupportedType != null;
    }

    public boolean isRelation() {
        return kind == FieldKind.RELATION;
    }
}
