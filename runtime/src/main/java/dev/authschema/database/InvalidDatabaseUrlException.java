package dev.authschema.database;

/**
 * A connection string that cannot be turned into JDBC settings. The message names the wrong part
 * (scheme, host, port, database name or option) and never contains the password.
 */
public final class InvalidDatabaseUrlException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and how a correct string looks; must not contain the password
     */
    public InvalidDatabaseUrlException(String message) {
        super(message);
    }
}
