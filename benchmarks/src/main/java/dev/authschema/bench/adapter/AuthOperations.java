package dev.authschema.bench.adapter;

import dev.authschema.adapter.AdapterSession;
import dev.authschema.adapter.AdapterUser;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.SessionAndUser;
import dev.authschema.adapter.VerificationToken;
import java.util.Optional;

/** The four operations benchmarked, so the generated adapter and hand-written JDBC are called the same way. */
public interface AuthOperations {

    Optional<SessionAndUser> getSessionAndUser(String sessionToken);

    Optional<AdapterUser> getUserByAccount(String provider, String providerAccountId);

    AdapterSession createSession(AdapterSession session);

    Optional<VerificationToken> useVerificationToken(String identifier, String token);

    /** The generated adapter. */
    static AuthOperations of(AuthAdapter adapter) {
        return new AuthOperations() {
            @Override
            public Optional<SessionAndUser> getSessionAndUser(String sessionToken) {
                return adapter.getSessionAndUser(sessionToken);
            }

            @Override
            public Optional<AdapterUser> getUserByAccount(String provider, String providerAccountId) {
                return adapter.getUserByAccount(provider, providerAccountId);
            }

            @Override
            public AdapterSession createSession(AdapterSession session) {
                return adapter.createSession(session);
            }

            @Override
            public Optional<VerificationToken> useVerificationToken(String identifier, String token) {
                return adapter.useVerificationToken(identifier, token);
            }
        };
    }
}
