package dev.authschema.engine.email;

import dev.authschema.adapter.AdapterCapability;
import dev.authschema.adapter.AdapterMaintenance;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.DuplicateEmailException;
import dev.authschema.adapter.UserUpdate;
import dev.authschema.engine.log.FlowLog;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The user an address proved by e-mail (a link or a code) signs in as: found, marked verified, or created. */
final class EmailUsers {

    private EmailUsers() {}

    /**
     * @param adapter the adapter
     * @param email   the normalised address whose owner just proved it
     * @param now     the sign-in time, the new {@code emailVerified}
     * @param log     the flow log
     * @param signUp  whether the proof is the confirmation link of a password sign-up (which keeps the password)
     * @return the user, and whether this sign-in created it
     */
    static EmailSignIn.Verified signIn(AuthAdapter adapter, String email, Instant now, FlowLog log, boolean signUp) {
        Optional<AdapterUser> existing = adapter.getUserByEmail(email);
        if (existing.isPresent()) {
            AdapterUser user = existing.get();
            if (user.emailVerified() == null) {
                if (!signUp) {
                    dropUnprovenPassword(adapter, user.id(), log);
                }
                return new EmailSignIn.Verified(
                        adapter.updateUser(UserUpdate.of(user.id()).withEmailVerified(now)), false, true);
            }
            return new EmailSignIn.Verified(user, false);
        }
        AdapterUser created;
        try {
            created = adapter.createUser(new AdapterUser(null, null, email, now, null, Map.of()));
        } catch (DuplicateEmailException raced) { // another sign-in created the user since the lookup above
            return new EmailSignIn.Verified(adapter.getUserByEmail(email).orElseThrow(() -> raced), false);
        }
        log.debug(() -> "created user " + created.id() + " by e-mail sign-in");
        return new EmailSignIn.Verified(created, true);
    }

    /**
     * A password set on an address nobody had proved (a sign-up by someone else, never confirmed) goes, with the
     * sessions it opened, when the owner proves the address another way: else the stranger's password would sign
     * into the owner's account from now on (pre-account hijacking).
     */
    private static void dropUnprovenPassword(AuthAdapter adapter, String userId, FlowLog log) {
        if (!adapter.capabilities().contains(AdapterCapability.PASSWORDS)
                || adapter.getPasswordHash(userId).isEmpty()) {
            return;
        }
        adapter.setPasswordHash(userId, null);
        if (adapter instanceof AdapterMaintenance maintenance) {
            maintenance.deleteSessionsOfUser(userId, null);
        }
        log.debug(() -> "dropped the password of user " + userId + ": it was set before the address was proved");
    }
}
