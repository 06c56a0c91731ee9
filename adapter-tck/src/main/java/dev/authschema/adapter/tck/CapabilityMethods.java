package dev.authschema.adapter.tck;

import dev.authschema.adapter.AdapterCapability;
import dev.authschema.adapter.AuthAdapter;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which {@link AuthAdapter} methods make up each capability: the Java form of Auth.js's "methods exist" check. */
final class CapabilityMethods {

    private static final Map<AdapterCapability, Set<String>> NAMES = new EnumMap<>(Map.of(
            AdapterCapability.USERS,
            Set.of("createUser", "getUser", "getUserByEmail", "updateUser", "deleteUser"),
            AdapterCapability.ACCOUNTS,
            Set.of(
                    "getUserByAccount",
                    "linkAccount",
                    "unlinkAccount",
                    "getAccount",
                    "updateAccount",
                    "listAccountsByUserId"),
            AdapterCapability.SESSIONS,
            Set.of("createSession", "getSessionAndUser", "updateSession", "deleteSession"),
            AdapterCapability.VERIFICATION_TOKENS,
            Set.of("createVerificationToken", "useVerificationToken"),
            AdapterCapability.AUTHENTICATORS,
            Set.of(
                    "createAuthenticator",
                    "getAuthenticator",
                    "listAuthenticatorsByUserId",
                    "updateAuthenticatorCounter"),
            AdapterCapability.RATE_LIMITS,
            Set.of("hitRateLimit", "deleteRateLimitsBefore"),
            AdapterCapability.PASSWORDS,
            Set.of("getPasswordHash", "setPasswordHash")));

    private CapabilityMethods() {}

    /**
     * The interface methods of a capability, less the conveniences the interface implements on top of them (such as
     * {@code updateAccount(AdapterAccount)}), which adapters need not implement.
     */
    static List<Method> of(AdapterCapability capability) {
        Set<String> names = NAMES.get(capability);
        return Arrays.stream(AuthAdapter.class.getMethods())
                .filter(m -> names.contains(m.getName()))
                .filter(m -> !isConvenience(m))
                .toList();
    }

    private static boolean isConvenience(Method method) {
        return method.getName().equals("updateAccount") && method.getParameterCount() == 1;
    }

    /** Whether the adapter's class provides its own implementation rather than the interface's default. */
    static boolean isImplemented(Class<? extends AuthAdapter> adapterClass, Method method) {
        try {
            return !adapterClass
                    .getMethod(method.getName(), method.getParameterTypes())
                    .getDeclaringClass()
                    .equals(AuthAdapter.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("AuthAdapter." + method.getName() + " vanished", e);
        }
    }
}
