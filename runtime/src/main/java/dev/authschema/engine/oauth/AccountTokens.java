package dev.authschema.engine.oauth;

import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.authschema.adapter.AdapterAccount;
import java.time.Instant;
import java.util.Locale;

/**
 * The provider's tokens as they are stored on the account; {@code expiresAt} in epoch seconds, as Auth.js.
 *
 * @param accessToken  the access token
 * @param refreshToken the refresh token or {@code null}
 * @param expiresAt    when the access token expires (epoch seconds) or {@code null}
 * @param tokenType    the token type in lower case, such as {@code bearer}
 * @param scope        the granted scopes or {@code null}
 * @param idToken      the ID token or {@code null}
 */
public record AccountTokens(
        String accessToken, String refreshToken, Long expiresAt, String tokenType, String scope, String idToken) {

    /**
     * @param tokens what the token endpoint answered
     * @param now    when it answered, for {@code expiresAt}
     * @return the tokens to store
     */
    public static AccountTokens of(Tokens tokens, Instant now) {
        AccessToken access = tokens.getAccessToken();
        Long expiresAt = access.getLifetime() > 0 ? now.getEpochSecond() + access.getLifetime() : null;
        String idToken =
                tokens instanceof OIDCTokens oidc && oidc.getIDTokenString() != null ? oidc.getIDTokenString() : null;
        return new AccountTokens(
                access.getValue(),
                tokens.getRefreshToken() == null
                        ? null
                        : tokens.getRefreshToken().getValue(),
                expiresAt,
                access.getType().getValue().toLowerCase(Locale.ROOT),
                access.getScope() == null ? null : access.getScope().toString(),
                idToken);
    }

    /**
     * The stored account with these tokens, as a new sign-in or a refresh brings them. What the provider did not
     * send again stays as stored: the refresh token (providers that do not rotate it send none), the scope (omitted
     * when it is the one granted before) and the ID token (a refresh of a plain OAuth 2 token has none).
     *
     * @param stored the account as stored
     * @return the account to store
     */
    public AdapterAccount applyTo(AdapterAccount stored) {
        return new AdapterAccount(
                stored.userId(),
                stored.type(),
                stored.provider(),
                stored.providerAccountId(),
                refreshToken != null ? refreshToken : stored.refreshToken(),
                accessToken,
                expiresAt,
                tokenType != null ? tokenType : stored.tokenType(),
                scope != null ? scope : stored.scope(),
                idToken != null ? idToken : stored.idToken(),
                stored.sessionState(),
                stored.extras());
    }

    /** Leaves out the tokens. */
    @Override
    public String toString() {
        return "AccountTokens[expiresAt=" + expiresAt + ", tokenType=" + tokenType + ", scope=" + scope + "]";
    }
}
