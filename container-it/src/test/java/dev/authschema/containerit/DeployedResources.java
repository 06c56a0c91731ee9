package dev.authschema.containerit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import javax.sql.DataSource;

/** The server's resources of a deployment, for the tests inside it (Arquillian enriches only {@code @Inject}). */
@ApplicationScoped
public class DeployedResources {

    @Resource(lookup = TargetDatabase.JNDI_NAME)
    DataSource dataSource;

    @PersistenceUnit(unitName = KitDeployment.PERSISTENCE_UNIT)
    EntityManagerFactory entityManagers;

    public DataSource dataSource() {
        return dataSource;
    }

    public EntityManagerFactory entityManagers() {
        return entityManagers;
    }
}
