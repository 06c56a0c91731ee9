/** The engine's built-in HTML pages (sign-in, sign-out, error, verify-request, e-mail confirmation), their theme's
 * stylesheet, and the small HTML builder that escapes every value it is given. */
package dev.authschema.engine.pages;
