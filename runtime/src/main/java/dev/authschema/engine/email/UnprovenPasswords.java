package dev.authschema.engine.email;

import dev.authschema.adapter.AdapterCapability;
import dev.authschema.adapter.AdapterMaintenance;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.engine.log.FlowLog;

/**
 * A password set on an address nobody had proved (a sign-up by someone else, never confirmed) goes, with the
 * database sessions it opened, when the owner proves the address another way (an e-mail link or code, a provider's
 * verified address): else the stranger's password would sign into the owner's account from then on (pre-account
 * hijacking).
 */
public final class UnprovenPasswords {

    private UnprovenPasswords() {}

    /**
     * @param adapter the adapter
     * @param userId  the user whose address was just proved for the first time
     * @param log     the flow log
     */
    public static void drop(AuthAdapter adapter, String userId, FlowLog log) {
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
