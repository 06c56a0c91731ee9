package dev.authschema.engine.config;

import java.util.Map;

/**
 * Maps a provider's user-info or ID-token claims to an {@link OAuthProfile}, as Auth.js's provider {@code profile()}
 * callback. Return extra fields in {@link OAuthProfile#extras()} to fill extra user fields of a new user.
 */
@FunctionalInterface
public interface ProfileMapper {

    /**
     * @param claims the provider's claims (ID token claims merged with user info for OpenID Connect)
     * @return the profile
     * @throws IllegalArgumentException if the claims lack the account id
     */
    OAuthProfile map(Map<String, Object> claims);
}
