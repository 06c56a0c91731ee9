package dev.authschema.engine.config;

/** How the client authenticates at the token endpoint. */
public enum ClientAuthentication {
    /** HTTP Basic with client id and secret (OAuth 2's default). */
    CLIENT_SECRET_BASIC,
    /** Client id and secret in the form body. */
    CLIENT_SECRET_POST
}
