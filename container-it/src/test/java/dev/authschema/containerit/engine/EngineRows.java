package dev.authschema.containerit.engine;

import dev.authschema.containerit.DeployedResources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Counts the demo schema's rows over the deployment's data source with plain JDBC (not through the adapter): inside
 * a JTA transaction the connection is enlisted in it, outside it sees what was committed.
 */
@ApplicationScoped
public class EngineRows {

    @Inject
    DeployedResources resources;

    public long members(String email) {
        return count("SELECT COUNT(*) FROM demo_members WHERE email = ?", email);
    }

    public long verificationTokens(String email) {
        return count("SELECT COUNT(*) FROM demo_sign_in_links WHERE identifier = ?", email);
    }

    public long sessions(String sessionToken) {
        return count("SELECT COUNT(*) FROM demo_login_sessions WHERE session_token = ?", sessionToken);
    }

    public long sessionsOfUser(String userId) {
        return count("SELECT COUNT(*) FROM demo_login_sessions WHERE user_id = ?", userId);
    }

    private long count(String sql, String value) {
        DataSource dataSource = resources.dataSource();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, value);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run " + sql + ": " + e.getMessage(), e);
        }
    }
}
