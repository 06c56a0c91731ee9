package dev.authschema.containerit.engine;

import dev.authschema.containerit.KitDeployment;
import dev.authschema.containerit.Sample;
import dev.authschema.containerit.TargetDatabase;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR of an engine test: the demo's generated adapter with its producer on the server's Derby (as the kit's
 * deployments), this package's configuration, servlets and beans, and the URL the deployment is reached at (the
 * tests inside the server call their own servlets over HTTP, with the session cookie they chose).
 */
final class EngineDeployment {

    /** Where the deployment holds its own base URL, e.g. {@code http://127.0.0.1:29170/engine-security}. */
    static final String BASE_URL_RESOURCE = "container-it/base-url";

    private EngineDeployment() {}

    static WebArchive of(String name) {
        // Each execution names its server's HTTP port: containerit.<arquillian.launch>.http.port.
        String server = System.getProperty("arquillian.launch", "liberty");
        String port = System.getProperty("containerit." + server + ".http.port", "29170");
        return KitDeployment.of(Sample.DEMO, TargetDatabase.DERBY, name)
                .addPackage(EngineDeployment.class.getPackage())
                .addAsResource(new StringAsset("http://127.0.0.1:" + port + "/" + name), BASE_URL_RESOURCE);
    }
}
