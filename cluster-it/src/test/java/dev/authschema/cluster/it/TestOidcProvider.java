package dev.authschema.cluster.it;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/** mock-oauth2-server as the demo provider both nodes use (issuer {@code /demo}, after the demo's test helper). */
final class TestOidcProvider implements AutoCloseable {

    private final MockOAuth2Server server = new MockOAuth2Server();

    TestOidcProvider(int port) {
        try {
            server.start(InetAddress.getByName("127.0.0.1"), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decides who the next sign-in at the provider is (no login form); the provider vouches for the address. */
    void nextSignIn(String subject, String email, String name) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback("demo", subject, "JWT", List.of("demo-client"),
                Map.of("email", email, "email_verified", true, "name", name), 3600));
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
