package dev.authschema.engine.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * An OAuth 2 or OpenID Connect provider. OpenID Connect providers need only an issuer (their endpoints come from
 * discovery); plain OAuth 2 providers list their endpoints. Client id, secret and issuer left unset are read from the
 * environment: {@code AUTH_<ID>_ID}, {@code AUTH_<ID>_SECRET}, {@code AUTH_<ID>_ISSUER}, where {@code <ID>} is the
 * provider id in upper case with every other character than a letter or digit replaced by {@code _}.
 * Build one with {@link Providers} or {@link #oidc(String)} / {@link #oauth2(String)}.
 *
 * @param id                                the provider id, such as {@code github}
 * @param name                              the name on sign-in buttons
 * @param openIdConnect                     whether the provider speaks OpenID Connect (ID token, discovery)
 * @param clientId                          the client id, or {@code null} to read it from the environment
 * @param clientSecret                      the client secret, or {@code null} to read it from the environment
 * @param issuer                            the issuer URL (OpenID Connect), or {@code null}
 * @param authorizationEndpoint             authorization endpoint (plain OAuth 2), or {@code null}
 * @param tokenEndpoint                     token endpoint (plain OAuth 2), or {@code null}
 * @param userInfoEndpoint                  user info endpoint (plain OAuth 2), or {@code null}
 * @param emailsEndpoint                    where to ask for the user's addresses when user info has none (GitHub's
 *                                          {@code /user/emails}: a list of {@code email}, {@code primary},
 *                                          {@code verified}), or {@code null}
 * @param scopes                            requested scopes
 * @param clientAuthentication              how to authenticate at the token endpoint
 * @param profileMapper                     maps the provider's claims to a profile
 * @param allowDangerousEmailAccountLinking link to an existing user with the same e-mail address; only for
 *                                          providers that verify addresses
 * @param authorizationParameters           more parameters of the authorization request, such as Apple's
 *                                          {@code response_mode=form_post} or Twitch's {@code claims}
 * @param clientSecretSigner                makes the client secret for each token request (Apple's ES256 JWT,
 *                                          {@link AppleClientSecret}), or {@code null} to send {@code clientSecret}
 */
public record OAuthProviderConfig(
        String id,
        String name,
        boolean openIdConnect,
        String clientId,
        String clientSecret,
        String issuer,
        String authorizationEndpoint,
        String tokenEndpoint,
        String userInfoEndpoint,
        String emailsEndpoint,
        List<String> scopes,
        ClientAuthentication clientAuthentication,
        ProfileMapper profileMapper,
        boolean allowDangerousEmailAccountLinking,
        Map<String, String> authorizationParameters,
        ClientSecretSigner clientSecretSigner)
        implements ProviderConfig {

    /**
     * Checks the required parts.
     *
     * @param id the provider id
     * @param name the name on sign-in buttons
     * @param openIdConnect whether the provider speaks OpenID Connect
     * @param clientId the client id or {@code null}
     * @param clientSecret the client secret or {@code null}
     * @param issuer the issuer URL or {@code null}
     * @param authorizationEndpoint authorization endpoint or {@code null}
     * @param tokenEndpoint token endpoint or {@code null}
     * @param userInfoEndpoint user info endpoint or {@code null}
     * @param emailsEndpoint the user's addresses endpoint or {@code null}
     * @param scopes requested scopes
     * @param clientAuthentication how to authenticate at the token endpoint
     * @param profileMapper maps the provider's claims to a profile
     * @param allowDangerousEmailAccountLinking link by e-mail address
     * @param authorizationParameters more authorization request parameters; {@code null} is read as none
     * @param clientSecretSigner makes the client secret per token request, or {@code null}
     */
    public OAuthProviderConfig {
        authorizationParameters = authorizationParameters == null ? Map.of() : Map.copyOf(authorizationParameters);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(clientAuthentication, "clientAuthentication");
        Objects.requireNonNull(profileMapper, "profileMapper");
    }

    /**
     * An OpenID Connect provider with the standard claims mapping and scopes {@code openid email profile}.
     *
     * @param id the provider id
     * @return the provider; set the issuer with {@link #withIssuer} or {@code AUTH_<ID>_ISSUER}
     */
    public static OAuthProviderConfig oidc(String id) {
        return new OAuthProviderConfig(
                id,
                id,
                true,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of("openid", "email", "profile"),
                ClientAuthentication.CLIENT_SECRET_BASIC,
                StandardProfiles::openIdConnect,
                false,
                Map.of(),
                null);
    }

    /**
     * A plain OAuth 2 provider; set its endpoints, scopes and profile mapper.
     *
     * @param id the provider id
     * @return the provider
     */
    public static OAuthProviderConfig oauth2(String id) {
        return new OAuthProviderConfig(
                id,
                id,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                ClientAuthentication.CLIENT_SECRET_BASIC,
                StandardProfiles::openIdConnect,
                false,
                Map.of(),
                null);
    }

    @Override
    public String type() {
        return openIdConnect ? "oidc" : "oauth";
    }

    /**
     * @param displayName the name on sign-in buttons
     * @return a copy with it
     */
    public OAuthProviderConfig withName(String displayName) {
        return new OAuthProviderConfig(
                id,
                displayName,
                openIdConnect,
                clientId,
                clientSecret,
                issuer,
                authorizationEndpoint,
                tokenEndpoint,
                userInfoEndpoint,
                emailsEndpoint,
                scopes,
                clientAuthentication,
                profileMapper,
                allowDangerousEmailAccountLinking,
                authorizationParameters,
                clientSecretSigner);
    }

    /**
     * @param id     the client id
     * @param secret the client secret
     * @return a copy with both
     */
    public OAuthProviderConfig withClient(String id, String secret) {
        return new OAuthProviderConfig(
                this.id,
                name,
                openIdConnect,
                id,
                secret,
                issuer,
                authorizationEndpoint,
                tokenEndpoint,
                userInfoEndpoint,
                emailsEndpoint,
                scopes,
                clientAuthentication,
                profileMapper,
                allowDangerousEmailAccountLinking,
                authorizationParameters,
                clientSecretSigner);
    }

    /**
     * @param issuerUrl the issuer URL, from which the endpoints are discovered
     * @return a copy with it
     */
    public OAuthProviderConfig withIssuer(String issuerUrl) {
        return new OAuthProviderConfig(
                id,
                name,
                openIdConnect,
                clientId,
                clientSecret,
                issuerUrl,
                authorizationEndpoint,
                tokenEndpoint,
                userInfoEndpoint,
                emailsEndpoint,
                scopes,
                clientAuthentication,
                profileMapper,
                allowDangerousEmailAccountLinking,
                authorizationParameters,
                clientSecretSigner);
    }

    /**
     * @param authorization the authorization endpoint
     * @param token         the token endpoint
     * @param userInfo      the user info endpoint
     * @return a copy with the three endpoints
     */
    public OAuthProviderConfig withEndpoints(String authorization, String token, String userInfo) {
        return new OAuthProviderConfig(
                id,
                name,
                openIdConnect,
                clientId,
                clientSecret,
                issuer,
                authorization,
                token,
                userInfo,
                emailsEndpoint,
                scopes,
                clientAuthentication,
                profileMapper,
                allowDangerousEmailAccountLinking,
                authorizationParameters,
                clientSecretSigner);
    }

    /**
     * @param emails where to ask for the user's addresses when user info has none: a GitHub-style list of
     *               {@code email}, {@code primary}, {@code verified}; only a verified address is used
     * @return a copy with it
     */
    public OAuthProviderConfig withEmailsEndpoint(String emails) {
        return new OAuthProviderConfig(
                id,
                name,
                openIdConnect,
                clientId,
                clientSecret,
                issuer,
                authorizationEndpoint,
                tokenEndpoint,
                userInfoEndpoint,
                emails,
                scopes,
                clientAuthentication,
                profileMapper,
                allowDangerousEmailAccountLinking,
                authorizationParameters,
                clientSecretSigner);
    }

    /**
     * @param requested the scopes to request
     * @return a copy with them
     */
    public OAuthProviderConfig withScopes(List<String> requested) {
        return new OAuthProviderConfig(
                id,
                name,
                openIdConnect,
                clientId,
                clientSecret,
                issuer,
                authorizationEndpoint,
                tokenEndpoint,
                userInfoEndpoint,
                emailsEndpoint,
                requested,
                clientAuthentication,
                profileMapper,
                allowDangerousEmailAccountLinking,
                authorizationParameters,
                clientSecretSigner);
    }

    /**
     * @param method how to authenticate at the token endpoint
     * @return a copy with it
     */
    public OAuthProviderConfig withClientAuthentication(ClientAuthentication method) {
        return new OAuthProviderConfig(
                id,
                name,
                openIdConnect,
                clientId,
                clientSecret,
                issuer,
                authorizationEndpoint,
                tokenEndpoint,
                userInfoEndpoint,
                emailsEndpoint,
                scopes,
                method,
                profileMapper,
                allowDangerousEmailAccountLinking,
                authorizationParameters,
                clientSecretSigner);
    }

    /**
     * @param mapper maps the provider's claims to a profile (Auth.js's {@code profile} callback)
     * @return a copy with it
     */
    public OAuthProviderConfig withProfile(ProfileMapper mapper) {
        return new OAuthProviderConfig(
                id,
                name,
                openIdConnect,
                clientId,
                clientSecret,
                issuer,
                authorizationEndpoint,
                tokenEndpoint,
                userInfoEndpoint,
                emailsEndpoint,
                scopes,
                clientAuthentication,
                mapper,
                allowDangerousEmailAccountLinking,
                authorizationParameters,
                clientSecretSigner);
    }

    /**
     * Lets a sign-in with this provider attach to an existing user with the same e-mail address. Only safe when the
     * provider verifies e-mail addresses.
     *
     * @param allow whether to allow it
     * @return a copy with the setting
     */
    public OAuthProviderConfig withAllowDangerousEmailAccountLinking(boolean allow) {
        return new OAuthProviderConfig(
                id,
                name,
                openIdConnect,
                clientId,
                clientSecret,
                issuer,
                authorizationEndpoint,
                tokenEndpoint,
                userInfoEndpoint,
                emailsEndpoint,
                scopes,
                clientAuthentication,
                profileMapper,
                allow,
                authorizationParameters,
                clientSecretSigner);
    }

    /**
     * @param parameters more parameters of the authorization request (they replace earlier ones); the engine's own
     *                   ({@code state}, {@code nonce}, {@code code_challenge}, ...) cannot be overridden
     * @return a copy with them
     */
    public OAuthProviderConfig withAuthorizationParameters(Map<String, String> parameters) {
        return new OAuthProviderConfig(
                id,
                name,
                openIdConnect,
                clientId,
                clientSecret,
                issuer,
                authorizationEndpoint,
                tokenEndpoint,
                userInfoEndpoint,
                emailsEndpoint,
                scopes,
                clientAuthentication,
                profileMapper,
                allowDangerousEmailAccountLinking,
                parameters,
                clientSecretSigner);
    }

    /**
     * @param signer makes the client secret for each token request (Apple), instead of a fixed {@code clientSecret}
     * @return a copy with it
     */
    public OAuthProviderConfig withClientSecretSigner(ClientSecretSigner signer) {
        return new OAuthProviderConfig(
                id,
                name,
                openIdConnect,
                clientId,
                clientSecret,
                issuer,
                authorizationEndpoint,
                tokenEndpoint,
                userInfoEndpoint,
                emailsEndpoint,
                scopes,
                clientAuthentication,
                profileMapper,
                allowDangerousEmailAccountLinking,
                authorizationParameters,
                signer);
    }

    /**
     * @return the prefix of this provider's environment variables, such as {@code AUTH_GITHUB}
     */
    public String environmentPrefix() {
        return "AUTH_" + id.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /**
     * Fills client id, secret and issuer left unset from the environment.
     *
     * @param environment reads an environment variable, {@code null} when unset
     * @return the completed provider
     */
    public OAuthProviderConfig withEnvironmentDefaults(Function<String, String> environment) {
        String prefix = environmentPrefix();
        return new OAuthProviderConfig(
                id,
                name,
                openIdConnect,
                firstNonBlank(clientId, environment.apply(prefix + "_ID")),
                firstNonBlank(clientSecret, environment.apply(prefix + "_SECRET")),
                firstNonBlank(issuer, environment.apply(prefix + "_ISSUER")),
                authorizationEndpoint,
                tokenEndpoint,
                userInfoEndpoint,
                emailsEndpoint,
                scopes,
                clientAuthentication,
                profileMapper,
                allowDangerousEmailAccountLinking,
                authorizationParameters,
                clientSecretSigner);
    }

    private static String firstNonBlank(String configured, String fromEnvironment) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.trim();
    }

    /** Masks the client secret: it must not end up in logs. */
    @Override
    public String toString() {
        return "OAuthProviderConfig[id=" + id + ", type=" + type() + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret == null ? "null" : "<set>") + ", issuer=" + issuer + ", scopes=" + scopes + "]";
    }
}
