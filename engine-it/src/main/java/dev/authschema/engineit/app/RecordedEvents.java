package dev.authschema.engineit.app;

import dev.authschema.adapter.AdapterAccount;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.engine.config.AuthEvents;
import dev.authschema.engine.model.AuthSession;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The app's event listener: remembers each event as {@code name:userId[:detail]} (ids only, no address), for
 * {@link EventsServlet}. One per deployment (each has its own class loader); kept for the server's lifetime, the tests
 * look for their own users' ids.
 *
 * <p>A user whose address starts with {@link #FAILING_PREFIX} makes {@code createUser} throw, quoting the address and
 * the name as careless application code does: the engine must log the failure without them and go on.
 */
public final class RecordedEvents implements AuthEvents {

    /** The listener the app's {@code AuthConfig} uses. */
    public static final RecordedEvents INSTANCE = new RecordedEvents();

    /** The address prefix whose {@code createUser} event throws. */
    public static final String FAILING_PREFIX = "listener-fails";

    /** Bounded: the session event fires on every read of the session endpoint. */
    private static final int MAX = 5000;

    private final ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();

    private RecordedEvents() {}

    /**
     * @return the events so far, oldest first
     */
    public List<String> all() {
        return List.copyOf(events);
    }

    private void add(String event) {
        events.add(event);
        while (events.size() > MAX) {
            events.poll();
        }
    }

    @Override
    public void signIn(AdapterUser user, AdapterAccount account, String provider, boolean isNewUser) {
        add("signIn:" + user.id() + ":" + provider + ":" + (isNewUser ? "new" : "known"));
    }

    @Override
    public void signOut(String userId) {
        add("signOut:" + userId);
    }

    @Override
    public void createUser(AdapterUser user) {
        add("createUser:" + user.id());
        if (user.email() != null && user.email().startsWith(FAILING_PREFIX)) {
            throw new IllegalStateException("no CRM contact for " + user.email() + " (" + user.name() + ")");
        }
    }

    @Override
    public void updateUser(AdapterUser user) {
        add("updateUser:" + user.id());
    }

    @Override
    public void linkAccount(AdapterUser user, AdapterAccount account) {
        add("linkAccount:" + user.id() + ":" + account.provider());
    }

    @Override
    public void session(AuthSession session) {
        add("session:" + session.user().id());
    }
}
