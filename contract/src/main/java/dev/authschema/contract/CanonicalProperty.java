package dev.authschema.contract;

import static dev.authschema.contract.CanonicalProperty.Presence.OPTIONAL;
import static dev.authschema.contract.CanonicalProperty.Presence.REQUIRED;
import static dev.authschema.contract.CanonicalProperty.Update.UPDATABLE;
import static dev.authschema.contract.Role.ACCOUNT;
import static dev.authschema.contract.Role.AUTHENTICATOR;
import static dev.authschema.contract.Role.RATE_LIMIT;
import static dev.authschema.contract.Role.SESSION;
import static dev.authschema.contract.Role.USER;
import static dev.authschema.contract.Role.VERIFICATION_TOKEN;
import static dev.authschema.contract.ValueType.FLAG;
import static dev.authschema.contract.ValueType.ID;
import static dev.authschema.contract.ValueType.INSTANT;
import static dev.authschema.contract.ValueType.INTEGER;
import static dev.authschema.contract.ValueType.TEXT;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The adapter contract as one table (the root README's roles table): each property of each
 * role with its field name in a schema, whether a model playing the role must have it, what it holds, its record
 * component in the runtime ({@code AdapterUser}, {@code AdapterAccount}, ...: in this order) and NextAuth v3's
 * name. A field of a role model that binds to none of these is an extra field.
 *
 * <p>The schema resolver binds fields by it, the code generator reads and writes the records by it, the
 * conformance kit names the optional account properties by it, and a test in the code generator checks it against
 * the runtime's records, update properties and capabilities.
 */
public enum CanonicalProperty {
    USER_ID(USER, "id", REQUIRED, ID, "id"),
    USER_NAME(USER, "name", OPTIONAL, TEXT, "name", UPDATABLE),
    USER_EMAIL(USER, "email", OPTIONAL, TEXT, "email", UPDATABLE),
    USER_EMAIL_VERIFIED(USER, "emailVerified", OPTIONAL, INSTANT, "emailVerified", UPDATABLE),
    USER_IMAGE(USER, "image", OPTIONAL, TEXT, "image", UPDATABLE),
    /** The password's hash (a PHC string); never in the record, read and written only by the PASSWORDS methods. */
    USER_PASSWORD_HASH(USER, "passwordHash", OPTIONAL, TEXT, null),

    /** A surrogate key the adapter fills in; not part of the record. */
    ACCOUNT_ID(ACCOUNT, "id", OPTIONAL, ID, null),
    ACCOUNT_USER_ID(ACCOUNT, "userId", REQUIRED, ID, "userId"),
    ACCOUNT_TYPE(ACCOUNT, "type", REQUIRED, TEXT, "type", legacy("providerType")),
    ACCOUNT_PROVIDER(ACCOUNT, "provider", REQUIRED, TEXT, "provider", legacy("providerId")),
    ACCOUNT_PROVIDER_ACCOUNT_ID(ACCOUNT, "providerAccountId", REQUIRED, TEXT, "providerAccountId"),
    ACCOUNT_REFRESH_TOKEN(ACCOUNT, "refresh_token", OPTIONAL, TEXT, "refreshToken", legacy("refreshToken")),
    ACCOUNT_ACCESS_TOKEN(ACCOUNT, "access_token", OPTIONAL, TEXT, "accessToken", legacy("accessToken")),
    /** Epoch seconds; v3's {@code accessTokenExpires} holds the same instant as a DateTime. */
    ACCOUNT_EXPIRES_AT(ACCOUNT, "expires_at", OPTIONAL, INTEGER, "expiresAt", legacy("accessTokenExpires", INSTANT)),
    ACCOUNT_TOKEN_TYPE(ACCOUNT, "token_type", OPTIONAL, TEXT, "tokenType"),
    ACCOUNT_SCOPE(ACCOUNT, "scope", OPTIONAL, TEXT, "scope"),
    ACCOUNT_ID_TOKEN(ACCOUNT, "id_token", OPTIONAL, TEXT, "idToken"),
    ACCOUNT_SESSION_STATE(ACCOUNT, "session_state", OPTIONAL, TEXT, "sessionState"),
    /** v3 only: {@code sha256(provider + ":" + providerAccountId)}, filled in by the adapter. */
    ACCOUNT_COMPOUND_ID(ACCOUNT, "compoundId", OPTIONAL, TEXT, null),

    SESSION_ID(SESSION, "id", OPTIONAL, ID, null),
    SESSION_TOKEN(SESSION, "sessionToken", REQUIRED, TEXT, "sessionToken"),
    SESSION_USER_ID(SESSION, "userId", REQUIRED, ID, "userId", UPDATABLE),
    SESSION_EXPIRES(SESSION, "expires", REQUIRED, INSTANT, "expires", UPDATABLE),
    /** v3 only: a second random token per session, filled in by the adapter. */
    SESSION_ACCESS_TOKEN(SESSION, "accessToken", OPTIONAL, TEXT, null),

    VERIFICATION_TOKEN_ID(VERIFICATION_TOKEN, "id", OPTIONAL, ID, null),
    VERIFICATION_TOKEN_IDENTIFIER(VERIFICATION_TOKEN, "identifier", REQUIRED, TEXT, "identifier"),
    VERIFICATION_TOKEN_TOKEN(VERIFICATION_TOKEN, "token", REQUIRED, TEXT, "token"),
    VERIFICATION_TOKEN_EXPIRES(VERIFICATION_TOKEN, "expires", REQUIRED, INSTANT, "expires"),

    AUTHENTICATOR_CREDENTIAL_ID(AUTHENTICATOR, "credentialID", REQUIRED, TEXT, "credentialId"),
    AUTHENTICATOR_USER_ID(AUTHENTICATOR, "userId", REQUIRED, ID, "userId"),
    AUTHENTICATOR_PROVIDER_ACCOUNT_ID(AUTHENTICATOR, "providerAccountId", REQUIRED, TEXT, "providerAccountId"),
    AUTHENTICATOR_CREDENTIAL_PUBLIC_KEY(AUTHENTICATOR, "credentialPublicKey", REQUIRED, TEXT, "credentialPublicKey"),
    AUTHENTICATOR_COUNTER(AUTHENTICATOR, "counter", REQUIRED, INTEGER, "counter"),
    AUTHENTICATOR_CREDENTIAL_DEVICE_TYPE(AUTHENTICATOR, "credentialDeviceType", REQUIRED, TEXT, "credentialDeviceType"),
    AUTHENTICATOR_CREDENTIAL_BACKED_UP(AUTHENTICATOR, "credentialBackedUp", REQUIRED, FLAG, "credentialBackedUp"),
    AUTHENTICATOR_TRANSPORTS(AUTHENTICATOR, "transports", OPTIONAL, TEXT, "transports"),

    /** The engine's opaque, hashed key (rule and HMAC of the client or address); the model's id or unique. */
    RATE_LIMIT_KEY(RATE_LIMIT, "key", REQUIRED, TEXT, null),
    /** Requests counted in the current window. */
    RATE_LIMIT_COUNT(RATE_LIMIT, "count", REQUIRED, INTEGER, null),
    /** When the current window started. */
    RATE_LIMIT_WINDOW_START(RATE_LIMIT, "windowStart", REQUIRED, INSTANT, null);

    /** Whether a model playing the role must have the property. */
    public enum Presence {
        REQUIRED,
        OPTIONAL
    }

    /** Whether the role's update ({@code UserUpdate}, {@code SessionUpdate}) can set the property. */
    public enum Update {
        UPDATABLE,
        FIXED
    }

    /** NextAuth v3's field name for a property, and what that field holds. */
    public record Legacy(String name, ValueType type) {}

    private final Role role;
    private final String schemaName;
    private final Presence presence;
    private final ValueType type;
    private final String accessor;
    private final Update update;
    private final Legacy legacy;

    CanonicalProperty(Role role, String schemaName, Presence presence, ValueType type, String accessor) {
        this(role, schemaName, presence, type, accessor, Update.FIXED, null);
    }

    CanonicalProperty(Role role, String schemaName, Presence presence, ValueType type, String accessor, Update update) {
        this(role, schemaName, presence, type, accessor, update, null);
    }

    CanonicalProperty(Role role, String schemaName, Presence presence, ValueType type, String accessor, Legacy legacy) {
        this(role, schemaName, presence, type, accessor, Update.FIXED, legacy);
    }

    CanonicalProperty(
            Role role,
            String schemaName,
            Presence presence,
            ValueType type,
            String accessor,
            Update update,
            Legacy legacy) {
        this.role = role;
        this.schemaName = schemaName;
        this.presence = presence;
        this.type = type;
        this.accessor = accessor;
        this.update = update;
        this.legacy = legacy == null || legacy.type() != null ? legacy : new Legacy(legacy.name(), type);
    }

    private static Legacy legacy(String name) {
        return new Legacy(name, null);
    }

    private static Legacy legacy(String name, ValueType type) {
        return new Legacy(name, type);
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
        return legacy == null ? null : legacy.name();
    }

    /** Whether a model playing the role must have it. */
    public boolean isRequired() {
        return presence == REQUIRED;
    }

    /** What the property holds; a v3 schema's field of the legacy name may hold another kind ({@code expires_at}). */
    public ValueType type(boolean legacyName) {
        return legacyName && legacy != null ? legacy.type() : type;
    }

    /** What the property holds in the runtime's records. */
    public ValueType type() {
        return type;
    }

    /** The record component (and accessor) of the role's runtime record, if the record carries the property. */
    public Optional<String> accessor() {
        return Optional.ofNullable(accessor);
    }

    /** Whether the role's update can set the property. */
    public boolean isUpdatable() {
        return update == UPDATABLE;
    }

    /** The constant of the role's update {@code Property} enum: {@code emailVerified} is {@code EMAIL_VERIFIED}. */
    public String updateConstant() {
        if (!isUpdatable()) {
            throw new IllegalStateException(name() + " is not updatable");
        }
        return accessor.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** Whether the property is a user id that must match the User model's id type. */
    public boolean isUserReference() {
        return type == ID && role != USER && schemaName.equals("userId");
    }

    /** The role's properties, in table order. */
    public static List<CanonicalProperty> of(Role role) {
        return Arrays.stream(values()).filter(p -> p.role == role).toList();
    }

    /** The properties the role's runtime record carries, in the order of its components. */
    public static List<CanonicalProperty> recordComponents(Role role) {
        return of(role).stream().filter(p -> p.accessor != null).toList();
    }

    /** The properties the role's update can set, in the order of its {@code Property} constants. */
    public static List<CanonicalProperty> updatable(Role role) {
        return of(role).stream().filter(CanonicalProperty::isUpdatable).toList();
    }
}
