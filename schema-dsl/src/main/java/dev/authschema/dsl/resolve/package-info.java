/** The validator and resolver: models, types, relations and the auth roles with their canonical properties. */
package dev.authschema.dsl.resolve;
