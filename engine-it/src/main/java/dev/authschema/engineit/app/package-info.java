/**
 * The test application that engine-it deploys four times: its settings, data source, movable clock and probe servlets.
 */
package dev.authschema.engineit.app;
