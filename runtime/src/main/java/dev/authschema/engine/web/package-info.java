/**
 * The servlet side: the endpoints' servlet under {@code /api/auth/} (input limits, then the engine's router), and the
 * web fragment's listener and filters that harden the whole application.
 */
package dev.authschema.engine.web;
