/**
 * The adapter conformance kit: a JUnit 5 suite that proves an {@link dev.authschema.adapter.AuthAdapter} keeps the
 * adapter contract. Add {@code authschema-adapter-tck} with test scope and extend
 * {@link dev.authschema.adapter.tck.AuthAdapterConformanceTest}; its documentation shows a complete subclass.
 *
 * <p>The cases are grouped by model or concern in the {@code ...Cases} interfaces. They include every case of the
 * Auth.js shared adapter suite (tag {@code authjs}) and the cases it lacks (tag {@code extended}): duplicate
 * accounts, users without e-mail, extra fields of every scalar type, non-ASCII text, oversized tokens, millisecond
 * timestamps and concurrent use of verification tokens and sessions.
 */
package dev.authschema.adapter.tck;
