package dev.authschema.engine.oauth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.authschema.engine.config.OAuthProviderConfig;
import dev.authschema.engine.model.AuthErrorCode;
import dev.authschema.engine.model.AuthFlowException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves and caches each provider's endpoints (OpenID Connect discovery from the issuer URL) and its ID token
 * validator, whose JWKS cache must outlive a single request. A failed discovery is not cached, so a provider that was
 * down at start-up is retried on the next sign-in.
 */
public final class ProviderDirectory {

    private static final int TIMEOUT_MILLIS = 10_000;
    /** As Nimbus's default: a JWK set larger than this is not a provider's. */
    private static final int JWKS_SIZE_LIMIT = 51_200;

    private final Map<String, ProviderEndpoints> endpoints = new ConcurrentHashMap<>();
    private final Map<String, IDTokenValidator> validators = new ConcurrentHashMap<>();
    private final Map<String, List<JWSAlgorithm>> algorithms = new ConcurrentHashMap<>();

    /**
     * @param provider a provider
     * @return its endpoints
     * @throws AuthFlowException {@code OAuthSignin} if discovery fails
     */
    public ProviderEndpoints endpoints(OAuthProviderConfig provider) {
        return endpoints.computeIfAbsent(provider.id(), id -> resolve(provider));
    }

    /**
     * @param provider an OpenID Connect provider
     * @return the validator of its ID tokens (issuer, audience, signature via JWKS, expiry, nonce)
     */
    public IDTokenValidator idTokenValidator(OAuthProviderConfig provider) {
        return validators.computeIfAbsent(provider.id(), id -> {
            ProviderEndpoints resolved = endpoints(provider);
            try {
                JWSAlgorithm algorithm = signingAlgorithm(provider);
                // Nimbus's default JWKS retriever gives up after 500 ms, which fails sign-ins whenever the provider
                // or this server is slow; use the same timeouts as discovery and the token request.
                return new IDTokenValidator(
                        new Issuer(resolved.issuer()),
                        new ClientID(provider.clientId()),
                        algorithm,
                        resolved.jwksUri().toURL(),
                        new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS, JWKS_SIZE_LIMIT));
            } catch (MalformedURLException e) {
                throw new AuthFlowException(
                        AuthErrorCode.OAuthCallbackError, "provider " + id + " has a malformed jwks_uri", e);
            }
        });
    }

    private JWSAlgorithm signingAlgorithm(OAuthProviderConfig provider) {
        List<JWSAlgorithm> supported = algorithms.getOrDefault(provider.id(), List.of());
        // RS256 is mandatory for OpenID providers; prefer it when offered.
        return supported.isEmpty() || supported.contains(JWSAlgorithm.RS256) ? JWSAlgorithm.RS256 : supported.get(0);
    }

    private ProviderEndpoints resolve(OAuthProviderConfig provider) {
        if (!provider.openIdConnect()) {
            return new ProviderEndpoints(
                    null,
                    URI.create(provider.authorizationEndpoint()),
                    URI.create(provider.tokenEndpoint()),
                    URI.create(provider.userInfoEndpoint()),
                    null);
        }
        try {
            OIDCProviderMetadata metadata =
                    OIDCProviderMetadata.resolve(new Issuer(provider.issuer()), TIMEOUT_MILLIS, TIMEOUT_MILLIS);
            if (metadata.getIDTokenJWSAlgs() != null) {
                algorithms.put(provider.id(), List.copyOf(metadata.getIDTokenJWSAlgs()));
            }
            return new ProviderEndpoints(
                    metadata.getIssuer().getValue(),
                    metadata.getAuthorizationEndpointURI(),
                    metadata.getTokenEndpointURI(),
                    metadata.getUserInfoEndpointURI(),
                    metadata.getJWKSetURI());
        } catch (GeneralException | IOException | RuntimeException e) {
            throw new AuthFlowException(
                    AuthErrorCode.OAuthSignin,
                    "OpenID Connect discovery failed for provider " + provider.id() + " at issuer " + provider.issuer(),
                    e);
        }
    }
}
