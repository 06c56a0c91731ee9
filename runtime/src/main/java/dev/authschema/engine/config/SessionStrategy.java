package dev.authschema.engine.config;

/** Where sessions live, as Auth.js's {@code session.strategy}. */
public enum SessionStrategy {
    /** A random token in the cookie, the session in the database; the default when an adapter is configured. */
    DATABASE,
    /** An encrypted JWT in the cookie and no database read; the default without an adapter. */
    JWT
}
