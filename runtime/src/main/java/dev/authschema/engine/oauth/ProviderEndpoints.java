package dev.authschema.engine.oauth;

import java.net.URI;

/**
 * Where a provider's endpoints are: discovered for OpenID Connect, configured for plain OAuth 2.
 *
 * @param issuer                the issuer (OpenID Connect), or {@code null}
 * @param authorizationEndpoint the authorization endpoint
 * @param tokenEndpoint         the token endpoint
 * @param userInfoEndpoint      the user info endpoint, or {@code null}
 * @param jwksUri               the signing keys (OpenID Connect), or {@code null}
 */
public record ProviderEndpoints(
        String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI userInfoEndpoint, URI jwksUri) {}
