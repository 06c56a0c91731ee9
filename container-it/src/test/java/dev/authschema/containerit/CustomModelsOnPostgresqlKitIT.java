package dev.authschema.containerit;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every kit case in the server, on the adapter generated from the plugin's custom-models sample, on the local PostgreSQL. */
@ExtendWith({ArquillianExtension.class, InContainerSkips.class})
class CustomModelsOnPostgresqlKitIT extends InContainerKit {

    private static final String NAME = "kit-custom-models-postgresql";

    @Deployment
    static WebArchive deployment() {
        return KitDeployment.of(Sample.CUSTOM_MODELS, TargetDatabase.POSTGRESQL, NAME);
    }

    @AfterAll
    static void dropDatabase() {
        TargetDatabase.POSTGRESQL.dropDatabase(NAME);
    }
}
