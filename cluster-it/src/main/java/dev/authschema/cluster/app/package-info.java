/** What the cluster tests add to the demo WAR: a servlet that hands out the signed-in user's provider access token. */
package dev.authschema.cluster.app;
