package dev.authschema.engine.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Ready-made providers, as Auth.js's {@code providers/*} modules. */
public final class Providers {

    private Providers() {}

    /**
     * GitHub (plain OAuth 2; user info from {@code https://api.github.com/user}; for a user who keeps their address
     * private, the primary verified one from {@code https://api.github.com/user/emails}). Client id and secret from
     * {@code AUTH_GITHUB_ID} and {@code AUTH_GITHUB_SECRET} unless set with {@link OAuthProviderConfig#withClient}.
     *
     * @return the provider
     */
    public static OAuthProviderConfig gitHub() {
        return OAuthProviderConfig.oauth2("github")
                .withName("GitHub")
                .withEndpoints(
                        "https://github.com/login/oauth/authorize",
                        "https://github.com/login/oauth/access_token",
                        "https://api.github.com/user")
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
     * Microsoft Entra ID (OpenID Connect). The issuer names the tenant, {@code
     * https://login.microsoftonline.com/<tenant id>/v2.0}; pass it or set {@code AUTH_MICROSOFT_ENTRA_ID_ISSUER}.
     * The address is verified only with Entra's {@code xms_edov} claim (add it as an optional claim).
     *
     * @param issuerUrl the tenant's issuer URL, or {@code null} for the environment's
     * @return the provider, id {@code microsoft-entra-id}
     */
    public static OAuthProviderConfig microsoftEntraId(String issuerUrl) {
        return OAuthProviderConfig.oidc("microsoft-entra-id")
                .withName("Microsoft Entra ID")
                .withIssuer(issuerUrl)
                .withProfile(PresetProfiles::microsoftEntraId);
    }

    /**
     * Sign in with Apple (OpenID Connect, issuer {@code https://appleid.apple.com}): the answer comes back as a
     * form post ({@code response_mode=form_post}), and the client secret is an ES256 JWT made for each token request
     * from the developer account's key ({@link AppleClientSecret}). The client id (the Services ID) comes from
     * {@code AUTH_APPLE_ID}.
     *
     * @param teamId        the developer team id
     * @param keyId         the key's id
     * @param privateKeyPem the contents of {@code AuthKey_<keyId>.p8}
     * @return the provider, id {@code apple}
     */
    public static OAuthProviderConfig apple(String teamId, String keyId, String privateKeyPem) {
        return apple(AppleClientSecret.fromPem(teamId, keyId, privateKeyPem));
    }

    /**
     * @param secret makes the client secret
     * @return Sign in with Apple with that signer, as {@link #apple(String, String, String)}
     */
    public static OAuthProviderConfig apple(ClientSecretSigner secret) {
        return OAuthProviderConfig.oidc("apple")
                .withName("Apple")
                .withIssuer("https://appleid.apple.com")
                .withScopes(List.of("openid", "email", "name"))
                .withAuthorizationParameters(Map.of("response_mode", "form_post"))
                .withClientAuthentication(ClientAuthentication.CLIENT_SECRET_POST)
                .withClientSecretSigner(secret)
                .withProfile(PresetProfiles::apple);
    }

    /**
     * GitLab (OpenID Connect, issuer {@code https://gitlab.com}; for a self-managed GitLab set
     * {@code AUTH_GITLAB_ISSUER} or call {@code withIssuer}).
     *
     * @return the provider, id {@code gitlab}
     */
    public static OAuthProviderConfig gitLab() {
        return OAuthProviderConfig.oidc("gitlab")
                .withName("GitLab")
                .withIssuer("https://gitlab.com")
                .withProfile(PresetProfiles::openIdConnectWithUsername);
    }

    /**
     * Discord (plain OAuth 2; user info from {@code https://discord.com/api/users/@me}, scopes {@code identify
     * email}).
     *
     * @return the provider, id {@code discord}
     */
    public static OAuthProviderConfig discord() {
        return OAuthProviderConfig.oauth2("discord")
                .withName("Discord")
                .withEndpoints(
                        "https://discord.com/oauth2/authorize",
                        "https://discord.com/api/oauth2/token",
                        "https://discord.com/api/users/@me")
                .withScopes(List.of("identify", "email"))
                .withProfile(PresetProfiles::discord);
    }

    /**
     * Keycloak (OpenID Connect); the issuer is the realm, {@code https://<host>/realms/<realm>}.
     *
     * @param issuerUrl the realm's issuer URL, or {@code null} for {@code AUTH_KEYCLOAK_ISSUER}
     * @return the provider, id {@code keycloak}
     */
    public static OAuthProviderConfig keycloak(String issuerUrl) {
        return byIssuer("keycloak", "Keycloak", issuerUrl);
    }

    /**
     * Okta (OpenID Connect); the issuer is the org or an authorization server, such as {@code
     * https://<org>.okta.com/oauth2/default}.
     *
     * @param issuerUrl the issuer URL, or {@code null} for {@code AUTH_OKTA_ISSUER}
     * @return the provider, id {@code okta}
     */
    public static OAuthProviderConfig okta(String issuerUrl) {
        return byIssuer("okta", "Okta", issuerUrl);
    }

    /**
     * Auth0 (OpenID Connect); the issuer is the tenant's domain with its trailing slash, {@code
     * https://<tenant>.auth0.com/}.
     *
     * @param issuerUrl the issuer URL, or {@code null} for {@code AUTH_AUTH0_ISSUER}
     * @return the provider, id {@code auth0}
     */
    public static OAuthProviderConfig auth0(String issuerUrl) {
        return byIssuer("auth0", "Auth0", issuerUrl);
    }

    /**
     * Zitadel (OpenID Connect); the issuer is the instance, such as {@code https://<instance>.zitadel.cloud}.
     *
     * @param issuerUrl the issuer URL, or {@code null} for {@code AUTH_ZITADEL_ISSUER}
     * @return the provider, id {@code zitadel}
     */
    public static OAuthProviderConfig zitadel(String issuerUrl) {
        return byIssuer("zitadel", "Zitadel", issuerUrl);
    }

    /**
     * Authentik (OpenID Connect); the issuer is the application, {@code https://<host>/application/o/<slug>/}.
     *
     * @param issuerUrl the issuer URL, or {@code null} for {@code AUTH_AUTHENTIK_ISSUER}
     * @return the provider, id {@code authentik}
     */
    public static OAuthProviderConfig authentik(String issuerUrl) {
        return byIssuer("authentik", "Authentik", issuerUrl);
    }

    /**
     * Slack ("Sign in with Slack", OpenID Connect, issuer {@code https://slack.com}).
     *
     * @return the provider, id {@code slack}
     */
    public static OAuthProviderConfig slack() {
        return OAuthProviderConfig.oidc("slack")
                .withName("Slack")
                .withIssuer("https://slack.com")
                .withClientAuthentication(ClientAuthentication.CLIENT_SECRET_POST)
                .withProfile(PresetProfiles::slack);
    }

    /**
     * Facebook (plain OAuth 2; user info from the Graph API's {@code /me?fields=id,name,email,picture}). Facebook does
     * not say whether an address is verified: its users never find or link an existing user by address.
     *
     * @return the provider, id {@code facebook}
     */
    public static OAuthProviderConfig facebook() {
        return OAuthProviderConfig.oauth2("facebook")
                .withName("Facebook")
                .withEndpoints(
                        "https://www.facebook.com/v19.0/dialog/oauth",
                        "https://graph.facebook.com/v19.0/oauth/access_token",
                        "https://graph.facebook.com/me?fields=id,name,email,picture")
                .withScopes(List.of("email", "public_profile"))
                .withClientAuthentication(ClientAuthentication.CLIENT_SECRET_POST)
                .withProfile(PresetProfiles::facebook);
    }

    /**
     * LinkedIn ("Sign In with LinkedIn using OpenID Connect", issuer {@code https://www.linkedin.com/oauth}).
     *
     * @return the provider, id {@code linkedin}
     */
    public static OAuthProviderConfig linkedIn() {
        return OAuthProviderConfig.oidc("linkedin")
                .withName("LinkedIn")
                .withIssuer("https://www.linkedin.com/oauth")
                .withScopes(List.of("openid", "profile", "email"))
                .withClientAuthentication(ClientAuthentication.CLIENT_SECRET_POST);
    }

    /**
     * Twitch (OpenID Connect, issuer {@code https://id.twitch.tv/oauth2}). Twitch puts the address, its
     * verification, the picture and the login name into the ID token only when asked by the {@code claims}
     * parameter, which the preset sends.
     *
     * @return the provider, id {@code twitch}
     */
    public static OAuthProviderConfig twitch() {
        return OAuthProviderConfig.oidc("twitch")
                .withName("Twitch")
                .withIssuer("https://id.twitch.tv/oauth2")
                .withScopes(List.of("openid", "user:read:email"))
                .withAuthorizationParameters(Map.of(
                        "claims",
                        "{\"id_token\":{\"email\":null,"
                                + "\"email_verified\":null,\"picture\":null,\"preferred_username\":null}}"))
                .withClientAuthentication(ClientAuthentication.CLIENT_SECRET_POST)
                .withProfile(PresetProfiles::openIdConnectWithUsername);
    }

    /**
     * Bitbucket Cloud (plain OAuth 2; user info from {@code https://api.bitbucket.org/2.0/user}, scope
     * {@code account}). The profile has no address.
     *
     * @return the provider, id {@code bitbucket}
     */
    public static OAuthProviderConfig bitbucket() {
        return OAuthProviderConfig.oauth2("bitbucket")
                .withName("Bitbucket")
                .withEndpoints(
                        "https://bitbucket.org/site/oauth2/authorize",
                        "https://bitbucket.org/site/oauth2/access_token",
                        "https://api.bitbucket.org/2.0/user")
                .withScopes(List.of("account"))
                .withProfile(PresetProfiles::bitbucket);
    }

    private static OAuthProviderConfig byIssuer(String id, String name, String issuerUrl) {
        return OAuthProviderConfig.oidc(id)
                .withName(name)
                .withIssuer(issuerUrl)
                .withProfile(PresetProfiles::openIdConnectWithUsername);
    }

    /**
     * Sign-in by e-mail link, sent through the server's Jakarta Mail session {@code mail/authschema}.
     *
     * @param from the sender address
     * @return the provider; links are valid for 24 hours
     */
    public static EmailProviderConfig email(String from) {
        return new EmailProviderConfig(
                "email", "Email", from, Duration.ofHours(24), null, EmailProviderConfig.DEFAULT_MAIL_SESSION);
    }

    /**
     * Passkeys (WebAuthn, Auth.js's {@code Passkey} provider): a signed-in user adds passkeys to their account and
     * then signs in with one, without typing a name. Sign-up with a passkey alone is off; turn it on with
     * {@link PasskeyProviderConfig#withSignUp}. Needs an adapter with the {@code AUTHENTICATORS} capability.
     *
     * @return the provider, id {@code passkey}; challenges are valid for 5 minutes, user verification is required
     */
    public static PasskeyProviderConfig passkey() {
        return new PasskeyProviderConfig("passkey", "Passkey", false, PasskeyProviderConfig.DEFAULT_CHALLENGE_MAX_AGE);
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
        return new EmailProviderConfig(
                "email-code",
                "Email code",
                from,
                Duration.ofMinutes(10),
                null,
                EmailProviderConfig.DEFAULT_MAIL_SESSION,
                EmailCodeSettings.defaults());
    }

    /**
     * Sign-in with an e-mail address and a password, with sign-up, e-mail verification, password change and reset.
     * Needs an adapter whose User model has {@code passwordHash String?} (the {@code PASSWORDS} capability) and an
     * e-mail provider with id {@code email} ({@link #email}) to send the verification and reset links; passwords of
     * 8 to 128 characters; an address signs in with its password only once it is verified. Change the defaults with
     * {@link PasswordProviderConfig#withMinLength}, {@link PasswordProviderConfig#withEmailVerification} and
     * {@link PasswordProviderConfig#withSignUp}.
     *
     * @return the provider, id {@code password}
     */
    public static PasswordProviderConfig password() {
        return new PasswordProviderConfig(
                "password",
                "Password",
                PasswordProviderConfig.MIN_LENGTH,
                true,
                true,
                "email",
                PasswordProviderConfig.DEFAULT_RESET_MAX_AGE);
    }
}
