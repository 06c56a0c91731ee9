/** Creates the demo's tables from the generated DDL when the application starts. */
package dev.authschema.demo.schema;
