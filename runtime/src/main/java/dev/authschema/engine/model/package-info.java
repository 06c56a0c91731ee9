/** What the engine hands to applications: the session, its user and the error codes of failed sign-ins. */
package dev.authschema.engine.model;
