package dev.authschema.adapter.tck.derby;

import dev.authschema.adapter.AdapterCapability;
import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.SessionAndUser;
import dev.authschema.adapter.SessionUpdate;
import dev.authschema.adapter.UserUpdate;
import java.util.Optional;
import java.util.Set;

/**
 * Implements only the USERS and SESSIONS methods, by delegation, and declares what it is told to: an adapter
 * over a schema without Account, VerificationToken and Authenticator models, honest or not.
 */
final class UsersAndSessionsAdapter implements AuthAdapter {
    private final AuthAdapter delegate;
    private final Set<AdapterCapability> declared;

    UsersAndSessionsAdapter(DerbyDatabase database, Set<AdapterCapability> declared) {
        this.delegate = new DerbyReferenceAdapter(database);
        this.declared = declared;
    }

    @Override
    public Set<AdapterCapability> capabilities() {
        return declared;
    }

    @Override
    public AdapterUser createUser(AdapterUser user) {
        return delegate.createUser(user);
    }

    @Override
    public Optional<AdapterUser> getUser(String id) {
        return delegate.getUser(id);
    }

    @Override
    public Optional<AdapterUser> getUserByEmail(String email) {
        return delegate.getUserByEmail(email);
    }

    @Override
    public AdapterUser updateUser(UserUpdate update) {
        return delegate.updateUser(update);
    }

    @Override
    public void deleteUser(String id) {
        delegate.deleteUser(id);
    }

    @Override
    public AdapterSession createSession(AdapterSession session) {
        return delegate.createSession(session);
    }

    @Override
    public Optional<SessionAndUser> getSessionAndUser(String sessionToken) {
        return delegate.getSessionAndUser(sessionToken);
    }

    @Override
    public Optional<AdapterSession> updateSession(SessionUpdate update) {
        return delegate.updateSession(update);
    }

    @Override
    public void deleteSession(String sessionToken) {
        delegate.deleteSession(sessionToken);
    }
}
