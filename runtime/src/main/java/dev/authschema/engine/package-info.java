/**
 * The sign-in engine: Auth.js's flows for Jakarta EE. {@link dev.authschema.engine.AuthEngine} runs them over any
 * {@link dev.authschema.engine.http.HttpExchange}; the {@code web}, {@code security} and {@code cdi} packages connect
 * it to servlets, Jakarta Security and CDI.
 */
package dev.authschema.engine;
