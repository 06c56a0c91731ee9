package dev.authschema.engineit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Every credential the tests received from the server (cookies, CSRF and e-mail tokens), for the log check. */
public final class SeenSecrets {

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private SeenSecrets() {}

    /**
     * @param value a credential; short values (flags, ids) are ignored as they could occur in a log by chance
     */
    public static void remember(String value) {
        if (value != null && value.length() >= 20) {
            SECRETS.add(value);
        }
    }

    /**
     * @return everything remembered so far
     */
    public static Set<String> all() {
        return Set.copyOf(SECRETS);
    }
}
