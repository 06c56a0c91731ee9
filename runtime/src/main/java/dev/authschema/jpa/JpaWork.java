package dev.authschema.jpa;

import jakarta.persistence.EntityManager;
import java.util.function.Function;

/**
 * Runs one adapter operation with an {@link EntityManager} inside a transaction. A generated adapter
 * does all its database work through this, so the same adapter runs in a Jakarta EE server
 * ({@link ContainerJpaWork}, JTA) and in plain Java SE ({@link ResourceLocalJpaWork}).
 */
@FunctionalInterface
public interface JpaWork {

    /**
     * Runs {@code work} in a transaction: joined if one is active, else a new one committed when it
     * returns and rolled back when it throws.
     */
    <T> T inTransaction(Function<EntityManager, T> work);

    /**
     * Runs a read: inside the caller's transaction if one is active, else without starting one, which
     * spares a lookup the round trips of a begin and a commit. By default the same as {@link #inTransaction}.
     */
    default <T> T read(Function<EntityManager, T> work) {
        return inTransaction(work);
    }
}
