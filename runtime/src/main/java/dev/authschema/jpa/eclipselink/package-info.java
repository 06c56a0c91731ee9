/**
 * Settings for persistence units whose provider is EclipseLink (Open Liberty, Payara, GlassFish). Nothing here is
 * loaded unless a persistence unit names it, so the runtime still works with any other JPA provider.
 */
package dev.authschema.jpa.eclipselink;
