package dev.authschema.engineit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * mock-oauth2-server, a real OpenID Connect provider, with two issuers: {@code engine} (the app's provider
 * {@code oidc}) and {@code trusted} (the app's provider {@code trusted}).
 */
public final class TestOidcProvider implements AutoCloseable {

    /** Issuer id of the app's provider {@code oidc}. */
    public static final String ENGINE = "engine";
    /** Issuer id of the app's provider {@code trusted}. */
    public static final String TRUSTED = "trusted";

    private static final Map<String, String> CLIENTS = Map.of(ENGINE, "engine-client", TRUSTED, "trusted-client");

    private final MockOAuth2Server server = new MockOAuth2Server();
    private final int port;

    TestOidcProvider(int port) {
        this.port = port;
        try {
            server.start(InetAddress.getByName("127.0.0.1"), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Decides who the next sign-in at an issuer is (no login form). The server takes a queued identity when the app
     * redeems a code at its token endpoint: call this after the browser came back from the provider and just before
     * the callback, and only when the callback will reach the token endpoint, or a later test gets the identity.
     *
     * @param issuerId {@link #ENGINE} or {@link #TRUSTED}
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
     *                    {@code nonce} (how the tests forge a foreign issuer or a wrong nonce in a correctly signed
     *                    ID token)
     */
    public void nextSignIn(String issuerId, String subject, String email, Map<String, Object> extraClaims) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("email", email);
        claims.put("email_verified", true);
        claims.put("name", "User " + subject);
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
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("email", email);
        if (emailVerified != null) {
            claims.put("email_verified", emailVerified);
        }
        claims.put("name", "User " + subject);
        enqueue(issuerId, subject, claims);
    }

    private void enqueue(String issuerId, String subject, Map<String, Object> claims) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, subject, "JWT",
                List.of(CLIENTS.get(issuerId)), claims, 3600));
    }

    /**
     * @param issuerId an issuer id
     * @return its issuer URL
     */
    public String issuerUrl(String issuerId) {
        return "http://127.0.0.1:" + port + "/" + issuerId;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
