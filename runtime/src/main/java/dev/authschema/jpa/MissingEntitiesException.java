package dev.authschema.jpa;

/**
 * The persistence unit of a generated adapter does not manage the generated entities (or the server set up no unit
 * at all), thrown by {@link ContainerJpaWork#requireEntities}: a deployment mistake, reported when the application
 * starts with the classes {@code persistence.xml} must list.
 */
public class MissingEntitiesException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is missing and how to fix it
     */
    public MissingEntitiesException(String message) {
        super(message);
    }
}
