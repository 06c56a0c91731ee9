/**
 * The engine's actions, one class each as in Auth.js's {@code actions/} ({@link dev.authschema.engine.actions.SignIn},
 * {@link dev.authschema.engine.actions.Callback}, {@link dev.authschema.engine.actions.SignOut}, ...), and the
 * {@link dev.authschema.engine.actions.AuthRouter} that both entrances go through, with the one CSRF and error policy.
 */
package dev.authschema.engine.actions;
