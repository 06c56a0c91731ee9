package dev.authschema.bench.adapter;

import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.SessionAndUser;
import dev.authschema.adapter.VerificationToken;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * The reference: what a developer would write by hand over the same tables, one prepared statement per operation on
 * one connection in auto-commit mode, returning the same records as the generated adapter (with the same extra
 * fields), so both sides do the same mapping work.
 */
public final class HandWrittenJdbc implements AuthOperations {

    private final Connection connection;
    private final String sessionAndUser;
    private final String userByAccount;
    private final String insertSession;
    private final String deleteToken;

    /** @param connection a connection of its own (not shared between threads), in auto-commit mode */
    public HandWrittenJdbc(Connection connection, AuthjsOnPostgres database) {
        this.connection = connection;
        String users = database.name("User");
        this.sessionAndUser = "SELECT s.sessionToken, s.userId, s.expires, s.createdAt, s.updatedAt,"
                + " u.id, u.name, u.email, u.emailVerified, u.image, u.createdAt, u.updatedAt"
                + " FROM " + database.name("Session") + " s JOIN " + users
                + " u ON u.id = s.userId WHERE s.sessionToken = ?";
        this.userByAccount = "SELECT u.id, u.name, u.email, u.emailVerified, u.image, u.createdAt, u.updatedAt"
                + " FROM " + users + " u JOIN " + database.name("Account") + " a ON a.userId = u.id"
                + " WHERE a.provider = ? AND a.providerAccountId = ?";
        this.insertSession = "INSERT INTO " + database.name("Session")
                + " (sessionToken, userId, expires, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)";
        this.deleteToken = "DELETE FROM " + database.name("VerificationToken")
                + " WHERE identifier = ? AND token = ? RETURNING identifier, token, expires";
    }

    @Override
    public Optional<SessionAndUser> getSessionAndUser(String sessionToken) {
        try (PreparedStatement statement = connection.prepareStatement(sessionAndUser)) {
            statement.setString(1, sessionToken);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                AdapterSession session = new AdapterSession(
                        row.getString(1),
                        row.getString(2),
                        instant(row, 3),
                        Map.of("createdAt", instant(row, 4), "updatedAt", instant(row, 5)));
                return Optional.of(new SessionAndUser(session, user(row, 6)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<AdapterUser> getUserByAccount(String provider, String providerAccountId) {
        try (PreparedStatement statement = connection.prepareStatement(userByAccount)) {
            statement.setString(1, provider);
            statement.setString(2, providerAccountId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(user(row, 1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public AdapterSession createSession(AdapterSession session) {
        Instant now = Instant.now();
        try (PreparedStatement statement = connection.prepareStatement(insertSession)) {
            statement.setString(1, session.sessionToken());
            statement.setString(2, session.userId());
            statement.setObject(3, AuthjsOnPostgres.utc(session.expires()));
            statement.setObject(4, AuthjsOnPostgres.utc(now));
            statement.setObject(5, AuthjsOnPostgres.utc(now));
            statement.executeUpdate();
            return new AdapterSession(
                    session.sessionToken(),
                    session.userId(),
                    session.expires(),
                    Map.of("createdAt", now, "updatedAt", now));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<VerificationToken> useVerificationToken(String identifier, String token) {
        try (PreparedStatement statement = connection.prepareStatement(deleteToken)) {
            statement.setString(1, identifier);
            statement.setString(2, token);
            try (ResultSet row = statement.executeQuery()) {
                return row.next()
                        ? Optional.of(new VerificationToken(row.getString(1), row.getString(2), instant(row, 3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AdapterUser user(ResultSet row, int first) throws SQLException {
        return new AdapterUser(
                row.getString(first),
                row.getString(first + 1),
                row.getString(first + 2),
                instant(row, first + 3),
                row.getString(first + 4),
                Map.of("createdAt", instant(row, first + 5), "updatedAt", instant(row, first + 6)));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
