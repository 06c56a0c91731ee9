package dev.authschema.engine.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.oauth2.sdk.util.JSONArrayUtils;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.authschema.engine.config.OAuthProfile;
import dev.authschema.engine.config.OAuthProviderConfig;
import dev.authschema.engine.crypto.Digests;
import dev.authschema.engine.crypto.SecretRing;
import dev.authschema.engine.http.AuthCookies;
import dev.authschema.engine.http.HttpExchange;
import dev.authschema.engine.log.FlowLog;
import dev.authschema.engine.model.AuthErrorCode;
import dev.authschema.engine.model.AuthFlowException;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The authorization code flow with PKCE (S256) through Nimbus: {@link #begin} builds the provider's authorization URL
 * and stores state, nonce and verifier in encrypted cookies; {@link #finish} checks the state, redeems the code,
 * validates the ID token (OpenID Connect), reads the user info and maps the profile.
 */
public final class OAuthClient {

    private static final int TIMEOUT_MILLIS = 10_000;

    /** The authorization parameter Nimbus sets itself, checked: {@code form_post} makes the callback a POST. */
    private static final String RESPONSE_MODE = "response_mode";

    /**
     * What the provider told us about the user.
     *
     * @param profile the mapped profile
     * @param claims  the raw claims (ID token merged with user info)
     * @param tokens  the tokens to store on the account
     */
    public record Result(OAuthProfile profile, Map<String, Object> claims, AccountTokens tokens) {}

    private final ProviderDirectory directory;
    private final FlowCookies flowCookies;
    private final Clock clock;
    private final FlowLog log;

    /**
     * @param directory the provider endpoints
     * @param secrets   the application's secrets, which encrypt the flow cookies (the current one) and open them (all)
     * @param clock     the clock
     * @param log       the flow log
     */
    public OAuthClient(ProviderDirectory directory, SecretRing secrets, Clock clock, FlowLog log) {
        this.directory = directory;
        this.flowCookies = new FlowCookies(secrets, clock);
        this.clock = clock;
        this.log = log;
    }

    /**
     * @param exchange    the sign-in request; receives the flow cookies
     * @param cookies     the cookie names for this exchange
     * @param provider    the provider
     * @param redirectUri the absolute URL of {@code /api/auth/callback/<provider>}
     * @return the URL to send the browser to
     * @throws AuthFlowException {@code OAuthSignin} if the provider cannot be reached
     */
    public URI begin(HttpExchange exchange, AuthCookies cookies, OAuthProviderConfig provider, URI redirectUri) {
        ProviderEndpoints endpoints = directory.endpoints(provider);
        State state = new State();
        CodeVerifier verifier = new CodeVerifier();
        ClientID clientId = new ClientID(provider.clientId());
        Scope scope = new Scope(provider.scopes().toArray(String[]::new));
        URI url;
        Nonce nonce = null;
        if (provider.openIdConnect()) {
            nonce = new Nonce();
            AuthenticationRequest.Builder builder = new AuthenticationRequest.Builder(
                            ResponseType.CODE, scope, clientId, redirectUri)
                    .endpointURI(endpoints.authorizationEndpoint())
                    .state(state)
                    .nonce(nonce)
                    .codeChallenge(verifier, CodeChallengeMethod.S256);
            provider.authorizationParameters().forEach((name, value) -> {
                if (RESPONSE_MODE.equals(name)) {
                    builder.responseMode(new ResponseMode(value));
                } else {
                    builder.customParameter(name, value);
                }
            });
            url = builder.build().toURI();
        } else {
            AuthorizationRequest.Builder builder = new AuthorizationRequest.Builder(ResponseType.CODE, clientId)
                    .redirectionURI(redirectUri)
                    .scope(scope)
                    .state(state)
                    .codeChallenge(verifier, CodeChallengeMethod.S256)
                    .endpointURI(endpoints.authorizationEndpoint());
            provider.authorizationParameters().forEach((name, value) -> {
                if (RESPONSE_MODE.equals(name)) {
                    builder.responseMode(new ResponseMode(value));
                } else {
                    builder.customParameter(name, value);
                }
            });
            url = builder.build().toURI();
        }
        flowCookies.write(
                exchange,
                cookies,
                new FlowCookies.Flow(
                        provider.id(), state.getValue(), nonce == null ? null : nonce.getValue(), verifier.getValue()));
        log.debug(() -> "redirecting to " + provider.id() + " at " + endpoints.authorizationEndpoint());
        return url;
    }

    /**
     * @param exchange    the callback request, with the flow's cookies
     * @param cookies     the cookie names for this exchange
     * @param provider    the provider
     * @param redirectUri the same redirect URI as in {@link #begin}
     * @param parameters  what the provider sent back: {@code code} and {@code state}, or {@code error}
     * @return the user's profile and tokens
     * @throws AuthFlowException {@code OAuthCallbackError} (or {@code AccessDenied} if the user declined) when any
     *                           check fails
     */
    public Result finish(
            HttpExchange exchange,
            AuthCookies cookies,
            OAuthProviderConfig provider,
            URI redirectUri,
            CallbackParameters parameters) {
        Optional<FlowCookies.Flow> flow = flowCookies.read(exchange, cookies, provider.id());
        flowCookies.clear(exchange, cookies);
        String error = parameters.error();
        if (error != null) {
            throw new AuthFlowException(
                    "access_denied".equals(error) ? AuthErrorCode.AccessDenied : AuthErrorCode.OAuthCallbackError,
                    "provider " + provider.id() + " returned error "
                            + FlowLog.untrusted(error)); // the query's, which anyone can send
        }
        if (flow.isEmpty()) {
            throw callbackError(provider, "no valid state/PKCE cookies (expired, or the flow began elsewhere)", null);
        }
        if (provider.openIdConnect() && flow.get().nonce() == null) {
            // Every OpenID Connect flow sends a nonce; without its cookie the ID token could not be tied to this
            // browser's flow, so the callback fails before the code is redeemed.
            throw callbackError(
                    provider,
                    "no valid nonce cookie (missing, expired, tampered with, or from another" + " provider's flow)",
                    null);
        }
        if (!Digests.constantTimeEquals(flow.get().state(), parameters.state())) {
            throw callbackError(provider, "state mismatch", null);
        }
        String code = parameters.code();
        if (code == null || code.isEmpty()) {
            throw callbackError(provider, "callback without a code", null);
        }
        ProviderEndpoints endpoints = directory.endpoints(provider);
        Tokens tokens =
                redeem(provider, endpoints, code, redirectUri, flow.get().verifier());
        Map<String, Object> claims = new LinkedHashMap<>();
        if (provider.openIdConnect()) {
            claims.putAll(validateIdToken(provider, tokens, flow.get().nonce()));
        }
        if (endpoints.userInfoEndpoint() != null) {
            Map<String, Object> userInfo = userInfo(provider, endpoints.userInfoEndpoint(), tokens.getAccessToken());
            if (claims.containsKey("sub")
                    && userInfo.containsKey("sub")
                    && !claims.get("sub").equals(userInfo.get("sub"))) {
                throw callbackError(provider, "user info 'sub' differs from the ID token's", null);
            }
            mergeUserInfo(claims, userInfo);
        }
        if (provider.emailsEndpoint() != null) {
            // The address list decides, whatever user info said: the primary verified address, else none verified.
            Optional<String> verified = primaryVerifiedEmail(provider, tokens.getAccessToken());
            verified.ifPresent(email -> claims.put("email", email));
            claims.put("email_verified", verified.isPresent());
        }
        OAuthProfile profile;
        try {
            profile = provider.profileMapper().map(claims);
        } catch (RuntimeException e) {
            throw callbackError(provider, "profile mapping failed: " + e.getMessage(), e);
        }
        log.debug(() -> "provider " + provider.id() + " authenticated account " + profile.providerAccountId());
        return new Result(profile, claims, AccountTokens.of(tokens, clock.instant()));
    }

    /**
     * Adds the user info claims the ID token lacks. An address and its {@code email_verified} travel together: an ID
     * token that vouches for no address (or for none at all) says nothing about the address user info names, so
     * when the address comes from user info, so does its verification (absent there means unverified).
     *
     * @param claims   the ID token's claims (or none), completed in place
     * @param userInfo the user info answer
     */
    static void mergeUserInfo(Map<String, Object> claims, Map<String, Object> userInfo) {
        boolean addressFromUserInfo = claims.get("email") == null && userInfo.get("email") != null;
        userInfo.forEach((name, value) -> {
            if (!"email".equals(name) && !"email_verified".equals(name)) {
                claims.putIfAbsent(name, value);
            }
        });
        if (addressFromUserInfo) {
            claims.put("email", userInfo.get("email"));
            claims.remove("email_verified");
            if (userInfo.get("email_verified") != null) {
                claims.put("email_verified", userInfo.get("email_verified"));
            }
        }
    }

    private Tokens redeem(
            OAuthProviderConfig provider, ProviderEndpoints endpoints, String code, URI redirectUri, String verifier) {
        ClientID clientId = new ClientID(provider.clientId());
        // Apple's secret is a JWT of a few minutes, made for this request; everybody else's is a fixed string.
        Secret secret = new Secret(
                provider.clientSecretSigner() != null
                        ? provider.clientSecretSigner().clientSecret(provider.clientId(), clock.instant())
                        : provider.clientSecret());
        ClientAuthentication authentication =
                provider.clientAuthentication() == dev.authschema.engine.config.ClientAuthentication.CLIENT_SECRET_POST
                        ? new ClientSecretPost(clientId, secret)
                        : new ClientSecretBasic(clientId, secret);
        TokenRequest request = new TokenRequest.Builder(
                        endpoints.tokenEndpoint(),
                        authentication,
                        new AuthorizationCodeGrant(
                                new AuthorizationCode(code), redirectUri, new CodeVerifier(verifier)))
                .build();
        try {
            HTTPRequest http = request.toHTTPRequest();
            http.setAccept("application/json"); // GitHub answers form-encoded without it
            withTimeouts(http);
            HTTPResponse response = http.send();
            TokenResponse parsed =
                    provider.openIdConnect() ? OIDCTokenResponseParser.parse(response) : TokenResponse.parse(response);
            if (!parsed.indicatesSuccess()) {
                throw callbackError(
                        provider,
                        "token endpoint refused the code: "
                                + parsed.toErrorResponse().getErrorObject().getCode(),
                        null);
            }
            return parsed.toSuccessResponse().getTokens();
        } catch (IOException | ParseException e) {
            throw callbackError(provider, "token request failed", e);
        }
    }

    private Map<String, Object> validateIdToken(OAuthProviderConfig provider, Tokens tokens, String nonce) {
        OIDCTokens oidc = tokens instanceof OIDCTokens o ? o : null;
        JWT idToken = oidc == null ? null : oidc.getIDToken();
        if (idToken == null) {
            throw callbackError(provider, "the token response has no ID token", null);
        }
        try {
            IDTokenClaimsSet claims = directory.idTokenValidator(provider).validate(idToken, new Nonce(nonce));
            return new LinkedHashMap<>(claims.toJWTClaimsSet().getClaims());
        } catch (BadJOSEException | JOSEException | ParseException e) {
            throw callbackError(provider, "ID token rejected: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> userInfo(OAuthProviderConfig provider, URI endpoint, AccessToken accessToken) {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, endpoint);
        request.setAuthorization(accessToken.toAuthorizationHeader());
        request.setAccept("application/json");
        request.setHeader("User-Agent", "AuthSchema"); // GitHub's API refuses requests without one
        withTimeouts(request);
        try {
            HTTPResponse response = request.send();
            if (!response.indicatesSuccess()) {
                throw callbackError(provider, "user info endpoint answered " + response.getStatusCode(), null);
            }
            return new LinkedHashMap<>(response.getBodyAsJSONObject());
        } catch (IOException | ParseException e) {
            throw callbackError(provider, "user info request failed", e);
        }
    }

    /**
     * GitHub's {@code /user} shows only a public address, if any, and says nothing about its verification; the address
     * list says which one is primary and verified. Only that one is taken, since it finds and links users. If the list
     * cannot be read (the user did not grant the scope) the sign-in goes on without a verified address.
     */
    private Optional<String> primaryVerifiedEmail(OAuthProviderConfig provider, AccessToken accessToken) {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, URI.create(provider.emailsEndpoint()));
        request.setAuthorization(accessToken.toAuthorizationHeader());
        request.setAccept("application/json");
        request.setHeader("User-Agent", "AuthSchema");
        withTimeouts(request);
        try {
            HTTPResponse response = request.send();
            if (!response.indicatesSuccess()) {
                log.debug(() -> "provider " + provider.id() + " address list answered " + response.getStatusCode());
                return Optional.empty();
            }
            for (Object entry : JSONArrayUtils.parse(response.getBody())) {
                if (entry instanceof Map<?, ?> address
                        && Boolean.TRUE.equals(address.get("primary"))
                        && Boolean.TRUE.equals(address.get("verified"))
                        && !isBlank(address.get("email"))) {
                    return Optional.of(address.get("email").toString());
                }
            }
            return Optional.empty();
        } catch (IOException | ParseException e) {
            log.debug(() -> "provider " + provider.id() + " address list unreadable: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean isBlank(Object value) {
        return value == null || value.toString().isBlank();
    }

    private static void withTimeouts(HTTPRequest request) {
        request.setConnectTimeout(TIMEOUT_MILLIS);
        request.setReadTimeout(TIMEOUT_MILLIS);
    }

    private static AuthFlowException callbackError(OAuthProviderConfig provider, String what, Throwable cause) {
        return new AuthFlowException(
                AuthErrorCode.OAuthCallbackError, "OAuth callback of provider " + provider.id() + ": " + what, cause);
    }
}
