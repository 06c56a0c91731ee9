package dev.authschema.engine.config;

import java.time.Instant;

/**
 * Makes a provider's client secret for each token request, for providers whose secret is a short-lived signed JWT
 * rather than a fixed string (Apple: {@link AppleClientSecret}).
 */
@FunctionalInterface
public interface ClientSecretSigner {

    /**
     * @param clientId the provider's client id
     * @param now      the current time
     * @return the client secret to send
     */
    String clientSecret(String clientId, Instant now);
}
