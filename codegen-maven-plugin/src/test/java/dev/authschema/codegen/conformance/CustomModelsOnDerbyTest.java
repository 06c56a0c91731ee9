package dev.authschema.codegen.conformance;

import dev.authschema.codegen.Samples;
import dev.authschema.codegen.harness.TestDatabase;

class CustomModelsOnDerbyTest extends GeneratedAdapterConformance {

    @Override
    protected Samples sample() {
        return Samples.CUSTOM;
    }

    @Override
    protected TestDatabase.Kind databaseKind() {
        return TestDatabase.Kind.DERBY;
    }
}
