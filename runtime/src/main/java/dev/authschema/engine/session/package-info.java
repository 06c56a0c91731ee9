/**
 * Session strategies: database sessions (random token, sliding expiry, expired sessions deleted on read) and JWT
 * sessions (encrypted token in the cookie, no database read).
 */
package dev.authschema.engine.session;
