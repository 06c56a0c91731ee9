package dev.authschema.testsupport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * mock-oauth2-server, a real OpenID Connect provider, on a fixed loopback port, with the issuers the server under
 * test knows (issuer {@code id} has the URL {@code http://127.0.0.1:port/id}). There is no login form: a test decides
 * who the next sign-in is. The server takes a queued identity when the app redeems a code at its token endpoint.
 */
public final class TestOidcProvider implements AutoCloseable {

    private final MockOAuth2Server server;
    private final int port;
    private final Map<String, String> clientIds;

    /**
     * @param port      the port on 127.0.0.1
     * @param clientIds each issuer id with the client id the app under test uses there
     */
    public TestOidcProvider(int port, Map<String, String> clientIds) {
        this(port, clientIds, false);
    }

    /**
     * @param port                the port on 127.0.0.1
     * @param clientIds           each issuer id with the client id the app under test uses there
     * @param rotateRefreshTokens whether a refresh answers with a new refresh token and forgets the one used, as
     *                            providers with refresh token rotation do (a second use is refused)
     */
    public TestOidcProvider(int port, Map<String, String> clientIds, boolean rotateRefreshTokens) {
        this.server = new MockOAuth2Server(new OAuth2Config(false, null, null, rotateRefreshTokens));
        this.port = port;
        this.clientIds = Map.copyOf(clientIds);
        try {
            server.start(InetAddress.getByName("127.0.0.1"), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param issuerId one of the issuer ids this provider was made with
     * @return that issuer, for tests that use one only
     */
    public Issuer issuer(String issuerId) {
        if (!clientIds.containsKey(issuerId)) {
            throw new IllegalArgumentException(
                    "No issuer " + issuerId + " here; the issuers are " + clientIds.keySet());
        }
        return new Issuer(issuerId);
    }

    /**
     * Decides who the next sign-in at an issuer is; the provider vouches for the address and names the user
     * {@code "User " + subject}. Call this after the browser came back from the provider and just before the
     * callback, and only when the callback will reach the token endpoint, or a later test gets the identity.
     *
     * @param issuerId the issuer id
     * @param subject  the provider's account id
     * @param email    the e-mail claim
     */
    public void nextSignIn(String issuerId, String subject, String email) {
        nextSignIn(issuerId, subject, email, Map.of());
    }

    /**
     * @param issuerId    the issuer id
     * @param subject     the provider's account id
     * @param email       the e-mail claim
     * @param extraClaims more claims for the tokens; they override the standard ones, such as {@code iss} or
     *                    {@code nonce} (how a test forges a foreign issuer or a wrong nonce in a correctly signed
     *                    ID token)
     */
    public void nextSignIn(String issuerId, String subject, String email, Map<String, Object> extraClaims) {
        Map<String, Object> claims = claims(email, true, "User " + subject);
        claims.putAll(extraClaims);
        enqueue(issuerId, subject, claims);
    }

    /**
     * Like {@link #nextSignIn(String, String, String)}, but the provider does not vouch for the address.
     *
     * @param issuerId      the issuer id
     * @param subject       the provider's account id
     * @param email         the e-mail claim
     * @param emailVerified the {@code email_verified} claim ({@code false}, {@code "false"}, ...), or {@code null}
     *                      for none at all
     */
    public void nextSignInUnverified(String issuerId, String subject, String email, Object emailVerified) {
        enqueue(issuerId, subject, claims(email, emailVerified, "User " + subject));
    }

    /**
     * Decides who the next sign-in is, with exactly these claims besides the provider's own ({@code sub},
     * {@code iss}, {@code aud}, {@code nonce}, times): how a test plays a provider whose tokens have other claim names
     * or lack a standard one.
     *
     * @param issuerId the issuer id
     * @param subject  the provider's account id
     * @param claims   the other claims of the ID token and user info
     */
    public void nextSignInWithClaims(String issuerId, String subject, Map<String, Object> claims) {
        enqueue(issuerId, subject, new LinkedHashMap<>(claims));
    }

    /**
     * @param issuerId an issuer id
     * @return its issuer URL
     */
    public String issuerUrl(String issuerId) {
        return "http://127.0.0.1:" + port + "/" + issuerId;
    }

    private static Map<String, Object> claims(String email, Object emailVerified, String name) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("email", email);
        if (emailVerified != null) {
            claims.put("email_verified", emailVerified);
        }
        claims.put("name", name);
        return claims;
    }

    private void enqueue(String issuerId, String subject, Map<String, Object> claims) {
        String clientId = issuer(issuerId).clientId();
        server.enqueueCallback(
                new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", List.of(clientId), claims, 3600));
    }

    /**
     * Takes every request the provider received since the last call (or its start) and counts the token requests of
     * a grant type among them.
     *
     * @param grantType such as {@code refresh_token} or {@code authorization_code}
     * @return how many token requests with that {@code grant_type} arrived
     */
    public int takeTokenRequests(String grantType) {
        int count = 0;
        for (RecordedRequest request = nextRequest(); request != null; request = nextRequest()) {
            if (request.getPath() != null
                    && request.getPath().endsWith("/token")
                    && request.getBody().readUtf8().contains("grant_type=" + grantType)) {
                count++;
            }
        }
        return count;
    }

    /** The next recorded request, or null: mock-oauth2-server reports an empty queue with an exception. */
    private RecordedRequest nextRequest() {
        try {
            return server.takeRequest(100, TimeUnit.MILLISECONDS);
        } catch (RuntimeException empty) {
            return null;
        }
    }

    @Override
    public void close() {
        server.shutdown();
    }

    /** One issuer of the provider, for tests of an app that knows only that one. */
    public final class Issuer {

        private final String id;

        private Issuer(String id) {
            this.id = id;
        }

        private String clientId() {
            return clientIds.get(id);
        }

        /**
         * Decides who the next sign-in is.
         *
         * @param subject the provider's account id
         * @param email   the e-mail claim, which the provider vouches for ({@code email_verified: true})
         * @param name    the name claim
         */
        public void nextSignIn(String subject, String email, String name) {
            enqueue(id, subject, claims(email, true, name));
        }

        /**
         * Like {@link #nextSignIn}, but the provider does not vouch for the address ({@code email_verified: false}).
         *
         * @param subject the provider's account id
         * @param email   the e-mail claim
         * @param name    the name claim
         */
        public void nextSignInUnverified(String subject, String email, String name) {
            enqueue(id, subject, claims(email, false, name));
        }
    }
}
