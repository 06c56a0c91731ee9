package dev.authschema.containerit;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every kit case in the server, on the adapter generated from the demo app's schema, on the server's embedded Derby. */
@ExtendWith({ArquillianExtension.class, InContainerSkips.class})
class DemoOnDerbyKitIT extends InContainerKit {

    private static final String NAME = "kit-demo-derby";

    @Deployment
    static WebArchive deployment() {
        return KitDeployment.of(Sample.DEMO, TargetDatabase.DERBY, NAME);
    }

    @AfterAll
    static void dropDatabase() {
        TargetDatabase.DERBY.dropDatabase(NAME);
    }
}
