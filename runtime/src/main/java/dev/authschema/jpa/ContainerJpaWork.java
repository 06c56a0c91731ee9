package dev.authschema.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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

    /**
     * Fails unless the persistence unit manages every given entity class. The generated producer calls it when it
     * makes the adapter (at the application's start, when the engine is built), so that a {@code persistence.xml}
     * without the generated entities fails the deployment with their names instead of the first sign-in.
     *
     * @param entities the generated entity classes the adapter uses
     * @throws MissingEntitiesException naming the classes the unit does not manage, and how to fix it
     */
    public void requireEntities(Class<?>... entities) {
        List<String> required = Arrays.stream(entities).map(Class::getName).toList();
        if (entityManager == null) {
            // The server could not set up the unit (its log says why) and injected nothing: say what it must hold.
            throw new MissingEntitiesException("AuthSchema: no persistence unit for the generated AuthAdapter:"
                    + " the server set up none (see its log for the unit's own error). Fix: run the"
                    + " authschema-maven-plugin's generate goal, which writes one; a hand-written"
                    + " META-INF/persistence.xml must list the generated entities " + String.join(", ", required)
                    + " and their UtcInstantConverter as <class> elements.");
        }
        Set<Class<?>> managed = entityManager.getMetamodel().getManagedTypes().stream()
                .map(ManagedType::getJavaType)
                .collect(Collectors.toSet());
        List<String> missing = Arrays.stream(entities)
                .filter(entity -> !managed.contains(entity))
                .map(Class::getName)
                .toList();
        if (!missing.isEmpty()) {
            throw new MissingEntitiesException("The persistence unit of the generated AuthAdapter does not manage "
                    + String.join(", ", missing) + ": list each generated entity (and its UtcInstantConverter) as a"
                    + " <class> of the unit in META-INF/persistence.xml, or remove <exclude-unlisted-classes>.");
        }
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public <T> T read(Function<EntityManager, T> work) {
        return work.apply(entityManager);
    }
}
