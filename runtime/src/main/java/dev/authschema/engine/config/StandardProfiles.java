package dev.authschema.engine.config;

import java.util.Map;

/** The profile mappings of the presets. */
final class StandardProfiles {

    private StandardProfiles() {
    }

    /** OpenID Connect standard claims: {@code sub}, {@code name}, {@code email}, {@code picture}. */
    static OAuthProfile openIdConnect(Map<String, Object> claims) {
        return new OAuthProfile(required(claims, "sub"), text(claims, "name"), text(claims, "email"),
                text(claims, "picture"), Map.of());
    }

    /** GitHub's {@code /user} answer: numeric {@code id}, {@code name} or else {@code login}, {@code avatar_url}. */
    static OAuthProfile gitHub(Map<String, Object> claims) {
        String name = text(claims, "name");
        return new OAuthProfile(required(claims, "id"), name != null ? name : text(claims, "login"),
                text(claims, "email"), text(claims, "avatar_url"), Map.of());
    }

    private static String required(Map<String, Object> claims, String name) {
        String value = text(claims, name);
        if (value == null) {
            throw new IllegalArgumentException("The provider's profile has no '" + name + "' claim");
        }
        return value;
    }

    private static String text(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        if (value instanceof Number number) {
            // GitHub ids are JSON numbers; keep them integral ("123", not "123.0").
            return number instanceof Double || number instanceof Float
                    ? Long.toString(number.longValue()) : number.toString();
        }
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
