package dev.authschema.dsl.resolve;

import static dev.authschema.dsl.resolve.ScalarType.BIGINT;
import static dev.authschema.dsl.resolve.ScalarType.BOOLEAN;
import static dev.authschema.dsl.resolve.ScalarType.DATETIME;
import static dev.authschema.dsl.resolve.ScalarType.INT;
import static dev.authschema.dsl.resolve.ScalarType.STRING;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A property of the adapter contract (DESIGN.md, "Roles and their canonical properties"), bound to
 * the field of the same name or, for NextAuth v3 schemas, of its legacy name. Every field of a role
 * model that binds to none of these is an extra field.
 */
public enum CanonicalProperty {
    USER_ID(Role.USER, "id", null, true, EnumSet.of(STRING, INT, BIGINT), Set.of()),
    USER_NAME(Role.USER, "name", null, false, EnumSet.of(STRING), Set.of()),
    USER_EMAIL(Role.USER, "email", null, false, EnumSet.of(STRING), Set.of()),
    USER_EMAIL_VERIFIED(Role.USER, "emailVerified", null, false, EnumSet.of(DATETIME), Set.of()),
    USER_IMAGE(Role.USER, "image", null, false, EnumSet.of(STRING), Set.of()),

    ACCOUNT_ID(Role.ACCOUNT, "id", null, false, EnumSet.of(STRING, INT, BIGINT), Set.of()),
    ACCOUNT_USER_ID(Role.ACCOUNT, "userId", null, true, EnumSet.of(STRING, INT, BIGINT), Set.of()),
    ACCOUNT_TYPE(Role.ACCOUNT, "type", "providerType", true, EnumSet.of(STRING), Set.of()),
    ACCOUNT_PROVIDER(Role.ACCOUNT, "provider", "providerId", true, EnumSet.of(STRING), Set.of()),
    ACCOUNT_PROVIDER_ACCOUNT_ID(Role.ACCOUNT, "providerAccountId", null, true, EnumSet.of(STRING), Set.of()),
    ACCOUNT_REFRESH_TOKEN(Role.ACCOUNT, "refresh_token", "refreshToken", false, EnumSet.of(STRING), Set.of()),
    ACCOUNT_ACCESS_TOKEN(Role.ACCOUNT, "access_token", "accessToken", false, EnumSet.of(STRING), Set.of()),
    /** Epoch seconds; v3's {@code accessTokenExpires} holds the same instant as a DateTime. */
    ACCOUNT_EXPIRES_AT(Role.ACCOUNT, "expires_at", "accessTokenExpires", false, EnumSet.of(INT, BIGINT), EnumSet.of(DATETIME)),
    ACCOUNT_TOKEN_TYPE(Role.ACCOUNT, "token_type", null, false, EnumSet.of(STRING), Set.of()),
    ACCOUNT_SCOPE(Role.ACCOUNT, "scope", null, false, EnumSet.of(STRING), Set.of()),
    ACCOUNT_ID_TOKEN(Role.ACCOUNT, "id_token", null, false, EnumSet.of(STRING), Set.of()),
    ACCOUNT_SESSION_STATE(Role.ACCOUNT, "session_state", null, false, EnumSet.of(STRING), Set.of()),
    /** v3 only: {@code sha256(provider + ":" + providerAccountId)}, filled in by the adapter. */
    ACCOUNT_COMPOUND_ID(Role.ACCOUNT, "compoundId", null, false, EnumSet.of(STRING), Set.of()),

    SESSION_ID(Role.SESSION, "id", null, false, EnumSet.of(STRING, INT, BIGINT), Set.of()),
    SESSION_TOKEN(Role.SESSION, "sessionToken", null, true, EnumSet.of(STRING), Set.of()),
    SESSION_USER_ID(Role.SESSION, "userId", null, true, EnumSet.of(STRING, INT, BIGINT), Set.of()),
    SESSION_EXPIRES(Role.SESSION, "expires", null, true, EnumSet.of(DATETIME), Set.of()),
    /** v3 only: a second random token per session, filled in by the adapter. */
    SESSION_ACCESS_TOKEN(Role.SESSION, "accessToken", null, false, EnumSet.of(STRING), Set.of()),

    VERIFICATION_TOKEN_ID(Role.VERIFICATION_TOKEN, "id", null, false, EnumSet.of(STRING, INT, BIGINT), Set.of()),
    VERIFICATION_TOKEN_IDENTIFIER(Role.VERIFICATION_TOKEN, "identifier", null, true, EnumSet.of(STRING), Set.of()),
    VERIFICATION_TOKEN_TOKEN(Role.VERIFICATION_TOKEN, "token", null, true, EnumSet.of(STRING), Set.of()),
    VERIFICATION_TOKEN_EXPIRES(Role.VERIFICATION_TOKEN, "expires", null, true, EnumSet.of(DATETIME), Set.of()),

    AUTHENTICATOR_CREDENTIAL_ID(Role.AUTHENTICATOR, "credentialID", null, true, EnumSet.of(STRING), Set.of()),
    AUTHENTICATOR_USER_ID(Role.AUTHENTICATOR, "userId", null, true, EnumSet.of(STRING, INT, BIGINT), Set.of()),
    AUTHENTICATOR_PROVIDER_ACCOUNT_ID(Role.AUTHENTICATOR, "providerAccountId", null, true, EnumSet.of(STRING), Set.of()),
    AUTHENTICATOR_CREDENTIAL_PUBLIC_KEY(Role.AUTHENTICATOR, "credentialPublicKey", null, true, EnumSet.of(STRING), Set.of()),
    AUTHENTICATOR_COUNTER(Role.AUTHENTICATOR, "counter", null, true, EnumSet.of(INT, BIGINT), Set.of()),
    AUTHENTICATOR_CREDENTIAL_DEVICE_TYPE(Role.AUTHENTICATOR, "credentialDeviceType", null, true, EnumSet.of(STRING), Set.of()),
    AUTHENTICATOR_CREDENTIAL_BACKED_UP(Role.AUTHENTICATOR, "credentialBackedUp", null, true, EnumSet.of(BOOLEAN), Set.of()),
    AUTHENTICATOR_TRANSPORTS(Role.AUTHENTICATOR, "transports", null, false, EnumSet.of(STRING), Set.of()),

    /** The engine's opaque, hashed key (rule and HMAC of the client or address); the model's id or unique. */
    RATE_LIMIT_KEY(Role.RATE_LIMIT, "key", null, true, EnumSet.of(STRING), Set.of()),
    /** Requests counted in the current window. */
    RATE_LIMIT_COUNT(Role.RATE_LIMIT, "count", null, true, EnumSet.of(INT, BIGINT), Set.of()),
    /** When the current window started. */
    RATE_LIMIT_WINDOW_START(Role.RATE_LIMIT, "windowStart", null, true, EnumSet.of(DATETIME), Set.of());

    private final Role role;
    private final String schemaName;
    private final String legacyName;
    private final boolean required;
    private final Set<ScalarType> types;
    private final Set<ScalarType> legacyTypes;

    CanonicalProperty(Role role, String schemaName, String legacyName, boolean required, Set<ScalarType> types, Set<ScalarType> legacyTypes) {
        this.role = role;
        this.schemaName = schemaName;
        this.legacyName = legacyName;
        this.required = required;
        this.types = types;
        this.legacyTypes = legacyTypes.isEmpty() ? types : legacyTypes;
    }

    public Role role() {
        return role;
    }

    /** The field name that binds to this property. */
    public String schemaName() {
        return schemaName;
    }

    /** NextAuth v3's name for the property, or null. */
    public String legacyName() {
        return legacyName;
    }

    /** Whether a model playing the role must have it. */
    public boolean isRequired() {
        return required;
    }

    /** The scalar types a field bound by this name may have. */
    public Set<ScalarType> types(boolean legacy) {
        return legacy ? legacyTypes : types;
    }

    /** Whether the property is a user id that must match the User model's id type. */
    public boolean isUserReference() {
        return this == ACCOUNT_USER_ID || this == SESSION_USER_ID || this == AUTHENTICATOR_USER_ID;
    }

    /** "String, Int or BigInt": the allowed types for a message. */
    public String describeTypes(boolean legacy) {
        var names = types(legacy).stream().map(ScalarType::schemaName).collect(Collectors.toList());
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
