package dev.authschema.codegen.harness;

import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.tck.AccountProperty;
import dev.authschema.adapter.tck.AuthAdapterConformanceTest;
import dev.authschema.adapter.tck.DatabaseInspector;
import dev.authschema.adapter.tck.ExtraFields;
import java.util.Set;

/** The conformance kit wired to a running generated adapter: a subclass supplies the harness. */
public abstract class GeneratedAdapterKit extends AuthAdapterConformanceTest {

    protected abstract GeneratedAdapterHarness harness();

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
}
