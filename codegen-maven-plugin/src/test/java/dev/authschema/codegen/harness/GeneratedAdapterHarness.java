package dev.authschema.codegen.harness;

import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.tck.AccountProperty;
import dev.authschema.adapter.tck.DatabaseInspector;
import dev.authschema.adapter.tck.ExtraField;
import dev.authschema.adapter.tck.ExtraFields;
import dev.authschema.adapter.tck.ScalarType;
import dev.authschema.codegen.CodeGenerator;
import dev.authschema.codegen.ddl.DdlGenerator;
import dev.authschema.contract.CanonicalProperty;
import dev.authschema.contract.Role;
import dev.authschema.dsl.resolve.DefaultValue;
import dev.authschema.dsl.resolve.FieldKind;
import dev.authschema.dsl.resolve.ResolvedEnum;
import dev.authschema.dsl.resolve.ResolvedField;
import dev.authschema.dsl.resolve.ResolvedModel;
import dev.authschema.dsl.resolve.ResolvedSchema;
import dev.authschema.jpa.JpaWork;
import dev.authschema.jpa.ResourceLocalJpaWork;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * A schema's generated code, compiled and running: its DDL applied to a fresh database, its entities
 * in an EclipseLink persistence unit (Java SE, schema validation by use), and its adapter ready for the
 * conformance kit.
 */
public final class GeneratedAdapterHarness implements AutoCloseable {

    private final ResolvedSchema schema;
    private final TestDatabase database;
    private final URLClassLoader classes;
    private final EntityManagerFactory factory;
    private final AuthAdapter adapter;

    private GeneratedAdapterHarness(ResolvedSchema schema, String packageName, TestDatabase database, URLClassLoader classes)
            throws Exception {
        this.schema = schema;
        this.database = database;
        this.classes = classes;
        applyDdl();
        Properties properties = new Properties();
        properties.put("jakarta.persistence.jdbc.url", database.url());
        properties.put("jakarta.persistence.jdbc.user", database.user());
        properties.put("jakarta.persistence.jdbc.password", "");
        properties.put("eclipselink.target-database", database.eclipseLinkPlatform());
        properties.put("eclipselink.logging.level", "WARNING");
        properties.put("eclipselink.connection-pool.default.max", "32");
        this.factory = JavaSePersistenceUnit.entityManagerFactory(schema, packageName, classes, properties);
        JpaWork jpaWork = new ResourceLocalJpaWork(factory);
        this.adapter = (AuthAdapter) classes.loadClass(packageName + ".JpaAuthAdapter").getConstructor(JpaWork.class).newInstance(jpaWork);
    }

    /** Generates and compiles the schema's code, then starts it on a fresh database. */
    public static GeneratedAdapterHarness start(ResolvedSchema schema, String packageName, TestDatabase.Kind kind) {
        try {
            URLClassLoader classes = InMemoryCompiler.compile(CodeGenerator.javaSources(schema, packageName),
                    Files.createTempDirectory("authschema-generated"));
            return start(schema, packageName, kind, classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts code that a real build already generated and compiled (the plugin's integration tests):
     * {@code classes} sees the project's classes, whose root holds the entities' package.
     */
    public static GeneratedAdapterHarness start(ResolvedSchema schema, String packageName, TestDatabase.Kind kind, URLClassLoader classes) {
        TestDatabase database = TestDatabase.create(kind);
        try {
            return new GeneratedAdapterHarness(schema, packageName, database, classes);
        } catch (Exception e) {
            try {
                database.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("Cannot start the generated adapter: " + e.getMessage(), e);
        }
    }

    private void applyDdl() throws SQLException {
        String script = database.runnable(DdlGenerator.generate(schema, database.dialect()));
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String sql : script.split(";\n")) {
                String trimmed = sql.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + b + "\n").trim();
                if (!trimmed.isEmpty()) {
                    statement.execute(trimmed);
                }
            }
        }
    }

    public AuthAdapter adapter() {
        return adapter;
    }

    public DatabaseInspector inspector() {
        return new SchemaInspector(schema, database);
    }

    public TestDatabase database() {
        return database;
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
                kitField = ExtraField.ofEnum(field.name(), values.get(values.size() - 1).name(), values.get(0).name());
            } else if (field.scalarType() == dev.authschema.dsl.resolve.ScalarType.STRING && field.nativeType() != null
                    && !field.nativeType().arguments().isEmpty()) {
                // a column of the size the schema chose (@db.VarChar(n)): not one for the kit's kilobyte of text
                kitField = ExtraField.withValues(field.name(), "sized text", "sized text, changed");
            } else {
                kitField = ExtraField.of(field.name(), kitType(field));
            }
            // NOT NULL without a default: a model that sets it to null is refused (with a default, null may mean "use it").
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
        return schema.model(Role.USER).flatMap(m -> m.field(CanonicalProperty.USER_EMAIL)).map(f -> !f.optional()).orElse(false);
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
        return schema.model(Role.USER).flatMap(m -> m.field(CanonicalProperty.USER_ID))
                .map(f -> f.defaultValue() instanceof DefaultValue.AutoIncrement).orElse(false);
    }

    /** Deletes every row, children before parents, and forgets what EclipseLink cached. */
    public void clean() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (ResolvedModel model : deletionOrder()) {
                statement.executeUpdate("DELETE FROM " + database.dialect().identifier(model.tableName()));
            }
        }
        factory.getCache().evictAll();
    }

    /** Models that hold foreign keys come before the models they point to. */
    private List<ResolvedModel> deletionOrder() {
        Set<ResolvedModel> ordered = new LinkedHashSet<>();
        List<ResolvedModel> models = schema.models().stream().filter(m -> !m.ignored()).toList();
        while (ordered.size() < models.size()) {
            for (ResolvedModel model : models) {
                boolean referencedByPending = models.stream().filter(m -> !ordered.contains(m) && m != model)
                        .anyMatch(m -> m.fields().stream().anyMatch(f -> f.kind() == FieldKind.RELATION && f.relation().isOwningSide()
                                && f.typeName().equals(model.name())));
                if (!ordered.contains(model) && !referencedByPending) {
                    ordered.add(model);
                }
            }
        }
        return List.copyOf(ordered);
    }

    @Override
    public void close() throws SQLException {
        factory.close();
        try {
            classes.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        database.close();
    }
}
