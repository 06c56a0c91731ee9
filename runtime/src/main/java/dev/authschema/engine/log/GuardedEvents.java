package dev.authschema.engine.log;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.engine.config.AuthEvents;
import dev.authschema.engine.model.AuthSession;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The application's event listener as the engine calls it: a listener that throws is logged (with its stack trace,
 * whatever the debug switch) and the request goes on as if it had returned, as {@link AuthEvents} promises.
 *
 * <p>A listener gets the user's personal data and its failures quote it ({@code "no CRM contact for ann@..."}, a
 * database's {@code Key (email)=(...)}): the log line withholds the store's messages and replaces the event's own
 * name, e-mail address, image and provider account id wherever a message repeats them.
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
        guard("signIn", () -> listener.signIn(user, account, provider, isNewUser), personal(user, account));
    }

    @Override
    public void signOut(String userId) {
        guard("signOut", () -> listener.signOut(userId), List.of());
    }

    @Override
    public void createUser(AdapterUser user) {
        guard("createUser", () -> listener.createUser(user), personal(user, null));
    }

    @Override
    public void updateUser(AdapterUser user) {
        guard("updateUser", () -> listener.updateUser(user), personal(user, null));
    }

    @Override
    public void session(AuthSession session) {
        guard(
                "session",
                () -> listener.session(session),
                session == null
                        ? List.of()
                        : List.of(
                                nonNull(session.user().name()),
                                nonNull(session.user().email()),
                                nonNull(session.user().image())));
    }

    @Override
    public void linkAccount(AdapterUser user, AdapterAccount account) {
        guard("linkAccount", () -> listener.linkAccount(user, account), personal(user, account));
    }

    private void guard(String event, Runnable call, Collection<String> personal) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.error(event + " event listener failed", e, personal);
        }
    }

    /** What of the event's user and account may be quoted by a failure and must not reach the log. */
    private static List<String> personal(AdapterUser user, AdapterAccount account) {
        List<String> values = new ArrayList<>();
        if (user != null) {
            values.add(nonNull(user.name()));
            values.add(nonNull(user.email()));
            values.add(nonNull(user.image()));
        }
        if (account != null) {
            values.add(nonNull(account.providerAccountId()));
        }
        return values;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
