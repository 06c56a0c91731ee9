package dev.authschema.demo.it;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/** The demo OIDC provider of the tests: mock-oauth2-server on the fixed port of the test server's settings. */
public final class TestOidcProvider implements AutoCloseable {

    private static final String ISSUER_ID = "demo";
    private static final String CLIENT_ID = "demo-client";

    private final MockOAuth2Server server = new MockOAuth2Server();

    TestOidcProvider(int port) {
        try {
            server.start(InetAddress.getByName("127.0.0.1"), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Decides who the next sign-in at the provider is (no login form).
     *
     * @param subject the provider's account id
     * @param email   the e-mail claim, which the provider vouches for ({@code email_verified: true})
     * @param name    the name claim
     */
    public void nextSignIn(String subject, String email, String name) {
        next(subject, email, name, true);
    }

    /**
     * Like {@link #nextSignIn}, but the provider does not vouch for the address ({@code email_verified: false}).
     *
     * @param subject the provider's account id
     * @param email   the e-mail claim
     * @param name    the name claim
     */
    public void nextSignInUnverified(String subject, String email, String name) {
        next(subject, email, name, false);
    }

    private void next(String subject, String email, String name, boolean emailVerified) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("email", email);
        claims.put("email_verified", emailVerified);
        claims.put("name", name);
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims,
                3600));
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
