package dev.authschema.bench.http;

import jakarta.annotation.Resource;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * The bare reference for database sessions: the cookie's session and its member in one prepared statement on the
 * server data source the demo's persistence unit uses ({@code jdbc/authschema}, the same pool), the same columns the
 * generated adapter's {@code JOIN FETCH} selects, then the engine's JSON. No engine code, no JPA, no extension of the
 * expiry (the benchmark's sessions are never due for one).
 */
@WebServlet(urlPatterns = "/api/auth/bench-session-db")
public class BareDatabaseSession extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Every column of both rows, as EclipseLink reads them for {@code getSessionAndUser}. */
    static final String SESSION_AND_MEMBER = "SELECT s.id, s.session_token, s.user_id, s.expires, s.user_agent,"
            + " s.ip_address, s.created_at, m.id, m.name, m.email, m.email_verified, m.image, m.display_name,"
            + " m.role, m.joined_at"
            + " FROM demo_login_sessions s JOIN demo_members m ON m.id = s.user_id WHERE s.session_token = ?";

    @Resource(lookup = "jdbc/authschema")
    private transient DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String token = SessionJson.token(request);
        if (token == null) {
            SessionJson.write(response, null, null, null, null);
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(SESSION_AND_MEMBER)) {
            statement.setString(1, token);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    SessionJson.write(response, null, null, null, null);
                    return;
                }
                // TIMESTAMP without zone, in UTC (the generated DDL's convention).
                Instant expires = row.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC);
                if (!expires.isAfter(Instant.now())) {
                    expires = null;
                }
                SessionJson.write(response, row.getString(9), row.getString(10), row.getString(12), expires);
            }
        } catch (SQLException e) {
            throw new ServletException("session read failed", e);
        }
    }
}
