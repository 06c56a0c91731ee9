/** The persistence unit of the generated entities ({@code META-INF/persistence.xml}), with the runtime's settings. */
package dev.authschema.codegen.persistence;
