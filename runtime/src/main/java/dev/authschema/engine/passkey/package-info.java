/** Passkeys (WebAuthn): the ceremonies' options, their sealed challenge cookie, and the verification by webauthn4j. */
package dev.authschema.engine.passkey;
