package dev.authschema.engine.config;

import java.util.Map;

/** The profile mappings of the presets. */
final class StandardProfiles {

    private StandardProfiles() {}

    /**
     * The claim that says whether a provider vouches for the address; the engine sets it itself for a provider with an
     * address list ({@code withEmailsEndpoint}, GitHub), from that list.
     */
    static final String EMAIL_VERIFIED = "email_verified";

    /**
     * OpenID Connect standard claims: {@code sub}, {@code name}, {@code email}, {@code picture}; the address is
     * verified only when {@code email_verified} is {@code true} (a JSON boolean, or the string {@code "true"} that
     * some providers send). Absent or anything else: unverified.
     */
    static OAuthProfile openIdConnect(Map<String, Object> claims) {
        return new OAuthProfile(
                required(claims, "sub"),
                text(claims, "name"),
                text(claims, "email"),
                text(claims, "picture"),
                Map.of(),
                isTrue(claims.get(EMAIL_VERIFIED)));
    }

    /**
     * GitHub's {@code /user} answer: numeric {@code id}, {@code name} or else {@code login}, {@code avatar_url}. The
     * address is the primary verified one from {@code /user/emails}, which the engine puts into {@code email} with
     * {@code email_verified: true}; without one (no primary verified address, or the list was not readable) the
     * profile's address is unverified.
     */
    static OAuthProfile gitHub(Map<String, Object> claims) {
        String name = text(claims, "name");
        return new OAuthProfile(
                required(claims, "id"),
                name != null ? name : text(claims, "login"),
                text(claims, "email"),
                text(claims, "avatar_url"),
                Map.of(),
                isTrue(claims.get(EMAIL_VERIFIED)));
    }

    static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || value instanceof String text && "true".equalsIgnoreCase(text.strip());
    }

    static String required(Map<String, Object> claims, String name) {
        String value = text(claims, name);
        if (value == null) {
            throw new IllegalArgumentException("The provider's profile has no '" + name + "' claim");
        }
        return value;
    }

    static String text(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        if (value instanceof Number number) {
            // GitHub ids are JSON numbers; keep them integral ("123", not "123.0").
            return number instanceof Double || number instanceof Float
                    ? Long.toString(number.longValue())
                    : number.toString();
        }
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
