/**
 * The Java sources (JavaPoet): JPA entities, enums, converters, the generated {@code AuthAdapter} (written by role:
 * {@code AdapterGenerator} and one writer per role) and its CDI producer.
 */
package dev.authschema.codegen.java;
