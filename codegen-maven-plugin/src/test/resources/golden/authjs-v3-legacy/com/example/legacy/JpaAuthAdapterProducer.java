package com.example.legacy;

import dev.authschema.adapter.AuthAdapter;
import dev.authschema.jpa.ContainerJpaWork;
import jakarta.annotation.Generated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Produces the {@link JpaAuthAdapter} for injection: {@code @Inject AuthAdapter adapter}. The application's only
 * persistence unit (or the one named by its {@code @PersistenceContext}) must list the generated entities.
 */
@Generated("dev.authschema.codegen")
@ApplicationScoped
public class JpaAuthAdapterProducer {
    @Produces
    @ApplicationScoped
    AuthAdapter authAdapter(ContainerJpaWork work) {
        return new JpaAuthAdapter(work);
    }
}
