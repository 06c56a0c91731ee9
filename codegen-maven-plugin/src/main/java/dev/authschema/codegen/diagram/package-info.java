/** The schema drawn as a Mermaid entity-relationship diagram. */
package dev.authschema.codegen.diagram;
