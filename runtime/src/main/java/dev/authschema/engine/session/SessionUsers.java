package dev.authschema.engine.session;

import dev.authschema.adapter.AdapterUser;
import dev.authschema.engine.model.SessionUser;

/** Turns a stored user into the session's view of it. */
final class SessionUsers {

    private SessionUsers() {}

    static SessionUser of(AdapterUser user) {
        return new SessionUser(user.id(), user.name(), user.email(), user.image(), user.extras());
    }
}
