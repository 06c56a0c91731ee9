package dev.authschema.engine.config;

/**
 * Why the JWT or session callback is called, as Auth.js's {@code trigger}: given only when a sign-in or an update
 * caused the call; an ordinary read or re-issue of a session has none ({@code null}).
 */
public enum CallbackTrigger {
    /** A known user signed in. */
    SIGN_IN,
    /** A sign-in created the user. */
    SIGN_UP,
    /** The session was updated ({@code POST /api/auth/session}, {@code AuthService.updateSession}). */
    UPDATE
}
