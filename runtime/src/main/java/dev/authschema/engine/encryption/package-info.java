/** Optional encryption at rest of the provider tokens stored on accounts: the cipher and the adapter decorator. */
package dev.authschema.engine.encryption;
