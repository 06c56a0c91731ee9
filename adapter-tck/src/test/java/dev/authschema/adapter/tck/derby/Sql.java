package dev.authschema.adapter.tck.derby;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Prepared statements with typed parameters, so that a {@code null} parameter still has its SQL type. */
final class Sql {

    /** A statement parameter. */
    record Param(SqlType type, Object value) {}

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private Sql() {}

    static Param text(String value) {
        return new Param(SqlType.TEXT, value);
    }

    static int update(Connection connection, String sql, List<Param> params) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
        }
    }

    static <T> Optional<T> queryOne(Connection connection, String sql, List<Param> params, RowMapper<T> mapper)
            throws SQLException {
        List<T> rows = queryList(connection, sql, params, mapper);
        if (rows.size() > 1) {
            throw new SQLException("expected at most one row, got " + rows.size() + " from " + sql);
        }
        return rows.stream().findFirst();
    }

    static <T> List<T> queryList(Connection connection, String sql, List<Param> params, RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params);
                ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Param> params)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.size(); i++) {
                params.get(i).type().write(statement, i + 1, params.get(i).value());
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
