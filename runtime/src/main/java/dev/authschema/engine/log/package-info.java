/** Flow logging behind the {@code debug} switch, without tokens or secrets; the guarded event listener. */
package dev.authschema.engine.log;
