package dev.authschema.codegen.harness;

import dev.authschema.codegen.ddl.Dialect;
import java.util.Properties;

/**
 * The persistence provider a harness runs the generated code on: EclipseLink (Open Liberty, Payara, GlassFish) or
 * Hibernate ORM (WildFly), each in Java SE with its own settings for the test database.
 */
public enum JpaProvider {
    ECLIPSELINK("org.eclipse.persistence.jpa.PersistenceProvider"),
    HIBERNATE("org.hibernate.jpa.HibernatePersistenceProvider");

    /** The provider's {@code jakarta.persistence.spi.PersistenceProvider}, as a persistence unit names it. */
    public final String providerClassName;

    JpaProvider(String providerClassName) {
        this.providerClassName = providerClassName;
    }

    /** The provider's own settings for a unit on this database (the connection settings are the caller's). */
    Properties settings(TestDatabase database) {
        Properties properties = new Properties();
        switch (this) {
            case ECLIPSELINK -> {
                properties.put("eclipselink.target-database", database.eclipseLinkPlatform());
                properties.put("eclipselink.logging.level", "WARNING");
                properties.put("eclipselink.connection-pool.default.max", "32");
            }
            case HIBERNATE -> {
                // Hibernate's own (non-production) pool, as large as the EclipseLink harness's.
                properties.put("hibernate.connection.pool_size", "32");
                // The converter's UTC wall-clock LocalDateTime bound as it is (setObject), never through the JVM's
                // zone, which moves a time in a daylight-saving gap. Derby's driver takes no java.time values.
                // Never hibernate.jdbc.time_zone=UTC: it shifts every LocalDateTime by the JVM's offset.
                if (database.dialect() != Dialect.DERBY) {
                    properties.put("hibernate.type.java_time_use_direct_jdbc", "true");
                }
                properties.put("hibernate.type.json_format_mapper", NoJsonFormatMapper.class.getName());
            }
        }
        return properties;
    }
}
