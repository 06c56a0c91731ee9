package dev.authschema.codegen.harness;

import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.tck.AccountProperty;
import dev.authschema.adapter.tck.AuthAdapterConformanceTest;
import dev.authschema.adapter.tck.DatabaseInspector;
import dev.authschema.adapter.tck.ExtraFields;
import java.util.Set;

/** The conformance kit wired to a running generated adapter: a subclass supplies it (in Java SE or in a server). */
public abstract class GeneratedAdapterKit extends AuthAdapterConformanceTest {

    protected abstract KitSubject harness();

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
        return harness().profile().extraFields();
    }

    @Override
    protected String newUserId() {
        return harness().profile().databaseNumbersUsers() ? null : super.newUserId();
    }

    @Override
    protected Set<AccountProperty> unstoredAccountProperties() {
        return harness().profile().unstoredAccountProperties();
    }

    @Override
    protected boolean usersRequireEmail() {
        return harness().profile().usersRequireEmail();
    }

    @Override
    protected Set<String> storeManagedExtraFields() {
        return harness().profile().storeManagedExtraFields();
    }

    @Override
    protected void cleanDatabase() throws Exception {
        harness().clean();
    }
}
