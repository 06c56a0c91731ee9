package dev.authschema.containerit.engine;

import dev.authschema.adapter.AuthAdapter;
import dev.authschema.engine.config.AuthConfig;
import dev.authschema.engine.config.Providers;
import dev.authschema.engine.mail.VerificationEmail;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The engine's configuration of the engine tests, in place of the kit's ({@code KitAuthConfig}, an alternative with
 * a priority): the member's {@code role} field gives the caller's groups (as in the demo), e-mail and password
 * sign-in with a sender that keeps the mails, and the clean-up of expired rows every second from one second after
 * the start.
 */
@Alternative
@Priority(100)
@ApplicationScoped
public class EngineAuthConfig {

    /** How often the clean-up runs in the engine tests, and how long after the start it first runs. */
    static final Duration CLEANUP_INTERVAL = Duration.ofSeconds(1);

    /** The mails the engine sent, in order (the engine tests read them; nothing leaves the server). */
    static final List<VerificationEmail> SENT = new CopyOnWriteArrayList<>();

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
                .url(baseUrl())
                .provider(Providers.email("signin@container-it.test").withSender(SENT::add))
                .provider(Providers.password())
                .rolesField("role")
                .cleanupFirstDelay(CLEANUP_INTERVAL)
                .cleanupInterval(CLEANUP_INTERVAL)
                .synchronizeSchema(true)
                .build();
    }

    /** The deployment's own URL, written into it by {@link EngineDeployment}. */
    static String baseUrl() {
        try (InputStream in =
                EngineAuthConfig.class.getClassLoader().getResourceAsStream(EngineDeployment.BASE_URL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the deployment has no " + EngineDeployment.BASE_URL_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
