/** Flow logging behind the {@code debug} switch, without tokens or secrets. */
package dev.authschema.engine.log;
