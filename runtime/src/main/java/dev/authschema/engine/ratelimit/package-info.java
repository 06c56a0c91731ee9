/**
 * Rate limits on the sign-in endpoints, as Better Auth has them: per client address on every {@code /api/auth/*}
 * POST, and tighter on sign-in e-mails per address and per client. Fixed windows that start at a key's first request
 * and expire, counted in the database through the adapter's optional
 * {@link dev.authschema.adapter.AdapterCapability#RATE_LIMITS} capability (shared by every server), or in memory per
 * server without it.
 */
package dev.authschema.engine.ratelimit;
