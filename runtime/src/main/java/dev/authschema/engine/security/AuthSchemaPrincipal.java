package dev.authschema.engine.security;

import dev.authschema.engine.model.SessionUser;
import jakarta.security.enterprise.CallerPrincipal;

/** The caller principal of a signed-in user: named by the user id, carrying the session's user. */
public class AuthSchemaPrincipal extends CallerPrincipal {

    private static final long serialVersionUID = 1L;

    /** The signed-in user. */
    private final transient SessionUser user;

    /**
     * @param user the signed-in user; the principal's name is their id
     */
    public AuthSchemaPrincipal(SessionUser user) {
        super(user.id());
        this.user = user;
    }

    /**
     * @return the signed-in user, or {@code null} after deserialisation
     */
    public SessionUser user() {
        return user;
    }
}
