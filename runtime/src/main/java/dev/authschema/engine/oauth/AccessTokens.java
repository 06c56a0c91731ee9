package dev.authschema.engine.oauth;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.UnknownAccountException;
import dev.authschema.engine.config.OAuthProviderConfig;
import dev.authschema.engine.log.FlowLog;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Valid access tokens of the users' provider accounts: the stored one while it is fresh, else one refreshed through
 * the provider's token endpoint (RFC 6749 section 6), which is stored with the provider's rotated refresh token.
 *
 * <p>A refresh is single-flight per account. Threads of this server queue on a lock of the account (one of a fixed
 * set, so memory stays bounded), so that only one of them holds a database connection for it; servers sharing the
 * database queue on the account row's lock ({@link AuthAdapter#updateAccount(String, String,
 * java.util.function.UnaryOperator)}). Whoever gets the lock looks at the stored account again and refreshes only if
 * it is still expired: the others find the token the first one stored. Two refreshes with the same refresh token would
 * make a rotating provider revoke the whole grant (Auth.js #11240); this cannot happen here.
 *
 * <p>Tokens never appear in a log line or a message.
 */
public final class AccessTokens {

    /** An access token this close to its expiry is refreshed already: it could expire on its way to the API. */
    public static final Duration EXPIRY_SKEW = Duration.ofSeconds(30);

    private static final int TIMEOUT_MILLIS = 10_000;
    private static final int LOCK_STRIPES = 64;

    private final AuthAdapter adapter;
    private final ProviderDirectory directory;
    private final Function<String, OAuthProviderConfig> providers;
    private final Clock clock;
    private final FlowLog log;
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

    /**
     * @param adapter   the adapter, with accounts
     * @param directory the providers' endpoints
     * @param providers the OAuth provider of an id, or {@code null} for an unknown one
     * @param clock     the clock
     * @param log       the flow log
     */
    public AccessTokens(
            AuthAdapter adapter,
            ProviderDirectory directory,
            Function<String, OAuthProviderConfig> providers,
            Clock clock,
            FlowLog log) {
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        this.directory = directory;
        this.providers = providers;
        this.clock = clock;
        this.log = log;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new ReentrantLock(true);
        }
    }

    /**
     * @param userId     the user
     * @param providerId an OAuth or OpenID Connect provider of the configuration
     * @return an access token of the user's account at the provider that is valid for at least {@link #EXPIRY_SKEW}
     *         (or has no known expiry)
     * @throws RefreshAccessTokenError  if there is no account, or its token expired and cannot be refreshed
     * @throws IllegalArgumentException if the provider is not an OAuth provider of the configuration
     * @throws dev.authschema.adapter.AdapterException if the store fails
     */
    public String accessToken(String userId, String providerId) {
        OAuthProviderConfig provider = providers.apply(providerId);
        if (provider == null) {
            throw new IllegalArgumentException("accessToken: '" + providerId + "' is not an OAuth provider of the"
                    + " configuration; pass the id of one (AuthConfig.Builder.provider)");
        }
        AdapterAccount account = adapter.listAccountsByUserId(userId).stream()
                .filter(a -> a.provider().equals(providerId))
                .findFirst()
                .orElseThrow(() ->
                        new RefreshAccessTokenError(providerId, RefreshAccessTokenError.Reason.NO_ACCOUNT, null, null));
        if (isFresh(account)) {
            return account.accessToken();
        }
        ReentrantLock lock = locks[Math.floorMod(Objects.hash(providerId, account.providerAccountId()), LOCK_STRIPES)];
        lock.lock();
        try {
            return adapter.updateAccount(
                            providerId,
                            account.providerAccountId(),
                            stored -> isFresh(stored) ? stored : refresh(provider, stored))
                    .accessToken();
        } catch (UnknownAccountException unlinked) {
            throw new RefreshAccessTokenError(providerId, RefreshAccessTokenError.Reason.NO_ACCOUNT, null, null);
        } finally {
            lock.unlock();
        }
    }

    private boolean isFresh(AdapterAccount account) {
        return account.accessToken() != null
                && (account.expiresAt() == null
                        || account.expiresAt()
                                > clock.instant().plus(EXPIRY_SKEW).getEpochSecond());
    }

    /** Runs under the account's row lock; throwing leaves the stored account as it was. */
    private AdapterAccount refresh(OAuthProviderConfig provider, AdapterAccount stored) {
        if (stored.refreshToken() == null) {
            throw new RefreshAccessTokenError(
                    provider.id(), RefreshAccessTokenError.Reason.NO_REFRESH_TOKEN, null, null);
        }
        ClientID clientId = new ClientID(provider.clientId());
        Secret secret = new Secret(provider.clientSecret());
        ClientAuthentication authentication =
                provider.clientAuthentication() == dev.authschema.engine.config.ClientAuthentication.CLIENT_SECRET_POST
                        ? new ClientSecretPost(clientId, secret)
                        : new ClientSecretBasic(clientId, secret);
        TokenRequest request = new TokenRequest.Builder(
                        directory.endpoints(provider).tokenEndpoint(),
                        authentication,
                        new RefreshTokenGrant(new RefreshToken(stored.refreshToken())))
                .build();
        TokenResponse parsed;
        try {
            HTTPRequest http = request.toHTTPRequest();
            http.setAccept("application/json");
            http.setConnectTimeout(TIMEOUT_MILLIS);
            http.setReadTimeout(TIMEOUT_MILLIS);
            HTTPResponse response = http.send();
            // A refresh's ID token, if any, comes straight from the token endpoint over TLS (OpenID Connect Core
            // 3.1.3.7) and is stored as it is; nothing here trusts its claims.
            parsed = provider.openIdConnect() ? OIDCTokenResponseParser.parse(response) : TokenResponse.parse(response);
        } catch (IOException | ParseException e) {
            log.warn("provider " + provider.id() + ": the refresh request failed ("
                    + e.getClass().getSimpleName() + ")");
            throw new RefreshAccessTokenError(
                    provider.id(), RefreshAccessTokenError.Reason.PROVIDER_UNAVAILABLE, null, null);
        }
        if (!parsed.indicatesSuccess()) {
            String code = parsed.toErrorResponse().getErrorObject().getCode();
            log.warn("provider " + provider.id() + ": the token endpoint refused a refresh token ("
                    + FlowLog.untrusted(String.valueOf(code)) + ")");
            throw new RefreshAccessTokenError(
                    provider.id(),
                    RefreshAccessTokenError.Reason.REFUSED,
                    code == null ? null : FlowLog.untrusted(code),
                    null);
        }
        AdapterAccount refreshed = AccountTokens.of(parsed.toSuccessResponse().getTokens(), clock.instant())
                .applyTo(stored);
        log.debug(() -> "provider " + provider.id() + ": refreshed an access token"
                + (refreshed.refreshToken().equals(stored.refreshToken()) ? "" : " and rotated its refresh token"));
        return refreshed;
    }
}
