package dev.authschema.jpa;

import jakarta.persistence.EntityManager;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The generated adapter's access to the database: {@link JpaWork} plus the translation of every store failure into
 * the typed {@link dev.authschema.adapter.AdapterException} it means ({@link StoreOperation}), so that no
 * {@link jakarta.persistence.PersistenceException} reaches the engine, and no message carries a column value. A
 * failure at commit (after the operation returned) is translated the same way as one at flush.
 */
public final class JpaStore {

    /** Immutable, so one serves every read: no allocation for it on the session-read path. */
    private static final StoreOperation READ = StoreOperation.named("a read");

    private final JpaWork work;

    /**
     * @param work runs each operation in a transaction
     */
    public JpaStore(JpaWork work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    /**
     * Runs a read ({@link JpaWork#read}).
     *
     * @param query the read
     * @param <T>   what it returns
     * @return what {@code query} returned
     * @throws dev.authschema.adapter.AdapterException if the store fails
     */
    public <T> T read(Function<EntityManager, T> query) {
        return run(READ, () -> work.read(query));
    }

    /**
     * Runs a write in a transaction ({@link JpaWork#inTransaction}).
     *
     * @param operation what the write does, which tells what a violated constraint means
     * @param change    the write
     * @param <T>       what it returns
     * @return what {@code change} returned
     * @throws dev.authschema.adapter.AdapterException if the store fails, typed by {@code operation}
     */
    public <T> T write(StoreOperation operation, Function<EntityManager, T> change) {
        return run(operation, () -> work.inTransaction(change));
    }

    private static <T> T run(StoreOperation operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (StoreOperation.isStoreFailure(e)) {
                throw operation.failure(e);
            }
            throw e;
        }
    }
}
