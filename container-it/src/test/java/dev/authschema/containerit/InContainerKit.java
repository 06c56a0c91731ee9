package dev.authschema.containerit;

import dev.authschema.adapter.AuthAdapter;
import dev.authschema.codegen.harness.GeneratedAdapterKit;
import dev.authschema.codegen.harness.KitSubject;
import jakarta.inject.Inject;

/**
 * The conformance kit inside the server, on the adapter CDI injects: every kit case runs in the deployment, each
 * adapter call in a JTA transaction of {@code ContainerJpaWork}. A subclass names the deployment.
 */
abstract class InContainerKit extends GeneratedAdapterKit {

    @Inject
    AuthAdapter adapter;

    @Inject
    DeployedResources resources;

    private DeployedAdapter subject;

    @Override
    protected KitSubject harness() {
        if (subject == null) {
            subject = new DeployedAdapter(adapter, resources);
        }
        return subject;
    }
}
