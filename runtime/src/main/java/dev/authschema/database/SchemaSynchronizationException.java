package dev.authschema.database;

/** The database refused a statement the {@link SchemaSynchronizer} needed, or the DDL script could not be found or read. */
public final class SchemaSynchronizationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed, naming the object or script; never holds credentials */
    public SchemaSynchronizationException(String message) {
        super(message);
    }

    /**
     * @param message what failed, naming the object or script; never holds credentials
     * @param cause   the database's or reader's exception
     */
    public SchemaSynchronizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
