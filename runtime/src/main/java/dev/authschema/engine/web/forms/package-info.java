/**
 * CSRF protection for an application's own pages: {@link dev.authschema.engine.web.forms.FormCsrfFilter} refuses
 * form submissions and other state changes without the browser's token, whatever their method;
 * {@link dev.authschema.engine.web.forms.FormCsrfToken} puts the token in forms.
 */
package dev.authschema.engine.web.forms;
