package dev.authschema.engine.model;

import java.util.Map;
import java.util.Objects;

/**
 * The signed-in user as a session exposes it, whichever the session strategy: the canonical user properties plus
 * the attributes the application chose to carry (extra user fields for database sessions, custom claims for JWT
 * sessions).
 *
 * @param id         the user's id (the caller principal's name), required
 * @param name       display name or {@code null}
 * @param email      e-mail address or {@code null}
 * @param image      picture URL or {@code null}
 * @param attributes further values by name, never {@code null}
 */
public record SessionUser(String id, String name, String email, String image, Map<String, Object> attributes) {

    /**
     * Checks the id and copies the attributes.
     *
     * @param id the user's id, required
     * @param name display name or {@code null}
     * @param email e-mail address or {@code null}
     * @param image picture URL or {@code null}
     * @param attributes further values by name; {@code null} is read as empty
     */
    public SessionUser {
        Objects.requireNonNull(id, "id");
        attributes = attributes == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }
}
