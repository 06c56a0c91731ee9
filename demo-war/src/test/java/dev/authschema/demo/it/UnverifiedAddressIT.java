package dev.authschema.demo.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authschema.testsupport.HtmlPage;
import dev.authschema.testsupport.WebClient;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Finding 2 of issue 12 as it was found on the demo: signing in with the demo OIDC provider while claiming the admin's
 * address ({@code DEMO_ADMIN_EMAILS}) made the attacker an ADMIN, and the real admin's later e-mail sign-in landed in
 * the attacker's member. Now an address the provider does not vouch for ({@code email_verified} not true) gives no
 * address and no role, and the admin's own sign-in gets their own member.
 */
@ExtendWith(DemoEnvironment.class)
class UnverifiedAddressIT {

    @Test
    void an_unverified_admin_address_grants_nothing_and_the_real_admin_gets_their_own_member() {
        WebClient attacker = DemoEnvironment.client();
        DemoEnvironment.oidc()
                .nextSignInUnverified("mallory-" + UUID.randomUUID(), DemoEnvironment.ADMIN_EMAIL, "Mallory");
        HtmlPage landed =
                attacker.submit(attacker.get("/signin.xhtml"), "oauth-form", "oauth-form:signin-demo", Map.of());
        assertThat(landed.path()).as("%s", landed).isEqualTo("/account.xhtml");
        assertThat(landed.text("member-role")).isEqualTo("MEMBER");
        assertThat(landed.body()).doesNotContain(DemoEnvironment.ADMIN_EMAIL);
        assertThat(attacker.get("/admin").status()).isEqualTo(403);

        WebClient admin = DemoEnvironment.client();
        HtmlPage account = DemoFlows.signInByEmail(admin, DemoEnvironment.ADMIN_EMAIL);
        assertThat(account.text("member-email")).isEqualTo(DemoEnvironment.ADMIN_EMAIL);
        assertThat(account.text("member-role")).isEqualTo("ADMIN");
        assertThat(account.text("member-name")).as("not the attacker's member").isNotEqualTo("Mallory");
        assertThat(attacker.get("/admin").status())
                .as("the attacker is still no admin")
                .isEqualTo(403);
    }
}
