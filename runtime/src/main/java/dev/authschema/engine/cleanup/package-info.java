/** Periodic deletion of expired sessions and verification tokens, in batches, safe on several servers. */
package dev.authschema.engine.cleanup;
