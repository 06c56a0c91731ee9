package dev.authschema.engine.config;

import dev.authschema.engine.model.SessionUser;
import java.util.Map;

/** Shapes the JSON that {@code GET /api/auth/session} returns, as Auth.js's {@code callbacks.session}. */
@FunctionalInterface
public interface SessionCallback {

    /**
     * @param session the default JSON object: {@code {user: {name, email, image}, expires}}; a mutable copy
     * @param user    the signed-in user with all attributes
     * @return the object to return (usually {@code session} with additions)
     */
    Map<String, Object> session(Map<String, Object> session, SessionUser user);
}
