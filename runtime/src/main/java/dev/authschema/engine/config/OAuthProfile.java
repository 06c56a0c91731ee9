package dev.authschema.engine.config;

import java.util.Map;
import java.util.Objects;

/**
 * A provider's profile mapped to the user model: what a new user is created with.
 *
 * @param providerAccountId the account's id at the provider, stored as {@code Account.providerAccountId}; required
 * @param name              display name or {@code null}
 * @param email             e-mail address or {@code null}
 * @param image             picture URL or {@code null}
 * @param extras            values for extra user fields, such as {@code role}; never {@code null}
 */
public record OAuthProfile(String providerAccountId, String name, String email, String image,
                           Map<String, Object> extras) {

    /**
     * @param providerAccountId the account's id at the provider, required
     * @param name display name or {@code null}
     * @param email e-mail address or {@code null}
     * @param image picture URL or {@code null}
     * @param extras values for extra user fields; {@code null} is read as empty
     */
    public OAuthProfile {
        Objects.requireNonNull(providerAccountId, "providerAccountId");
        extras = extras == null ? Map.of() : Map.copyOf(extras);
    }
}
