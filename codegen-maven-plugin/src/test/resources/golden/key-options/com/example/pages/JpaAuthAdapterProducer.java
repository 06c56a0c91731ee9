package com.example.pages;

import dev.authschema.adapter.AuthAdapter;
import dev.authschema.jpa.ContainerJpaWork;
import jakarta.annotation.Generated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Produces the {@link JpaAuthAdapter} for injection: {@code @Inject AuthAdapter adapter}. The application's only
 * persistence unit (or the one named by its {@code @PersistenceContext}) must list the generated entities;
 * a unit without them fails the application's start with their names.
 * {@code @Singleton}, not a client proxy, so that the injected adapter still implements
 * {@code AdapterMaintenance} (periodic clean-up, sign out everywhere else).
 */
@Generated("dev.authschema.codegen")
@ApplicationScoped
public class JpaAuthAdapterProducer {
    @Produces
    @Singleton
    AuthAdapter authAdapter(ContainerJpaWork work) {
        work.requireEntities(User.class, Account.class, Session.class, VerificationToken.class);
        return new JpaAuthAdapter(work);
    }
}
