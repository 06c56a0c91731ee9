package dev.authschema.engine.config;

import java.util.Map;
import java.util.Objects;

/**
 * A provider's profile mapped to the user model: what a new user is created with.
 *
 * <p>The address counts only when {@code emailVerified} is true: only then does it find or link an existing user
 * (and only with {@code allowDangerousEmailAccountLinking}), and only then does a new user get it, with
 * {@code emailVerified} set to the sign-in time. A new user from an unverified profile gets no address at all, so
 * that the real owner's later e-mail sign-in can never land in it.
 *
 * @param providerAccountId the account's id at the provider, stored as {@code Account.providerAccountId}; required
 * @param name              display name or {@code null}
 * @param email             e-mail address or {@code null}
 * @param image             picture URL or {@code null}
 * @param extras            values for extra user fields, such as {@code role}; never {@code null}
 * @param emailVerified     whether the provider vouches that the account's owner controls {@code email} (OpenID
 *                          Connect's {@code email_verified} claim, GitHub's primary verified address)
 */
public record OAuthProfile(
        String providerAccountId,
        String name,
        String email,
        String image,
        Map<String, Object> extras,
        boolean emailVerified) {

    /**
     * @param providerAccountId the account's id at the provider, required
     * @param name display name or {@code null}
     * @param email e-mail address or {@code null}
     * @param image picture URL or {@code null}
     * @param extras values for extra user fields; {@code null} is read as empty
     * @param emailVerified whether the provider vouches for {@code email}
     */
    public OAuthProfile {
        Objects.requireNonNull(providerAccountId, "providerAccountId");
        extras = extras == null ? Map.of() : Map.copyOf(extras);
    }

    /**
     * A profile whose address is not known to be verified: it is never used to find, link or create a user's
     * address (the constructor of earlier versions; a profile mapper that knows better passes {@code emailVerified}).
     *
     * @param providerAccountId the account's id at the provider, required
     * @param name display name or {@code null}
     * @param email e-mail address or {@code null}
     * @param image picture URL or {@code null}
     * @param extras values for extra user fields; {@code null} is read as empty
     */
    public OAuthProfile(String providerAccountId, String name, String email, String image, Map<String, Object> extras) {
        this(providerAccountId, name, email, image, extras, false);
    }
}
