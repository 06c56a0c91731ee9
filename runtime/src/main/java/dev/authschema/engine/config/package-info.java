/**
 * The engine's options, as Auth.js's options object: providers, session strategy and lifetimes, secret, pages,
 * callbacks and events. The application produces an {@link dev.authschema.engine.config.AuthConfig} CDI bean.
 */
package dev.authschema.engine.config;
