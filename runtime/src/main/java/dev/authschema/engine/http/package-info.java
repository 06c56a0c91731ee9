/** HTTP rules shared by every endpoint: cookie names and attributes, CSRF tokens and safe redirects. */
package dev.authschema.engine.http;
