package dev.authschema.adapter.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.authschema.adapter.AdapterCapability;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.UnsupportedCapabilityException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Auth.js checks that the adapter has its methods. In Java the compiler does that; what remains is that an adapter
 * implements every method of each capability it declares, and refuses the others with the dedicated exception.
 */
public interface MethodPresenceCases extends ConformanceCases {

    /**
     * Every adapter stores users.
     */
    @Test
    @Tag(AUTHJS)
    default void declares_the_users_capability() {
        assertThat(context().adapter().capabilities()).contains(AdapterCapability.USERS);
    }

    /**
     * Auth.js "required methods": an adapter has the methods of users, accounts and sessions. Skipped only for a kit
     * that opted out ({@link AuthAdapterConformanceTest#requireAuthJsMethods()}).
     */
    @Test
    @Tag(AUTHJS)
    default void declares_the_capabilities_of_the_methods_auth_js_requires() {
        assumeTrue(
                context().requireAuthJsMethods(),
                "the kit opted out of Auth.js's required methods (requireAuthJsMethods() returns false)");
        assertThat(context().adapter().capabilities())
                .as("capabilities of Auth.js's required methods (opt out with requireAuthJsMethods() if intended)")
                .contains(AdapterCapability.USERS, AdapterCapability.ACCOUNTS, AdapterCapability.SESSIONS);
    }

    /**
     * Auth.js "adapter methods exist": no method of a declared capability is left to the throwing default.
     */
    @Test
    @Tag(AUTHJS)
    default void implements_every_method_of_each_declared_capability() {
        AuthAdapter adapter = context().adapter();
        List<String> missing = new ArrayList<>();
        for (AdapterCapability capability : adapter.capabilities()) {
            for (Method method : CapabilityMethods.of(capability)) {
                if (!CapabilityMethods.isImplemented(adapter.getClass(), method)) {
                    missing.add(capability + ": " + method.getName());
                }
            }
        }
        assertThat(missing)
                .as("methods of declared capabilities left to the throwing default")
                .isEmpty();
    }

    /**
     * A method of an undeclared capability throws {@link dev.authschema.adapter.UnsupportedCapabilityException} naming
     * it.
     */
    @Test
    @Tag(EXTENDED)
    default void methods_of_undeclared_capabilities_throw_unsupported_capability() {
        AuthAdapter adapter = context().adapter();
        Set<AdapterCapability> undeclared = EnumSet.allOf(AdapterCapability.class);
        undeclared.removeAll(adapter.capabilities());
        assumeFalse(undeclared.isEmpty(), "the adapter declares every capability");
        for (AdapterCapability capability : undeclared) {
            for (Method method : CapabilityMethods.of(capability)) {
                assertThatThrownBy(() -> invokeWithDummyArguments(adapter, method))
                        .as(method.getName())
                        .isInstanceOf(UnsupportedCapabilityException.class)
                        .satisfies(e -> assertThat(((UnsupportedCapabilityException) e).missing())
                                .contains(capability));
            }
        }
    }

    /** Calls a method with nulls and zeros: an unsupported method must throw before it looks at its arguments. */
    private static void invokeWithDummyArguments(AuthAdapter adapter, Method method) throws Throwable {
        Object[] arguments = new Object[method.getParameterCount()];
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            if (types[i] == long.class) {
                arguments[i] = 0L;
            } else if (types[i] == int.class) {
                arguments[i] = 0;
            }
        }
        try {
            method.invoke(adapter, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
