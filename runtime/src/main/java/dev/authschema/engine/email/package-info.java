/** Sign-in by e-mail link: address normalisation, hashed single-use tokens, and the two-step link confirmation. */
package dev.authschema.engine.email;
