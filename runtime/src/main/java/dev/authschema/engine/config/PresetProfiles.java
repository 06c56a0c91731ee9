package dev.authschema.engine.config;

import java.util.Map;

/**
 * The profile mappings of the presets beyond GitHub and Google, each written from the provider's documented answer.
 * An address counts as verified only where the provider's own answer says so.
 */
final class PresetProfiles {

    private PresetProfiles() {}

    /**
     * OpenID Connect claims where {@code name} may be missing (Keycloak, Okta, Zitadel, Authentik, GitLab, Twitch):
     * the name falls back to {@code preferred_username}, then {@code nickname}.
     */
    static OAuthProfile openIdConnectWithUsername(Map<String, Object> claims) {
        OAuthProfile standard = StandardProfiles.openIdConnect(claims);
        String name = firstText(claims, "name", "preferred_username", "nickname");
        return new OAuthProfile(
                standard.providerAccountId(),
                name,
                standard.email(),
                standard.image(),
                Map.of(),
                standard.emailVerified());
    }

    /**
     * Microsoft Entra ID's ID token: {@code sub} (per application), {@code name}, {@code email} (an optional claim
     * that any tenant admin can set to anything, so it is verified only with {@code xms_edov: true}, Entra's "e-mail
     * domain owner verified"), else {@code preferred_username} as the address shown, never verified.
     */
    static OAuthProfile microsoftEntraId(Map<String, Object> claims) {
        String email = firstText(claims, "email", "preferred_username");
        boolean verified =
                StandardProfiles.text(claims, "email") != null && StandardProfiles.isTrue(claims.get("xms_edov"));
        return new OAuthProfile(
                StandardProfiles.required(claims, "sub"),
                StandardProfiles.text(claims, "name"),
                email,
                null,
                Map.of(),
                verified);
    }

    /**
     * Sign in with Apple's ID token: {@code sub}, {@code email} (possibly a private relay address) and
     * {@code email_verified}, which Apple sends as the string {@code "true"}; no name (Apple posts it only once, on
     * the first authorization) and no picture.
     */
    static OAuthProfile apple(Map<String, Object> claims) {
        return new OAuthProfile(
                StandardProfiles.required(claims, "sub"),
                null,
                StandardProfiles.text(claims, "email"),
                null,
                Map.of(),
                StandardProfiles.isTrue(claims.get(StandardProfiles.EMAIL_VERIFIED)));
    }

    /**
     * Discord's {@code /users/@me}: snowflake {@code id}, {@code global_name} or else {@code username}, {@code email}
     * with {@code verified}, and the avatar from its hash ({@code a_} hashes are animated GIFs); without one, the
     * default avatar Discord computes from the id (new usernames, discriminator {@code "0"}) or the discriminator.
     */
    static OAuthProfile discord(Map<String, Object> claims) {
        String id = StandardProfiles.required(claims, "id");
        String avatar = StandardProfiles.text(claims, "avatar");
        String image;
        if (avatar != null) {
            image = "https://cdn.discordapp.com/avatars/" + id + "/" + avatar
                    + (avatar.startsWith("a_") ? ".gif" : ".png");
        } else {
            String discriminator = StandardProfiles.text(claims, "discriminator");
            long index = discriminator == null || "0".equals(discriminator)
                    ? (Long.parseLong(id) >> 22) % 6
                    : Long.parseLong(discriminator) % 5;
            image = "https://cdn.discordapp.com/embed/avatars/" + index + ".png";
        }
        return new OAuthProfile(
                id,
                firstText(claims, "global_name", "username"),
                StandardProfiles.text(claims, "email"),
                image,
                Map.of(),
                Boolean.TRUE.equals(claims.get("verified")));
    }

    /**
     * Slack's "Sign in with Slack" ID token: {@code sub} (the user id), {@code name}, {@code email} with
     * {@code email_verified}, {@code picture} or else {@code https://slack.com/user_image_512}.
     */
    static OAuthProfile slack(Map<String, Object> claims) {
        OAuthProfile standard = StandardProfiles.openIdConnect(claims);
        return new OAuthProfile(
                standard.providerAccountId(),
                standard.name(),
                standard.email(),
                firstText(claims, "picture", "https://slack.com/user_image_512"),
                Map.of(),
                standard.emailVerified());
    }

    /**
     * Facebook's Graph {@code /me?fields=id,name,email,picture}: {@code id}, {@code name}, {@code email} and the
     * picture at {@code picture.data.url}. Facebook does not say whether the address is verified, so it is not.
     */
    static OAuthProfile facebook(Map<String, Object> claims) {
        String image = null;
        if (claims.get("picture") instanceof Map<?, ?> picture
                && picture.get("data") instanceof Map<?, ?> data
                && data.get("url") != null) {
            image = data.get("url").toString();
        }
        return new OAuthProfile(
                StandardProfiles.required(claims, "id"),
                StandardProfiles.text(claims, "name"),
                StandardProfiles.text(claims, "email"),
                image,
                Map.of(),
                false);
    }

    /**
     * Bitbucket's {@code /2.0/user}: {@code uuid} (braces included, as Bitbucket writes it), {@code display_name} or
     * else {@code username}, the avatar at {@code links.avatar.href}. Its address list has another shape than
     * GitHub's, so the profile carries no address.
     */
    static OAuthProfile bitbucket(Map<String, Object> claims) {
        String image = null;
        if (claims.get("links") instanceof Map<?, ?> links
                && links.get("avatar") instanceof Map<?, ?> avatar
                && avatar.get("href") != null) {
            image = avatar.get("href").toString();
        }
        return new OAuthProfile(
                StandardProfiles.required(claims, "uuid"),
                firstText(claims, "display_name", "username", "nickname"),
                null,
                image,
                Map.of(),
                false);
    }

    private static String firstText(Map<String, Object> claims, String... names) {
        for (String name : names) {
            String value = StandardProfiles.text(claims, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
