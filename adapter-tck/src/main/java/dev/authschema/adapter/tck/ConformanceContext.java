package dev.authschema.adapter.tck;

import dev.authschema.adapter.AdapterCapability;
import dev.authschema.adapter.AuthAdapter;

/**
 * What a conformance case works with: the adapter under test, direct access to its database and the fixtures.
 * {@link AuthAdapterConformanceTest} builds one before each case from the subclass's hooks.
 *
 * @param adapter  the adapter under test
 * @param db       reads rows bypassing the adapter
 * @param fixtures makes the models the case stores
 * @param usersRequireEmail    whether the store requires an e-mail address for every user
 * @param requireAuthJsMethods whether the adapter must have the methods Auth.js requires of every database adapter
 *                             (users, accounts, sessions): true unless the kit's subclass opted out
 */
public record ConformanceContext(
        AuthAdapter adapter,
        DatabaseInspector db,
        Fixtures fixtures,
        boolean usersRequireEmail,
        boolean requireAuthJsMethods) {

    /**
     * @param capability a capability
     * @return whether the adapter under test declares it
     */
    public boolean supports(AdapterCapability capability) {
        return adapter.capabilities().contains(capability);
    }
}
