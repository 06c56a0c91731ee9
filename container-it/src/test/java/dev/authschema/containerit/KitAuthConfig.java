package dev.authschema.containerit;

import dev.authschema.adapter.AuthAdapter;
import dev.authschema.engine.config.AuthConfig;
import dev.authschema.engine.config.Providers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The engine's configuration in every test deployment (the runtime jar brings the engine, which needs one): the
 * deployed adapter, database sessions, e-mail sign-in through a sender that refuses (the kit sends no mail; the
 * start-up check requires a mail server otherwise), the tables made at start-up (the check requires them), and a
 * secret made when the deployment starts (the runtime refuses secrets published in a repository outside
 * development).
 */
@ApplicationScoped
public class KitAuthConfig {

    /** Where the tests reach the deployment; links are never built from a request's Host. */
    static final String BASE_URL = "http://127.0.0.1";

    @Inject
    AuthAdapter adapter;

    @Produces
    @Singleton
    AuthConfig authConfig() {
        byte[] secret = new byte[33];
        new SecureRandom().nextBytes(secret);
        return AuthConfig.builder()
                .adapter(adapter)
                .secret(Base64.getEncoder().encodeToString(secret))
                .url(BASE_URL)
                .provider(Providers.email("signin@container-it.test").withSender(email -> {
                    throw new IllegalStateException("the conformance kit sends no mail");
                }))
                .synchronizeSchema(true)
                .build();
    }
}
