package dev.authschema.codegen.conformance;

import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.tck.AccountProperty;
import dev.authschema.adapter.tck.AuthAdapterConformanceTest;
import dev.authschema.adapter.tck.DatabaseInspector;
import dev.authschema.adapter.tck.ExtraFields;
import dev.authschema.codegen.Samples;
import dev.authschema.codegen.harness.GeneratedAdapterHarness;
import dev.authschema.codegen.harness.TestDatabase;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;

/**
 * The conformance kit against the adapter generated from a sample schema, on one database. Each
 * concrete subclass names its sample and database; the generated code is compiled once per class.
 */
abstract class GeneratedAdapterConformance extends AuthAdapterConformanceTest {

    private static final Map<Class<?>, GeneratedAdapterHarness> RUNNING = new ConcurrentHashMap<>();

    protected abstract Samples sample();

    protected abstract TestDatabase.Kind databaseKind();

    private GeneratedAdapterHarness harness() {
        return RUNNING.computeIfAbsent(getClass(), c -> GeneratedAdapterHarness.start(sample().schema(), sample().packageName, databaseKind()));
    }

    @Override
    protected AuthAdapter adapter() {
        return harness().adapter();
    }

    @Override
    protected DatabaseInspector database() {
        return harness().inspector();
    }

    @Override
    protected ExtraFields extraFields() {
        return harness().extraFields();
    }

    @Override
    protected String newUserId() {
        return harness().databaseNumbersUsers() ? null : super.newUserId();
    }

    @Override
    protected Set<AccountProperty> unstoredAccountProperties() {
        return harness().unstoredAccountProperties();
    }

    @Override
    protected boolean usersRequireEmail() {
        return harness().usersRequireEmail();
    }

    @Override
    protected Set<String> storeManagedExtraFields() {
        return harness().storeManagedExtraFields();
    }

    @Override
    protected void cleanDatabase() throws Exception {
        harness().clean();
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (GeneratedAdapterHarness harness : RUNNING.values()) {
            harness.close();
        }
        RUNNING.clear();
    }
}
