package dev.authschema.engine.config;

import java.time.Duration;
import java.util.List;

/** Ready-made providers, as Auth.js's {@code providers/*} modules. */
public final class Providers {

    private Providers() {
    }

    /**
     * GitHub (plain OAuth 2; user info from {@code https://api.github.com/user}; for a user who keeps their address
     * private, the primary verified one from {@code https://api.github.com/user/emails}). Client id and secret from
     * {@code AUTH_GITHUB_ID} and {@code AUTH_GITHUB_SECRET} unless set with {@link OAuthProviderConfig#withClient}.
     *
     * @return the provider
     */
    public static OAuthProviderConfig gitHub() {
        return OAuthProviderConfig.oauth2("github").withName("GitHub")
                .withEndpoints("https://github.com/login/oauth/authorize",
                        "https://github.com/login/oauth/access_token", "https://api.github.com/user")
                .withEmailsEndpoint("https://api.github.com/user/emails")
                .withScopes(List.of("read:user", "user:email"))
                .withClientAuthentication(ClientAuthentication.CLIENT_SECRET_POST)
                .withProfile(StandardProfiles::gitHub);
    }

    /**
     * Google (OpenID Connect, issuer {@code https://accounts.google.com}). Client id and secret from
     * {@code AUTH_GOOGLE_ID} and {@code AUTH_GOOGLE_SECRET}.
     *
     * @return the provider
     */
    public static OAuthProviderConfig google() {
        return OAuthProviderConfig.oidc("google").withName("Google").withIssuer("https://accounts.google.com");
    }

    /**
     * Any OpenID Connect provider by its issuer URL (Keycloak, Microsoft Entra ID, Okta, Auth0, ...).
     *
     * @param id        the provider id
     * @param name      the name on sign-in buttons
     * @param issuerUrl the issuer URL, or {@code null} to read it from {@code AUTH_<ID>_ISSUER}
     * @return the provider
     */
    public static OAuthProviderConfig openIdConnect(String id, String name, String issuerUrl) {
        return OAuthProviderConfig.oidc(id).withName(name).withIssuer(issuerUrl);
    }

    /**
     * Sign-in by e-mail link, sent through the server's Jakarta Mail session {@code mail/authschema}.
     *
     * @param from the sender address
     * @return the provider; links are valid for 24 hours
     */
    public static EmailProviderConfig email(String from) {
        return new EmailProviderConfig("email", "Email", from, Duration.ofHours(24), null,
                EmailProviderConfig.DEFAULT_MAIL_SESSION);
    }

    /**
     * Sign-in by a mailed one-time code (Better Auth's {@code emailOTP}): six digits, valid for 10 minutes, five
     * attempts; change them with {@link EmailProviderConfig#withCodes} and {@link EmailProviderConfig#withMaxAge}.
     * The code is typed into the page of the browser that asked for it ({@code /api/auth/callback/email-code}).
     *
     * @param from the sender address
     * @return the provider, with the id {@code email-code}
     */
    public static EmailProviderConfig emailCode(String from) {
        return new EmailProviderConfig("email-code", "Email code", from, Duration.ofMinutes(10), null,
                EmailProviderConfig.DEFAULT_MAIL_SESSION, EmailCodeSettings.defaults());
    }
}
