/**
 * What the engine checks and prepares when the application starts: the persistence unit, its data source, the
 * tables (created when schema synchronisation is on), so that a wiring mistake fails the deployment with its fix
 * instead of the first sign-in.
 */
package dev.authschema.engine.startup;
