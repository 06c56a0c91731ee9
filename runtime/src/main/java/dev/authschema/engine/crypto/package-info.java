/**
 * Random tokens, hashing, HKDF, the JWE sealing of cookies and the ordered secrets of a rotation ({@link
 * dev.authschema.engine.crypto.SecretRing}); all on the JDK and Nimbus JOSE + JWT.
 */
package dev.authschema.engine.crypto;
