package dev.authschema.adapter;

/**
 * Thrown by {@link AuthAdapter#createSession} when a session with the same token is already stored. The engine makes
 * tokens of 32 random bytes, so this means a bug or an attack, never bad luck. Nothing was changed; the message never
 * contains the token.
 */
public class DuplicateSessionTokenException extends AdapterException {

    private static final long serialVersionUID = 1L;

    /**
     * @param cause the store's own exception (a unique-constraint violation), or {@code null}
     */
    public DuplicateSessionTokenException(Throwable cause) {
        super("createSession: a session with this session token is already stored; nothing was changed", cause);
    }
}
