package dev.authschema.engine.email;

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
                    UnprovenPasswords.drop(adapter, user.id(), log);
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
}
