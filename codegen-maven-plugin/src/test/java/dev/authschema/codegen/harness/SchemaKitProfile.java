package dev.authschema.codegen.harness;

import dev.authschema.adapter.tck.AccountProperty;
import dev.authschema.adapter.tck.ExtraField;
import dev.authschema.adapter.tck.ExtraFields;
import dev.authschema.adapter.tck.ScalarType;
import dev.authschema.codegen.ddl.Dialect;
import dev.authschema.contract.CanonicalProperty;
import dev.authschema.contract.Role;
import dev.authschema.dsl.resolve.DefaultValue;
import dev.authschema.dsl.resolve.FieldKind;
import dev.authschema.dsl.resolve.ResolvedEnum;
import dev.authschema.dsl.resolve.ResolvedField;
import dev.authschema.dsl.resolve.ResolvedModel;
import dev.authschema.dsl.resolve.ResolvedSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the conformance kit must know of a schema to test its generated adapter (the extra fields and their samples,
 * the account properties without a column, who gives users their ids), and the order in which its tables can be
 * emptied. Read from the resolved schema only, so the same answers serve the kit in Java SE and in a server.
 */
public final class SchemaKitProfile {

    private final ResolvedSchema schema;

    public SchemaKitProfile(ResolvedSchema schema) {
        this.schema = schema;
    }

    /** Deletes every row of the schema's tables, children before parents. */
    public void deleteAllRows(Connection connection, Dialect dialect) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (ResolvedModel model : deletionOrder()) {
                statement.executeUpdate("DELETE FROM " + dialect.identifier(model.tableName()));
            }
        }
    }

    /** The extra fields of the user, account and session models, with samples of their types for the kit. */
    public ExtraFields extraFields() {
        return ExtraFields.builder()
                .user(kitFields(Role.USER))
                .account(kitFields(Role.ACCOUNT))
                .session(kitFields(Role.SESSION))
                .build();
    }

    private ExtraField[] kitFields(Role role) {
        ResolvedModel model = schema.model(role).orElse(null);
        if (model == null) {
            return new ExtraField[0];
        }
        List<ExtraField> fields = new ArrayList<>();
        for (ResolvedField field : model.extraFields()) {
            // @updatedAt and database-generated values are the database's to set, not the caller's.
            if (field.updatedAt() || field.defaultValue() instanceof DefaultValue.DbGenerated) {
                continue;
            }
            ExtraField kitField;
            if (field.kind() == FieldKind.ENUM) {
                ResolvedEnum enumeration = schema.enumeration(field.typeName()).orElseThrow();
                List<ResolvedEnum.Value> values = enumeration.values();
                kitField = ExtraField.ofEnum(
                        field.name(),
                        values.get(values.size() - 1).name(),
                        values.get(0).name());
            } else if (field.scalarType() == dev.authschema.dsl.resolve.ScalarType.STRING
                    && field.nativeType() != null
                    && !field.nativeType().arguments().isEmpty()) {
                // a column of the size the schema chose (@db.VarChar(n)): not one for the kit's kilobyte of text
                kitField = ExtraField.withValues(field.name(), "sized text", "sized text, changed");
            } else {
                kitField = ExtraField.of(field.name(), kitType(field));
            }
            // NOT NULL without a default: a model that sets it to null is refused (with a default, null may mean "use
            // it").
            boolean required = !field.optional() && !field.list() && field.defaultValue() == null;
            fields.add(required ? kitField.asRequired() : kitField);
        }
        return fields.toArray(ExtraField[]::new);
    }

    private static ScalarType kitType(ResolvedField field) {
        return switch (field.scalarType()) {
            case STRING -> ScalarType.STRING;
            case BOOLEAN -> ScalarType.BOOLEAN;
            case INT -> ScalarType.INT;
            case BIGINT -> ScalarType.BIG_INT;
            case FLOAT -> ScalarType.FLOAT;
            case DECIMAL -> ScalarType.DECIMAL;
            case DATETIME -> ScalarType.DATE_TIME;
            case JSON -> ScalarType.JSON;
            case BYTES -> ScalarType.BYTES;
        };
    }

    /** The optional account properties the schema has no field for (a v3 schema lacks four). */
    public Set<AccountProperty> unstoredAccountProperties() {
        Set<AccountProperty> unstored = EnumSet.noneOf(AccountProperty.class);
        schema.model(Role.ACCOUNT).ifPresent(account -> {
            for (AccountProperty property : AccountProperty.values()) {
                if (account.field(property.canonical()).isEmpty()) {
                    unstored.add(property);
                }
            }
        });
        return unstored;
    }

    /** Whether the schema's user model requires an e-mail address. */
    public boolean usersRequireEmail() {
        return schema.model(Role.USER)
                .flatMap(m -> m.field(CanonicalProperty.USER_EMAIL))
                .map(f -> !f.optional())
                .orElse(false);
    }

    /** The {@code @updatedAt} extra fields of every model: the store sets them on each write. */
    public Set<String> storeManagedExtraFields() {
        Set<String> managed = new java.util.HashSet<>();
        for (ResolvedModel model : schema.models()) {
            model.extraFields().stream().filter(ResolvedField::updatedAt).forEach(f -> managed.add(f.name()));
        }
        return managed;
    }

    /** Whether the adapter gives users their ids (auto-increment), so the kit must not. */
    public boolean databaseNumbersUsers() {
        return schema.model(Role.USER)
                .flatMap(m -> m.field(CanonicalProperty.USER_ID))
                .map(f -> f.defaultValue() instanceof DefaultValue.AutoIncrement)
                .orElse(false);
    }

    /** Models that hold foreign keys come before the models they point to. */
    public List<ResolvedModel> deletionOrder() {
        Set<ResolvedModel> ordered = new LinkedHashSet<>();
        List<ResolvedModel> models =
                schema.models().stream().filter(m -> !m.ignored()).toList();
        while (ordered.size() < models.size()) {
            for (ResolvedModel model : models) {
                boolean referencedByPending = models.stream()
                        .filter(m -> !ordered.contains(m) && m != model)
                        .anyMatch(m -> m.fields().stream()
                                .anyMatch(f -> f.kind() == FieldKind.RELATION
                                        && f.relation().isOwningSide()
                                        && f.typeName().equals(model.name())));
                if (!ordered.contains(model) && !referencedByPending) {
                    ordered.add(model);
                }
            }
        }
        return List.copyOf(ordered);
    }
}
