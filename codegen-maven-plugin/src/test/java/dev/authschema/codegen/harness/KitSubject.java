package dev.authschema.codegen.harness;

import dev.authschema.adapter.AuthAdapter;
import dev.authschema.adapter.tck.DatabaseInspector;

/**
 * A generated adapter the conformance kit can run against, wherever it runs: compiled in memory on a test database
 * ({@link GeneratedAdapterHarness}), or deployed in a Jakarta EE server (the container-it module).
 */
public interface KitSubject {

    AuthAdapter adapter();

    /** Reads the adapter's rows directly, bypassing it. */
    DatabaseInspector inspector();

    /** What the kit must know of the adapter's schema. */
    SchemaKitProfile profile();

    /** Deletes every row and forgets what the persistence provider cached. */
    void clean() throws Exception;
}
