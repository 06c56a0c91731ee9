package dev.authschema.engine.config;

/** A way to sign in: an OAuth 2 / OpenID Connect provider, e-mail links, passkeys or passwords. */
public sealed interface ProviderConfig
        permits OAuthProviderConfig, EmailProviderConfig, PasskeyProviderConfig, PasswordProviderConfig {

    /**
     * @return the id used in URLs ({@code /api/auth/signin/{id}}) and stored as {@code Account.provider}
     */
    String id();

    /**
     * @return the name shown on sign-in buttons
     */
    String name();

    /**
     * @return {@code oidc}, {@code oauth}, {@code email}, {@code webauthn} or {@code credentials}, as in Auth.js's providers JSON
     */
    String type();
}
