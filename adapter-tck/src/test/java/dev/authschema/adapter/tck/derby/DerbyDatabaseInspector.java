package dev.authschema.adapter.tck.derby;

import static dev.authschema.adapter.tck.derby.DerbySchema.ACCOUNT;
import static dev.authschema.adapter.tck.derby.DerbySchema.AUTHENTICATOR;
import static dev.authschema.adapter.tck.derby.DerbySchema.EXTRA_COLUMNS;
import static dev.authschema.adapter.tck.derby.DerbySchema.SESSION;
import static dev.authschema.adapter.tck.derby.DerbySchema.USER;
import static dev.authschema.adapter.tck.derby.DerbySchema.VERIFICATION_TOKEN;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterAuthenticator;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.VerificationToken;
import dev.authschema.adapter.tck.DatabaseInspector;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the reference schema's rows with {@code SELECT *}, sharing only the value conversions ({@link SqlType})
 * with the adapter, so that the adapter's own queries and mappings are checked, not reused.
 */
final class DerbyDatabaseInspector implements DatabaseInspector {

    private final DerbyDatabase database;

    DerbyDatabaseInspector(DerbyDatabase database) {
        this.database = database;
    }

    @Override
    public Optional<AdapterUser> user(String id) {
        return selectOne(
                "SELECT * FROM " + USER + " WHERE \"id\" = ?",
                List.of(id),
                row -> new AdapterUser(
                        row.getString("id"),
                        row.getString("name"),
                        row.getString("email"),
                        instant(row, "emailVerified"),
                        row.getString("image"),
                        extras(row)));
    }

    @Override
    public Optional<AdapterAccount> account(String provider, String providerAccountId) {
        return selectOne(
                "SELECT * FROM " + ACCOUNT + " WHERE \"provider\" = ? AND \"providerAccountId\" = ?",
                List.of(provider, providerAccountId),
                row -> {
                    long expiresAt = row.getLong("expires_at");
                    return new AdapterAccount(
                            row.getString("userId"),
                            row.getString("type"),
                            row.getString("provider"),
                            row.getString("providerAccountId"),
                            row.getString("refresh_token"),
                            row.getString("access_token"),
                            row.wasNull() ? null : expiresAt,
                            row.getString("token_type"),
                            row.getString("scope"),
                            row.getString("id_token"),
                            row.getString("session_state"),
                            extras(row));
                });
    }

    @Override
    public Optional<AdapterSession> session(String sessionToken) {
        return selectOne(
                "SELECT * FROM " + SESSION + " WHERE \"sessionToken\" = ?",
                List.of(sessionToken),
                row -> new AdapterSession(
                        row.getString("sessionToken"), row.getString("userId"), instant(row, "expires"), extras(row)));
    }

    @Override
    public Optional<VerificationToken> verificationToken(String identifier, String token) {
        return selectOne(
                "SELECT * FROM " + VERIFICATION_TOKEN + " WHERE \"identifier\" = ? AND \"token\" = ?",
                List.of(identifier, token),
                row -> new VerificationToken(
                        row.getString("identifier"), row.getString("token"), instant(row, "expires")));
    }

    @Override
    public Optional<AdapterAuthenticator> authenticator(String credentialId) {
        return selectOne(
                "SELECT * FROM " + AUTHENTICATOR + " WHERE \"credentialID\" = ?",
                List.of(credentialId),
                row -> new AdapterAuthenticator(
                        row.getString("credentialID"),
                        row.getString("userId"),
                        row.getString("providerAccountId"),
                        row.getString("credentialPublicKey"),
                        row.getLong("counter"),
                        row.getString("credentialDeviceType"),
                        row.getBoolean("credentialBackedUp"),
                        row.getString("transports")));
    }

    private <T> Optional<T> selectOne(String sql, List<String> keys, Sql.RowMapper<T> mapper) {
        return database.withConnection(connection ->
                Sql.queryOne(connection, sql, keys.stream().map(Sql::text).toList(), mapper));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return (Instant) SqlType.TIMESTAMP.read(row, column);
    }

    private static Map<String, Object> extras(ResultSet row) throws SQLException {
        Map<String, Object> extras = new LinkedHashMap<>();
        for (ExtraColumn column : EXTRA_COLUMNS) {
            extras.put(column.name(), column.type().read(row, column.name()));
        }
        return extras;
    }
}
