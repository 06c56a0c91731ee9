/** Random tokens, hashing, HKDF and the JWE sealing of cookies; all on the JDK and Nimbus JOSE + JWT. */
package dev.authschema.engine.crypto;
