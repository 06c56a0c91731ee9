package ${package};

import dev.authschema.adapter.AuthAdapter;
import dev.authschema.engine.config.AuthConfig;
import dev.authschema.engine.config.Providers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The engine's configuration: the one class the application writes. */
@ApplicationScoped
public class AuthSetup {

    @Produces
    @Singleton
    AuthConfig authConfig(AuthAdapter adapter) { // the adapter generated from auth.prisma
        return AuthConfig.builder()
                .adapter(adapter) // users and sessions in the database
                .provider(Providers.email("signin@example.com")) // sign-in by e-mail link
                // Development mode comes from AUTH_DEVELOPMENT=true, which only the development servers of the pom
                // set: no AUTH_SECRET or AUTH_URL needed, the tables are made at start-up, and without a mail server
                // the sign-in links go to the server log. The WAR itself runs in production mode anywhere else.
                .build();
    }
}
