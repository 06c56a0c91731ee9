package dev.authschema.demo.devtools;

import java.net.InetAddress;
import java.util.concurrent.CountDownLatch;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/**
 * The "demo provider" of a development run (started by {@code demo.sh}): mock-oauth2-server on 127.0.0.1 with its
 * login form, so that anyone can sign in as any user. Issuer: {@code http://127.0.0.1:<port>/demo}. It vouches for
 * whatever address is typed with {@code "email_verified": true}: a development tool, never configured in production.
 */
public final class DemoOidcProvider {

    private DemoOidcProvider() {}

    /**
     * @param args the port, 9088 by default
     * @throws Exception when the server cannot start
     */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9088;
        MockOAuth2Server server = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\":true}"));
        server.start(InetAddress.getByName("127.0.0.1"), port);
        System.out.println("Demo OIDC provider: " + server.issuerUrl("demo") + " (type any user name; optional claims"
                + " such as {\"email\":\"you@example.com\",\"email_verified\":true,\"name\":\"You\"}; without"
                + " email_verified the address is not used)");
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        new CountDownLatch(1).await();
    }
}
