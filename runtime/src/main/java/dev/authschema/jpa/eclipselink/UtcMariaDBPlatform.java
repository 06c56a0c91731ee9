package dev.authschema.jpa.eclipselink;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.platform.database.MariaDBPlatform;

/**
 * EclipseLink's {@code MariaDBPlatform} with {@code TIMESTAMP} values written and read in UTC, whatever the JVM's default time
 * zone (see {@link UtcTimestamps}). Named in the persistence unit:
 * <pre>{@code
 * <property name="eclipselink.target-database" value="dev.authschema.jpa.eclipselink.UtcMariaDBPlatform"/>
 * }</pre>
 */
public class UtcMariaDBPlatform extends MariaDBPlatform {

    /** Public no-argument constructor: EclipseLink instantiates the class named in the persistence unit. */
    public UtcMariaDBPlatform() {}

    /** Off: EclipseLink's optimised read path fetches timestamps through the JVM's zone, bypassing this platform. */
    @Override
    public boolean shouldOptimizeDataConversion() {
        return false;
    }

    @Override
    public void setParameterValueInDatabaseCall(
            Object parameter, PreparedStatement statement, int index, AbstractSession session) throws SQLException {
        if (!UtcTimestamps.bind(parameter, statement, index)) {
            super.setParameterValueInDatabaseCall(parameter, statement, index, session);
        }
    }

    @Override
    public Object getObjectFromResultSet(ResultSet resultSet, int column, int jdbcType, AbstractSession session)
            throws SQLException {
        return UtcTimestamps.isWallClock(jdbcType)
                ? UtcTimestamps.read(resultSet, column)
                : super.getObjectFromResultSet(resultSet, column, jdbcType, session);
    }
}
