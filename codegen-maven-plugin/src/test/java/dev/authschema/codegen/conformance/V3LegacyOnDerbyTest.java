package dev.authschema.codegen.conformance;

import dev.authschema.codegen.Samples;
import dev.authschema.codegen.harness.TestDatabase;

class V3LegacyOnDerbyTest extends GeneratedAdapterConformance {

    @Override
    protected Samples sample() {
        return Samples.V3_LEGACY;
    }

    @Override
    protected TestDatabase.Kind databaseKind() {
        return TestDatabase.Kind.DERBY;
    }
}
