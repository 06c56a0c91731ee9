/**
 * The Java sources (JavaPoet): JPA entities, enums, converters, the generated {@code AuthAdapter} and its CDI producer.
 */
package dev.authschema.codegen.java;
