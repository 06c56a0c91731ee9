package dev.authschema.adapter;

import java.util.Map;
import java.util.Objects;

/**
 * An account of a user at a sign-in provider (OAuth, OpenID Connect, e-mail or WebAuthn), with the provider's tokens.
 *
 * <p>The pair ({@code provider}, {@code providerAccountId}) identifies an account; at most one stored account has a
 * given pair. Token properties use the provider's snake_case names in the schema ({@code refresh_token},
 * {@code expires_at}, ...) and camelCase here. {@code extras} is copied into an immutable, ordered map.
 *
 * @param userId            id of the user the account belongs to, required
 * @param type              the account type ({@code oauth}, {@code oidc}, {@code email}, {@code webauthn}), required
 * @param provider          the provider id, such as {@code github}, required
 * @param providerAccountId the account's id at the provider, required
 * @param refreshToken      OAuth refresh token or {@code null}
 * @param accessToken       OAuth access token or {@code null}
 * @param expiresAt         when the access token expires, in epoch <em>seconds</em>, or {@code null}
 * @param tokenType         token type, such as {@code bearer}, or {@code null}
 * @param scope             granted scopes or {@code null}
 * @param idToken           OpenID Connect ID token or {@code null}
 * @param sessionState      OpenID Connect session state or {@code null}
 * @param extras            values of the model's extra fields by field name, never {@code null}
 */
public record AdapterAccount(
        String userId,
        String type,
        String provider,
        String providerAccountId,
        String refreshToken,
        String accessToken,
        Long expiresAt,
        String tokenType,
        String scope,
        String idToken,
        String sessionState,
        Map<String, Object> extras) {

    /**
     * Checks the required properties and copies {@code extras}.
     *
     * @param userId id of the user the account belongs to, required
     * @param type the account type ({@code oauth}, {@code oidc}, {@code email}, {@code webauthn}), required
     * @param provider the provider id, such as {@code github}, required
     * @param providerAccountId the account's id at the provider, required
     * @param refreshToken OAuth refresh token or {@code null}
     * @param accessToken OAuth access token or {@code null}
     * @param expiresAt when the access token expires, in epoch <em>seconds</em>, or {@code null}
     * @param tokenType token type, such as {@code bearer}, or {@code null}
     * @param scope granted scopes or {@code null}
     * @param idToken OpenID Connect ID token or {@code null}
     * @param sessionState OpenID Connect session state or {@code null}
     * @param extras values of the model's extra fields by field name, never {@code null}
     */
    public AdapterAccount {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerAccountId, "providerAccountId");
        extras = ExtraValues.copyOf(extras);
    }

    /**
     * An account with no provider tokens and no extra fields, as e-mail and WebAuthn sign-in create.
     *
     * @param userId            id of the owning user
     * @param type              the account type
     * @param provider          the provider id
     * @param providerAccountId the account's id at the provider
     * @return the account
     */
    public static AdapterAccount of(String userId, String type, String provider, String providerAccountId) {
        return new AdapterAccount(
                userId, type, provider, providerAccountId, null, null, null, null, null, null, null, Map.of());
    }

    /** Equal when every canonical property is equal and the extras are equal by value. */
    @Override
    public boolean equals(Object other) {
        return other instanceof AdapterAccount that
                && userId.equals(that.userId)
                && type.equals(that.type)
                && provider.equals(that.provider)
                && providerAccountId.equals(that.providerAccountId)
                && Objects.equals(refreshToken, that.refreshToken)
                && Objects.equals(accessToken, that.accessToken)
                && Objects.equals(expiresAt, that.expiresAt)
                && Objects.equals(tokenType, that.tokenType)
                && Objects.equals(scope, that.scope)
                && Objects.equals(idToken, that.idToken)
                && Objects.equals(sessionState, that.sessionState)
                && ExtraValues.equal(extras, that.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                                userId,
                                type,
                                provider,
                                providerAccountId,
                                refreshToken,
                                accessToken,
                                expiresAt,
                                tokenType,
                                scope,
                                idToken,
                                sessionState)
                        * 31
                + ExtraValues.hash(extras);
    }

    /** Masks the tokens: they are secrets and must not end up in logs. */
    @Override
    public String toString() {
        return "AdapterAccount[userId=" + userId + ", type=" + type + ", provider=" + provider
                + ", providerAccountId=" + providerAccountId + ", refreshToken=" + Secrets.mask(refreshToken)
                + ", accessToken=" + Secrets.mask(accessToken) + ", expiresAt=" + expiresAt
                + ", tokenType=" + tokenType + ", scope=" + scope + ", idToken=" + Secrets.mask(idToken)
                + ", sessionState=" + Secrets.mask(sessionState) + ", extras=" + ExtraValues.toString(extras) + "]";
    }
}
