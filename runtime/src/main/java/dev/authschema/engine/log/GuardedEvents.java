package dev.authschema.engine.log;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.engine.config.AuthEvents;
import dev.authschema.engine.model.AuthSession;

/**
 * The application's event listener as the engine calls it: a listener that throws is logged (with its stack trace,
 * whatever the debug switch) and the request goes on as if it had returned, as {@link AuthEvents} promises.
 */
public final class GuardedEvents implements AuthEvents {

    private final AuthEvents listener;
    private final FlowLog log;

    /**
     * @param listener the application's listener
     * @param log      where failures go
     */
    public GuardedEvents(AuthEvents listener, FlowLog log) {
        this.listener = listener;
        this.log = log;
    }

    @Override
    public void signIn(AdapterUser user, AdapterAccount account, String provider, boolean isNewUser) {
        guard("signIn", () -> listener.signIn(user, account, provider, isNewUser));
    }

    @Override
    public void signOut(String userId) {
        guard("signOut", () -> listener.signOut(userId));
    }

    @Override
    public void createUser(AdapterUser user) {
        guard("createUser", () -> listener.createUser(user));
    }

    @Override
    public void updateUser(AdapterUser user) {
        guard("updateUser", () -> listener.updateUser(user));
    }

    @Override
    public void session(AuthSession session) {
        guard("session", () -> listener.session(session));
    }

    @Override
    public void linkAccount(AdapterUser user, AdapterAccount account) {
        guard("linkAccount", () -> listener.linkAccount(user, account));
    }

    private void guard(String event, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.error(event + " event listener failed", e);
        }
    }
}
