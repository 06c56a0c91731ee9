package dev.authschema.demo.account;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.UserUpdate;
import dev.authschema.demo.auth.MemberRole;
import dev.authschema.demo.config.DemoSettings;
import dev.authschema.engine.config.AuthEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Gives the role ADMIN to members whose address is in {@code DEMO_ADMIN_EMAILS} when they sign in, so the demo's
 * admin page can be tried without editing the database. Only a verified address counts ({@code emailVerified} set:
 * by an e-mail link, or by a provider that vouches for it); an address nobody proved is never a reason to grant a
 * role.
 */
@ApplicationScoped
public class AdminPromotion implements AuthEvents {

    private static final Logger LOG = Logger.getLogger(AdminPromotion.class.getName());

    @Inject
    DemoSettings settings;

    @Inject
    AuthAdapter adapter;

    @Override
    public void signIn(AdapterUser user, AdapterAccount account, String provider, boolean isNewUser) {
        if (user.email() == null
                || user.emailVerified() == null
                || !settings.adminEmails().contains(user.email().toLowerCase(Locale.ROOT))) {
            return;
        }
        if (!MemberRole.ADMIN.name().equals(String.valueOf(user.extras().get("role")))) {
            adapter.updateUser(UserUpdate.of(user.id()).withExtra("role", MemberRole.ADMIN.name()));
            LOG.info(() -> "member " + user.id() + " is an admin (DEMO_ADMIN_EMAILS)");
        }
    }
}
