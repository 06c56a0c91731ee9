/** The HTTP endpoints under {@code /api/auth/}: a servlet over the engine, and the built-in pages. */
package dev.authschema.engine.web;
