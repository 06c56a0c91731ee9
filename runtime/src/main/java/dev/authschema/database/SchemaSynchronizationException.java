package dev.authschema.database;

/** The database refused a statement the {@link SchemaSynchronizer} needed, or the DDL script could not be found or read. */
public final class SchemaSynchronizationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SchemaSynchronizationException(String message) {
        super(message);
    }

    public SchemaSynchronizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
