package dev.authschema.jpa.hibernate;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.TimeZone;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.TimestampJdbcType;

/**
 * Hibernate's {@code TIMESTAMP} type with {@link LocalDateTime} values written and read as the wall-clock time they
 * name, whatever the JVM's default time zone. Hibernate's own goes through {@code Timestamp.valueOf}, which moves a
 * wall-clock time that does not exist in the JVM's zone (a daylight-saving gap) by the size of the gap; the generated
 * {@code UtcInstantConverter} stores every instant as its UTC wall-clock time, so such instants would be stored late.
 * Values of other Java types keep Hibernate's behaviour.
 */
public class UtcTimestampJdbcType extends TimestampJdbcType {

    private static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);

    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
        if (!LocalDateTime.class.equals(javaType.getJavaTypeClass())) {
            return super.getBinder(javaType);
        }
        return new BasicBinder<>(javaType, this) {
            @Override
            protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options)
                    throws SQLException {
                st.setTimestamp(index, utc((LocalDateTime) value), Calendar.getInstance(UTC));
            }

            @Override
            protected void doBind(CallableStatement st, X value, String name, WrapperOptions options)
                    throws SQLException {
                st.setTimestamp(name, utc((LocalDateTime) value), Calendar.getInstance(UTC));
            }
        };
    }

    @Override
    public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
        if (!LocalDateTime.class.equals(javaType.getJavaTypeClass())) {
            return super.getExtractor(javaType);
        }
        return new BasicExtractor<>(javaType, this) {
            @Override
            protected X doExtract(ResultSet rs, int paramIndex, WrapperOptions options) throws SQLException {
                return wallClock(javaType, rs.getTimestamp(paramIndex, Calendar.getInstance(UTC)), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, int index, WrapperOptions options) throws SQLException {
                return wallClock(javaType, statement.getTimestamp(index, Calendar.getInstance(UTC)), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, String name, WrapperOptions options)
                    throws SQLException {
                return wallClock(javaType, statement.getTimestamp(name, Calendar.getInstance(UTC)), options);
            }
        };
    }

    /** The instant whose UTC wall-clock time is {@code value}: the driver writes that wall-clock time through UTC. */
    private static Timestamp utc(LocalDateTime value) {
        return Timestamp.from(value.toInstant(ZoneOffset.UTC));
    }

    private static <X> X wallClock(JavaType<X> javaType, Timestamp read, WrapperOptions options) {
        return read == null ? null : javaType.wrap(LocalDateTime.ofInstant(read.toInstant(), ZoneOffset.UTC), options);
    }
}
