package dev.authschema.engineit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Finding 2 of issue 12 (pre-account takeover): the attacker controls an account at an OpenID Connect provider that
 * lets them put any address on it without proving it ({@code email_verified} false or absent). That address must
 * never find, link or sign in as the user who owns it (not even on {@code trusted}, which allows linking by address),
 * and the user it creates gets no address, so that the real owner's later e-mail sign-in gets their own user.
 */
@ExtendWith(ItServers.class)
class VerifiedEmailIT {

    /** The {@code email_verified} claims that are not {@code true}: false, the string "false", absent. */
    private static final Object[] UNVERIFIED = {false, "false", null};

    @Test
    void an_unverified_address_of_an_existing_user_neither_links_nor_signs_in_as_them() {
        for (String provider : new String[] {"oidc", "trusted"}) {
            for (Object claim : UNVERIFIED) {
                String victimEmail = Checks.uniqueEmail("victim");
                Browser victim = new Browser(ItServers.DB);
                victim.signInByEmail(victimEmail);
                String victimId = Database.rowsWhere(Database.dump(), "USERS", "EMAIL", victimEmail)
                        .get(0)
                        .getString("ID");

                Browser attacker = new Browser(ItServers.DB);
                String subject = "attacker-" + UUID.randomUUID();
                String callback = attacker.authorizeAt(provider);
                ItServers.oidc().nextSignInUnverified(issuer(provider), subject, victimEmail, claim);
                JsonObject before = Database.dump();
                Browser.Response done = attacker.get(callback);

                Checks.clean(done);
                assertThat(done.location())
                        .as("%s %s: %s", provider, claim, done)
                        .isEqualTo(attacker.base());
                JsonObject after = Database.dump();
                assertThat(removed(before, after))
                        .as("nothing changed or deleted")
                        .isEmpty();
                List<JsonObject> newUsers = added(before, after, "USERS");
                assertThat(newUsers).as("one new user, without an address").hasSize(1);
                JsonObject created = newUsers.get(0);
                assertThat(created.getString("ID")).isNotEqualTo(victimId);
                assertThat(created.isNull("EMAIL")).isTrue();
                assertThat(created.isNull("EMAIL_VERIFIED")).isTrue();
                List<JsonObject> newAccounts = added(before, after, "ACCOUNTS");
                assertThat(newAccounts).hasSize(1);
                assertThat(newAccounts.get(0).getString("USER_ID")).isEqualTo(created.getString("ID"));
                assertThat(newAccounts.get(0).getString("PROVIDER_ACCOUNT_ID")).isEqualTo(subject);
                List<JsonObject> newSessions = added(before, after, "SESSIONS");
                assertThat(newSessions).hasSize(1);
                assertThat(newSessions.get(0).getString("USER_ID")).isEqualTo(created.getString("ID"));
                assertThat(added(before, after, "VERIFICATION_TOKENS")).isEmpty();
                assertThat(Database.rowsWhere(after, "ACCOUNTS", "USER_ID", victimId))
                        .isEmpty();
                assertThat(attacker.session().getJsonObject("user").isNull("email"))
                        .isTrue();
                assertThat(victim.sessionEmail()).contains(victimEmail);
            }
        }
    }

    @Test
    void the_owners_later_email_sign_in_gets_their_own_user_not_the_attackers() {
        for (String provider : new String[] {"oidc", "trusted"}) {
            String victimEmail = Checks.uniqueEmail("later-victim");
            Browser attacker = new Browser(ItServers.DB);
            String subject = "attacker-" + UUID.randomUUID();
            String callback = attacker.authorizeAt(provider);
            ItServers.oidc().nextSignInUnverified(issuer(provider), subject, victimEmail, false);
            assertThat(attacker.get(callback).location()).isEqualTo(attacker.base());
            String attackerId = Database.rowsWhere(Database.dump(), "ACCOUNTS", "PROVIDER_ACCOUNT_ID", subject)
                    .get(0)
                    .getString("USER_ID");

            Browser victim = new Browser(ItServers.DB);
            JsonObject before = Database.dump();
            victim.signInByEmail(victimEmail);

            JsonObject after = Database.dump();
            List<JsonObject> owners = Database.rowsWhere(after, "USERS", "EMAIL", victimEmail);
            assertThat(owners).hasSize(1);
            assertThat(owners.get(0).getString("ID")).as("a fresh user").isNotEqualTo(attackerId);
            assertThat(owners.get(0).isNull("EMAIL_VERIFIED")).isFalse();
            assertThat(added(before, after, "USERS")).containsExactly(owners.get(0));
            assertThat(Database.rowsWhere(
                            after, "ACCOUNTS", "USER_ID", owners.get(0).getString("ID")))
                    .as("the attacker's account is not the owner's")
                    .isEmpty();
            JsonObject attackerUser =
                    Database.rowsWhere(after, "USERS", "ID", attackerId).get(0);
            assertThat(attackerUser.isNull("EMAIL")).isTrue();
            assertThat(removed(before, after)).isEmpty();
            assertThat(victim.sessionEmail()).contains(victimEmail);
            assertThat(attacker.session().getJsonObject("user").isNull("email")).isTrue();
        }
    }

    @Test
    void a_verified_address_still_creates_the_user_with_email_verified_and_links_on_trusted() {
        String email = Checks.uniqueEmail("verified");
        Browser browser = new Browser(ItServers.DB);
        String callback = browser.authorizeAt("oidc");
        ItServers.oidc().nextSignIn(ItServers.ENGINE_ISSUER, "sub-" + UUID.randomUUID(), email);
        assertThat(browser.get(callback).location()).isEqualTo(browser.base());
        List<JsonObject> users = Database.rowsWhere(Database.dump(), "USERS", "EMAIL", email);
        assertThat(users).hasSize(1);
        assertThat(users.get(0).isNull("EMAIL_VERIFIED"))
                .as("emailVerified set")
                .isFalse();
        assertThat(browser.sessionEmail()).contains(email);

        // The string "true" that some providers send counts as well; "trusted" links by the verified address.
        Browser other = new Browser(ItServers.DB);
        String subject = "sub-" + UUID.randomUUID();
        String trustedCallback = other.authorizeAt("trusted");
        ItServers.oidc().nextSignInUnverified(ItServers.TRUSTED_ISSUER, subject, email, "true");
        assertThat(other.get(trustedCallback).location()).isEqualTo(other.base());
        assertThat(Database.rowsWhere(Database.dump(), "ACCOUNTS", "PROVIDER_ACCOUNT_ID", subject)
                        .get(0)
                        .getString("USER_ID"))
                .isEqualTo(users.get(0).getString("ID"));
    }

    private static String issuer(String provider) {
        return "oidc".equals(provider) ? ItServers.ENGINE_ISSUER : ItServers.TRUSTED_ISSUER;
    }

    /** Rows of a table that are in {@code after} but not in {@code before}. */
    private static List<JsonObject> added(JsonObject before, JsonObject after, String table) {
        List<JsonObject> rows = new ArrayList<>(Database.rows(after, table));
        rows.removeAll(Database.rows(before, table));
        return rows;
    }

    /** Rows of any table that were in {@code before} and are gone or changed in {@code after}. */
    private static List<JsonObject> removed(JsonObject before, JsonObject after) {
        List<JsonObject> rows = new ArrayList<>();
        for (String table : before.keySet()) {
            List<JsonObject> gone = new ArrayList<>(Database.rows(before, table));
            gone.removeAll(Database.rows(after, table));
            rows.addAll(gone);
        }
        return rows;
    }
}
