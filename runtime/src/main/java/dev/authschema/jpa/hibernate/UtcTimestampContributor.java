package dev.authschema.jpa.hibernate;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.service.ServiceRegistry;

/**
 * Puts {@link UtcTimestampJdbcType} in place of Hibernate's {@code TIMESTAMP} type in every persistence unit of an
 * application that has the runtime (Hibernate finds it through {@code META-INF/services}); EclipseLink never loads it.
 */
public class UtcTimestampContributor implements TypeContributor {

    @Override
    public void contribute(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        typeContributions.contributeJdbcType(new UtcTimestampJdbcType());
    }
}
