package dev.authschema.adapter.tck.derby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.authschema.adapter.AdapterCapability;
import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.tck.AuthAdapterConformanceTest;
import dev.authschema.adapter.tck.DatabaseInspector;
import dev.authschema.adapter.tck.ExtraFields;
import dev.authschema.adapter.tck.Requires;
import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The kit holds an adapter to what it declares: cases of undeclared capabilities are skipped, not failed, and a
 * capability declared but not implemented is caught. As in {@link BrokenAdaptersAreCaughtTest}, the kits run only
 * through {@link EngineTestKit}.
 */
class CapabilitiesAreHonouredTest {

    private static final DerbyDatabase DATABASE = DerbyDatabase.createInMemory("partial-adapters");
    private static final Set<AdapterCapability> USERS_AND_SESSIONS =
            EnumSet.of(AdapterCapability.USERS, AdapterCapability.SESSIONS);

    /** Skipped by the opt-out of strict mode, and because the reference schema has no required extra field. */
    private static final Set<String> SKIPPED_FOR_OTHER_REASONS = Set.of(
            "declares_the_capabilities_of_the_methods_auth_js_requires",
            "a_required_extra_field_set_to_null_throws_invalid_value");

    @AfterAll
    static void dropDatabase() {
        DATABASE.drop();
    }

    @Test
    void cases_of_undeclared_capabilities_are_skipped_and_the_rest_pass() {
        Events cases = run(UsersAndSessionsKit.class);

        assertThat(cases.failed().count()).as("failed cases").isZero();
        assertThat(cases.aborted().stream().map(CapabilitiesAreHonouredTest::methodName))
                .as("the kit opted out of Auth.js's required methods")
                .contains("declares_the_capabilities_of_the_methods_auth_js_requires");
        assertThat(cases.aborted().stream()
                        .filter(event -> !SKIPPED_FOR_OTHER_REASONS.contains(methodName(event)))
                        .map(CapabilitiesAreHonouredTest::requiredCapabilities))
                .as("capabilities required by the skipped cases")
                .isNotEmpty()
                .allSatisfy(required ->
                        assertThat(USERS_AND_SESSIONS.containsAll(required)).isFalse());
        assertThat(cases.succeeded().stream().map(CapabilitiesAreHonouredTest::requiredCapabilities))
                .as("capabilities required by the cases that ran")
                .hasSizeGreaterThan(15)
                .allSatisfy(required -> assertThat(USERS_AND_SESSIONS).containsAll(required));
    }

    @Test
    void an_undeclared_method_throws_the_dedicated_exception() {
        Events cases = EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(
                        UsersAndSessionsKit.class, "methods_of_undeclared_capabilities_throw_unsupported_capability"))
                .execute()
                .testEvents();

        assertThat(cases.succeeded().count()).isEqualTo(1);
    }

    @Test
    void a_declared_but_unimplemented_capability_is_caught() {
        Events cases = run(OverclaimingKit.class);

        assertThat(cases.failed().stream()
                        .map(event -> event.getTestDescriptor().getDisplayName()))
                .contains("implements_every_method_of_each_declared_capability()");
    }

    private static String methodName(Event event) {
        return event.getTestDescriptor()
                .getSource()
                .map(source -> ((MethodSource) source).getMethodName())
                .orElseThrow();
    }

    private static Set<AdapterCapability> requiredCapabilities(Event event) {
        Method method = event.getTestDescriptor()
                .getSource()
                .map(source -> ((MethodSource) source).getJavaMethod())
                .orElseThrow();
        Requires requires = method.getAnnotation(Requires.class);
        return requires == null ? Set.of() : Set.of(requires.value());
    }

    private static Events run(Class<? extends AuthAdapterConformanceTest> kit) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(kit))
                .execute()
                .testEvents();
    }

    // ---- the kits ---------------------------------------------------------------------------------------------

    abstract static class PartialAdapterKit extends AuthAdapterConformanceTest {
        @Override
        protected DatabaseInspector database() {
            return new DerbyDatabaseInspector(DATABASE);
        }

        @Override
        protected ExtraFields extraFields() {
            return DerbySchema.EXTRA_FIELDS;
        }

        @Override
        protected void cleanDatabase() {
            DATABASE.deleteAllRows();
        }
    }

    static class UsersAndSessionsKit extends PartialAdapterKit {
        /** Without accounts: an adapter for e-mail sign-in only, which opts out of Auth.js's required methods. */
        @Override
        protected boolean requireAuthJsMethods() {
            return false;
        }

        @Override
        protected AuthAdapter adapter() {
            return new UsersAndSessionsAdapter(DATABASE, USERS_AND_SESSIONS);
        }
    }

    static class OverclaimingKit extends PartialAdapterKit {
        @Override
        protected AuthAdapter adapter() {
            return new UsersAndSessionsAdapter(DATABASE, EnumSet.allOf(AdapterCapability.class));
        }
    }
}
