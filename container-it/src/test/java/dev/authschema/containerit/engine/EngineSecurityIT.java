package dev.authschema.containerit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.engine.http.AuthCookies;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The engine's {@code HttpAuthenticationMechanism} in the server: a session made through the injected adapter, sent
 * as the session cookie to a page of the deployment, makes the member the caller (principal named by the member's
 * id), the member's {@code role} their one group, and the container's {@code @RolesAllowed} on an enterprise bean and
 * an application's interceptor on a CDI bean let them in by that group only. Without a valid session (none, a forged
 * or altered token, an expired session) there is no caller and both beans refuse.
 */
@ExtendWith(ArquillianExtension.class)
class EngineSecurityIT {

    private static final String NAME = "engine-security";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AuthAdapter adapter;

    @Inject
    EngineRows rows;

    @Deployment
    static WebArchive deployment() {
        return EngineDeployment.of(NAME);
    }

    @Test
    void an_admins_session_makes_them_the_caller_in_the_admin_group_and_both_guards_let_them_in() throws Exception {
        AdapterUser admin = member("ADMIN");
        String token = session(admin, Instant.now().plus(Duration.ofHours(1)));

        Map<String, String> caller = caller(cookie(token));

        assertThat(caller)
                .containsEntry("principal", admin.id())
                .containsEntry("request.principal", admin.id())
                .containsEntry("role.ADMIN", "true")
                .containsEntry("role.MEMBER", "false")
                .containsEntry("request.role.ADMIN", "true")
                .containsEntry("ejb.forAdmins", "allowed")
                .containsEntry("ejb.forMembers", "EJBAccessException")
                .containsEntry("cdi.forAdmins", "allowed")
                .containsEntry("cdi.forMembers", "SecurityException");
    }

    @Test
    void a_members_session_gives_the_member_group_only_and_the_admin_methods_refuse_them() throws Exception {
        AdapterUser member = member("MEMBER");
        String token = session(member, Instant.now().plus(Duration.ofHours(1)));

        Map<String, String> caller = caller(cookie(token));

        assertThat(caller)
                .containsEntry("principal", member.id())
                .containsEntry("role.ADMIN", "false")
                .containsEntry("role.MEMBER", "true")
                .containsEntry("ejb.forAdmins", "EJBAccessException")
                .containsEntry("ejb.forMembers", "allowed")
                .containsEntry("cdi.forAdmins", "SecurityException")
                .containsEntry("cdi.forMembers", "allowed");
    }

    @Test
    void a_signed_out_caller_has_no_principal_and_is_refused_by_both_guards() throws Exception {
        assertSignedOut(caller(null));
    }

    @Test
    void a_forged_session_token_gets_no_principal() throws Exception {
        member("ADMIN");
        assertSignedOut(caller(cookie(randomToken())));
    }

    @Test
    void an_altered_session_token_gets_no_principal() throws Exception {
        String token = session(member("ADMIN"), Instant.now().plus(Duration.ofHours(1)));
        char last = token.charAt(token.length() - 1);
        String altered = token.substring(0, token.length() - 1) + (last == 'a' ? 'b' : 'a');

        assertSignedOut(caller(cookie(altered)));
        assertSignedOut(caller(cookie(token.toUpperCase())));
        assertSignedOut(caller(cookie(token.substring(0, token.length() - 1))));
        assertThat(caller(cookie(token))).as("the genuine token still works").containsEntry("role.ADMIN", "true");
    }

    @Test
    void an_expired_session_gets_no_principal_and_its_row_is_deleted() throws Exception {
        AdapterUser admin = member("ADMIN");
        String token = session(admin, Instant.now().minus(Duration.ofMinutes(1)));

        assertSignedOut(caller(cookie(token)));
        assertThat(rows.sessions(token)).as("the expired session's row").isZero();
    }

    @Test
    void a_session_cookie_under_another_name_is_not_read() throws Exception {
        String token = session(member("ADMIN"), Instant.now().plus(Duration.ofHours(1)));

        assertSignedOut(caller("next-auth.session-token=" + token));
        assertSignedOut(caller(AuthCookies.SESSION_TOKEN.toUpperCase() + "=" + token));
    }

    private static void assertSignedOut(Map<String, String> caller) {
        // WildFly's SecurityContext names the unauthenticated caller "anonymous" (Elytron's anonymous identity) where
        // the others answer null (this runs inside the server, which has no arquillian.launch to tell them apart); no
        // user id is "anonymous", and the servlet request has no principal on every server.
        assertThat(caller.get("principal"))
                .as("SecurityContext.getCallerPrincipal()")
                .isIn("", "anonymous");
        assertThat(caller)
                .containsEntry("request.principal", "")
                .containsEntry("role.ADMIN", "false")
                .containsEntry("role.MEMBER", "false")
                .containsEntry("ejb.forAdmins", "EJBAccessException")
                .containsEntry("ejb.forMembers", "EJBAccessException")
                .containsEntry("cdi.forAdmins", "SecurityException")
                .containsEntry("cdi.forMembers", "SecurityException");
    }

    private AdapterUser member(String role) {
        return adapter.createUser(new AdapterUser(
                null,
                "Member " + role,
                "caller-" + UUID.randomUUID() + "@container-it.test",
                Instant.now(),
                null,
                Map.of("role", role)));
    }

    private String session(AdapterUser user, Instant expires) {
        String token = randomToken();
        adapter.createSession(AdapterSession.of(token, user.id(), expires));
        return token;
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String cookie(String token) {
        return AuthCookies.SESSION_TOKEN + "=" + token;
    }

    private static Map<String, String> caller(String cookie) throws Exception {
        HttpResponse<String> response = SelfRequests.get("/engine/caller", cookie);
        assertThat(response.statusCode())
                .as("GET /engine/caller: %s", response.body())
                .isEqualTo(200);
        return SelfRequests.lines(response);
    }
}
