package dev.authschema.codegen.harness;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterAuthenticator;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.VerificationToken;
import dev.authschema.adapter.tck.DatabaseInspector;
import dev.authschema.codegen.ddl.Dialect;
import dev.authschema.contract.CanonicalProperty;
import dev.authschema.contract.Role;
import dev.authschema.dsl.resolve.DefaultValue;
import dev.authschema.dsl.resolve.FieldKind;
import dev.authschema.dsl.resolve.ResolvedEnum;
import dev.authschema.dsl.resolve.ResolvedField;
import dev.authschema.dsl.resolve.ResolvedModel;
import dev.authschema.dsl.resolve.ResolvedSchema;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

/**
 * Reads rows with plain JDBC, bypassing the adapter under test, for any schema: the resolved schema
 * says which table and column holds each canonical property and each extra field. The connections come from a
 * {@link TestDatabase} here, or from a server's data source when the kit runs inside a container.
 */
public final class SchemaInspector implements DatabaseInspector {

    /** Where the inspector gets a connection for each read (a test database, a server's data source). */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    private final ResolvedSchema schema;
    private final Connections connections;
    private final Dialect dialect;

    SchemaInspector(ResolvedSchema schema, TestDatabase database) {
        this(schema, database.dialect(), database::connect);
    }

    public SchemaInspector(ResolvedSchema schema, Dialect dialect, Connections connections) {
        this.schema = schema;
        this.connections = connections;
        this.dialect = dialect;
    }

    @Override
    public Optional<AdapterUser> user(String id) {
        ResolvedModel model = model(Role.USER);
        return row(
                model,
                List.of(CanonicalProperty.USER_ID),
                List.of(id),
                row -> new AdapterUser(
                        string(model, row, CanonicalProperty.USER_ID),
                        text(model, row, CanonicalProperty.USER_NAME),
                        text(model, row, CanonicalProperty.USER_EMAIL),
                        instant(model, row, CanonicalProperty.USER_EMAIL_VERIFIED),
                        text(model, row, CanonicalProperty.USER_IMAGE),
                        extras(model, row)));
    }

    @Override
    public Optional<AdapterAccount> account(String provider, String providerAccountId) {
        ResolvedModel model = model(Role.ACCOUNT);
        return row(
                model,
                List.of(CanonicalProperty.ACCOUNT_PROVIDER, CanonicalProperty.ACCOUNT_PROVIDER_ACCOUNT_ID),
                List.of(provider, providerAccountId),
                row -> new AdapterAccount(
                        string(model, row, CanonicalProperty.ACCOUNT_USER_ID),
                        text(model, row, CanonicalProperty.ACCOUNT_TYPE),
                        text(model, row, CanonicalProperty.ACCOUNT_PROVIDER),
                        text(model, row, CanonicalProperty.ACCOUNT_PROVIDER_ACCOUNT_ID),
                        text(model, row, CanonicalProperty.ACCOUNT_REFRESH_TOKEN),
                        text(model, row, CanonicalProperty.ACCOUNT_ACCESS_TOKEN),
                        expiresAt(model, row),
                        text(model, row, CanonicalProperty.ACCOUNT_TOKEN_TYPE),
                        text(model, row, CanonicalProperty.ACCOUNT_SCOPE),
                        text(model, row, CanonicalProperty.ACCOUNT_ID_TOKEN),
                        text(model, row, CanonicalProperty.ACCOUNT_SESSION_STATE),
                        extras(model, row)));
    }

    @Override
    public Optional<AdapterSession> session(String sessionToken) {
        ResolvedModel model = model(Role.SESSION);
        return row(
                model,
                List.of(CanonicalProperty.SESSION_TOKEN),
                List.of(sessionToken),
                row -> new AdapterSession(
                        text(model, row, CanonicalProperty.SESSION_TOKEN),
                        string(model, row, CanonicalProperty.SESSION_USER_ID),
                        instant(model, row, CanonicalProperty.SESSION_EXPIRES),
                        extras(model, row)));
    }

    @Override
    public Optional<VerificationToken> verificationToken(String identifier, String token) {
        ResolvedModel model = model(Role.VERIFICATION_TOKEN);
        return row(
                model,
                List.of(CanonicalProperty.VERIFICATION_TOKEN_IDENTIFIER, CanonicalProperty.VERIFICATION_TOKEN_TOKEN),
                List.of(identifier, token),
                row -> new VerificationToken(
                        text(model, row, CanonicalProperty.VERIFICATION_TOKEN_IDENTIFIER),
                        text(model, row, CanonicalProperty.VERIFICATION_TOKEN_TOKEN),
                        instant(model, row, CanonicalProperty.VERIFICATION_TOKEN_EXPIRES)));
    }

    @Override
    public Optional<AdapterAuthenticator> authenticator(String credentialId) {
        ResolvedModel model = model(Role.AUTHENTICATOR);
        return row(
                model,
                List.of(CanonicalProperty.AUTHENTICATOR_CREDENTIAL_ID),
                List.of(credentialId),
                row -> new AdapterAuthenticator(
                        text(model, row, CanonicalProperty.AUTHENTICATOR_CREDENTIAL_ID),
                        string(model, row, CanonicalProperty.AUTHENTICATOR_USER_ID),
                        text(model, row, CanonicalProperty.AUTHENTICATOR_PROVIDER_ACCOUNT_ID),
                        text(model, row, CanonicalProperty.AUTHENTICATOR_CREDENTIAL_PUBLIC_KEY),
                        ((Number) row.get(column(model, CanonicalProperty.AUTHENTICATOR_COUNTER))).longValue(),
                        text(model, row, CanonicalProperty.AUTHENTICATOR_CREDENTIAL_DEVICE_TYPE),
                        Boolean.TRUE.equals(
                                bool(row.get(column(model, CanonicalProperty.AUTHENTICATOR_CREDENTIAL_BACKED_UP)))),
                        text(model, row, CanonicalProperty.AUTHENTICATOR_TRANSPORTS)));
    }

    private ResolvedModel model(Role role) {
        return schema.model(role)
                .orElseThrow(() -> new IllegalStateException("the schema has no " + role.schemaName() + " model"));
    }

    private interface RowMapper<T> {
        T map(Map<String, Object> row);
    }

    /** The row whose canonical properties equal the values, as column name to JDBC value; numeric keys are compared as numbers. */
    private <T> Optional<T> row(
            ResolvedModel model, List<CanonicalProperty> keys, List<String> values, RowMapper<T> mapper) {
        StringBuilder sql = new StringBuilder("SELECT * FROM ")
                .append(dialect.identifier(model.tableName()))
                .append(" WHERE ");
        List<String> conditions = new ArrayList<>();
        for (CanonicalProperty key : keys) {
            conditions.add(dialect.identifier(column(model, key)) + " = ?");
        }
        sql.append(String.join(" AND ", conditions));
        try (Connection connection = connections.open();
                PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < keys.size(); i++) {
                ResolvedField field = model.field(keys.get(i)).orElseThrow();
                switch (field.scalarType()) {
                    case INT -> statement.setInt(i + 1, Integer.parseInt(values.get(i)));
                    case BIGINT -> statement.setLong(i + 1, Long.parseLong(values.get(i)));
                    default -> statement.setString(i + 1, values.get(i));
                }
            }
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                Map<String, Object> row = new LinkedHashMap<>();
                for (ResolvedField field : model.fields()) {
                    if (field.kind() != FieldKind.RELATION && !field.ignored()) {
                        row.put(field.columnName(), read(result, field));
                    }
                }
                return Optional.of(mapper.map(row));
            }
        } catch (NumberFormatException e) {
            return Optional.empty(); // not a numeric id: no row can have it
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object read(ResultSet result, ResolvedField field) throws SQLException {
        String column = field.columnName();
        if (field.kind() == FieldKind.ENUM || field.isUnsupported()) {
            return result.getString(column);
        }
        Object value = switch (field.scalarType()) {
            case STRING, JSON -> result.getString(column);
            case BOOLEAN -> result.getBoolean(column);
            case INT -> result.getInt(column);
            case BIGINT -> result.getLong(column);
            case FLOAT -> result.getDouble(column);
            case DECIMAL -> result.getBigDecimal(column);
            case DATETIME -> {
                // The column holds the UTC wall-clock time: read it through a UTC calendar, not the JVM's zone.
                Timestamp timestamp =
                        result.getTimestamp(column, Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC)));
                yield timestamp == null ? null : timestamp.toInstant();
            }
            case BYTES -> result.getBytes(column);
        };
        return result.wasNull() ? null : value;
    }

    private static String column(ResolvedModel model, CanonicalProperty property) {
        return model.field(property).map(ResolvedField::columnName).orElse(null);
    }

    private static String text(ResolvedModel model, Map<String, Object> row, CanonicalProperty property) {
        String column = column(model, property);
        return column == null ? null : (String) row.get(column);
    }

    private static String string(ResolvedModel model, Map<String, Object> row, CanonicalProperty property) {
        Object value = row.get(column(model, property));
        return value == null ? null : String.valueOf(value);
    }

    private static Instant instant(ResolvedModel model, Map<String, Object> row, CanonicalProperty property) {
        String column = column(model, property);
        return column == null ? null : (Instant) row.get(column);
    }

    private static Long expiresAt(ResolvedModel model, Map<String, Object> row) {
        String column = column(model, CanonicalProperty.ACCOUNT_EXPIRES_AT);
        Object value = column == null ? null : row.get(column);
        if (value instanceof Instant instant) {
            return instant.getEpochSecond();
        }
        return value == null ? null : ((Number) value).longValue();
    }

    private static Boolean bool(Object value) {
        return value instanceof Number number ? number.intValue() != 0 : (Boolean) value;
    }

    /** The extra fields the generated adapter exposes, converted as it converts them. */
    private Map<String, Object> extras(ResolvedModel model, Map<String, Object> row) {
        Map<String, Object> extras = new LinkedHashMap<>();
        for (ResolvedField field : model.extraFields()) {
            if (field.defaultValue() instanceof DefaultValue.DbGenerated) {
                continue;
            }
            Object value = row.get(field.columnName());
            if (field.kind() == FieldKind.ENUM && value != null) {
                String stored = value.toString();
                ResolvedEnum enumeration = schema.enumeration(field.typeName()).orElseThrow();
                value = enumeration.values().stream()
                        .filter(v -> v.dbName().equals(stored))
                        .findFirst()
                        .orElseThrow()
                        .name();
            } else if (value instanceof BigDecimal decimal) {
                value = decimal.stripTrailingZeros();
            }
            extras.put(field.name(), value);
        }
        return extras;
    }
}
