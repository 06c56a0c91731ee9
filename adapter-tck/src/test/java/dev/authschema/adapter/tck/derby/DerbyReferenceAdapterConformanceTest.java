package dev.authschema.adapter.tck.derby;

import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.tck.AuthAdapterConformanceTest;
import dev.authschema.adapter.tck.DatabaseInspector;
import dev.authschema.adapter.tck.ExtraFields;
import org.junit.jupiter.api.AfterAll;

/** The whole kit against the hand-written JDBC adapter on embedded Derby: proof that the kit's cases can pass. */
class DerbyReferenceAdapterConformanceTest extends AuthAdapterConformanceTest {

    private static final DerbyDatabase DATABASE = DerbyDatabase.createInMemory("reference-adapter");

    @AfterAll
    static void dropDatabase() {
        DATABASE.drop();
    }

    @Override
    protected AuthAdapter adapter() {
        return new DerbyReferenceAdapter(DATABASE);
    }

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
