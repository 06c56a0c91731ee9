/** CDI entry points: the engine producer (built at start-up, which validates the configuration) and AuthService. */
package dev.authschema.engine.cdi;
