/**
 * Settings for persistence units whose provider is Hibernate ORM (WildFly): timestamps written and read in UTC
 * whatever the JVM's zone. Hibernate loads them through {@code META-INF/services}; other providers never do.
 */
package dev.authschema.jpa.hibernate;
