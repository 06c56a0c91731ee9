package dev.authschema.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.function.Function;

/**
 * {@link JpaWork} in a Jakarta EE server: the container's transaction-scoped {@link EntityManager} of
 * the application's persistence unit (its only one, or the one named {@code authschema}), and a JTA
 * transaction joined or started by {@code @Transactional}.
 */
@ApplicationScoped
public class ContainerJpaWork implements JpaWork {

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public <T> T inTransaction(Function<EntityManager, T> work) {
        return work.apply(entityManager);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public <T> T read(Function<EntityManager, T> work) {
        return work.apply(entityManager);
    }
}
