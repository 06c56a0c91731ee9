package dev.authschema.adapter.tck.derby;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * How a Java value of the SPI's type mapping is written to and read from a Derby column. Timestamps go through a
 * UTC calendar, so the stored wall-clock time does not depend on the JVM's time zone or its daylight-saving gaps.
 */
enum SqlType {
    /** VARCHAR and CLOB columns: {@link String}. */
    TEXT(Types.VARCHAR, String.class) {
        @Override
        Object read(ResultSet row, String column) throws SQLException {
            return row.getString(column);
        }

        @Override
        void writeNonNull(PreparedStatement statement, int index, Object value) throws SQLException {
            statement.setString(index, (String) value);
        }
    },
    /** INTEGER: {@link Integer}. */
    INTEGER(Types.INTEGER, Integer.class) {
        @Override
        Object read(ResultSet row, String column) throws SQLException {
            int value = row.getInt(column);
            return row.wasNull() ? null : value;
        }

        @Override
        void writeNonNull(PreparedStatement statement, int index, Object value) throws SQLException {
            statement.setInt(index, (Integer) value);
        }
    },
    /** BIGINT: {@link Long}. */
    BIGINT(Types.BIGINT, Long.class) {
        @Override
        Object read(ResultSet row, String column) throws SQLException {
            long value = row.getLong(column);
            return row.wasNull() ? null : value;
        }

        @Override
        void writeNonNull(PreparedStatement statement, int index, Object value) throws SQLException {
            statement.setLong(index, (Long) value);
        }
    },
    /** DOUBLE: {@link Double}. */
    DOUBLE(Types.DOUBLE, Double.class) {
        @Override
        Object read(ResultSet row, String column) throws SQLException {
            double value = row.getDouble(column);
            return row.wasNull() ? null : value;
        }

        @Override
        void writeNonNull(PreparedStatement statement, int index, Object value) throws SQLException {
            statement.setDouble(index, (Double) value);
        }
    },
    /** DECIMAL: {@link BigDecimal}. */
    DECIMAL(Types.DECIMAL, BigDecimal.class) {
        @Override
        Object read(ResultSet row, String column) throws SQLException {
            return row.getBigDecimal(column);
        }

        @Override
        void writeNonNull(PreparedStatement statement, int index, Object value) throws SQLException {
            statement.setBigDecimal(index, (BigDecimal) value);
        }
    },
    /** BOOLEAN: {@link Boolean}. */
    BOOLEAN(Types.BOOLEAN, Boolean.class) {
        @Override
        Object read(ResultSet row, String column) throws SQLException {
            boolean value = row.getBoolean(column);
            return row.wasNull() ? null : value;
        }

        @Override
        void writeNonNull(PreparedStatement statement, int index, Object value) throws SQLException {
            statement.setBoolean(index, (Boolean) value);
        }
    },
    /** TIMESTAMP: {@link Instant}. */
    TIMESTAMP(Types.TIMESTAMP, Instant.class) {
        @Override
        Object read(ResultSet row, String column) throws SQLException {
            Timestamp value = row.getTimestamp(column, utc());
            return value == null ? null : value.toInstant();
        }

        @Override
        void writeNonNull(PreparedStatement statement, int index, Object value) throws SQLException {
            statement.setTimestamp(index, Timestamp.from((Instant) value), utc());
        }
    },
    /** BLOB: {@code byte[]}. */
    BYTES(Types.BLOB, byte[].class) {
        @Override
        Object read(ResultSet row, String column) throws SQLException {
            return row.getBytes(column);
        }

        @Override
        void writeNonNull(PreparedStatement statement, int index, Object value) throws SQLException {
            statement.setBytes(index, (byte[]) value);
        }
    };

    private final int jdbcType;
    private final Class<?> javaType;

    SqlType(int jdbcType, Class<?> javaType) {
        this.jdbcType = jdbcType;
        this.javaType = javaType;
    }

    /** The Java type of this column's values in the SPI's type mapping. */
    Class<?> javaType() {
        return javaType;
    }

    abstract Object read(ResultSet row, String column) throws SQLException;

    abstract void writeNonNull(PreparedStatement statement, int index, Object value) throws SQLException;

    void write(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, jdbcType);
        } else {
            writeNonNull(statement, index, value);
        }
    }

    // Calendars are mutable and the driver may write to them, so every call gets its own.
    private static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }
}
