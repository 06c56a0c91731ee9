/**
 * The adapter SPI: the contract between the sign-in engine and the database, after Auth.js's database adapters.
 *
 * <p>The engine talks to storage only through {@link dev.authschema.adapter.AuthAdapter}. The build-time generator
 * produces an implementation from a schema file; anyone may write their own for another store and prove it with
 * the conformance kit ({@code authschema-adapter-tck}).
 *
 * <h2>Canonical records</h2>
 * {@link dev.authschema.adapter.AdapterUser}, {@link dev.authschema.adapter.AdapterAccount},
 * {@link dev.authschema.adapter.AdapterSession}, {@link dev.authschema.adapter.VerificationToken},
 * {@link dev.authschema.adapter.AdapterAuthenticator} and {@link dev.authschema.adapter.SessionAndUser} carry the
 * canonical properties of each role. Ids are strings here whatever the schema uses; an adapter over numeric ids
 * converts at its boundary. Every {@link java.time.Instant} is truncated to milliseconds, the precision every
 * supported database keeps.
 *
 * <h2>Extra fields</h2>
 * Any field of a model that is not a canonical property is an <em>extra field</em>. Users, accounts and sessions
 * carry them in an {@code extras} map from field name (as written in the schema) to value; the map is immutable,
 * keeps insertion order and may hold {@code null} for a field that is null. The Java type of a value follows the
 * field's scalar type:
 * <table>
 *   <caption>Extra value types</caption>
 *   <tr><th>schema type</th><th>Java value</th></tr>
 *   <tr><td>{@code String}</td><td>{@link java.lang.String}</td></tr>
 *   <tr><td>{@code Int}</td><td>{@link java.lang.Integer}</td></tr>
 *   <tr><td>{@code BigInt}</td><td>{@link java.lang.Long}</td></tr>
 *   <tr><td>{@code Float}</td><td>{@link java.lang.Double}</td></tr>
 *   <tr><td>{@code Decimal}</td><td>{@link java.math.BigDecimal}</td></tr>
 *   <tr><td>{@code Boolean}</td><td>{@link java.lang.Boolean}</td></tr>
 *   <tr><td>{@code DateTime}</td><td>{@link java.time.Instant}, millisecond precision</td></tr>
 *   <tr><td>{@code Json}</td><td>{@link java.lang.String} holding the JSON text</td></tr>
 *   <tr><td>{@code Bytes}</td><td>{@code byte[]}</td></tr>
 *   <tr><td>an {@code enum}</td><td>{@link java.lang.String}, the constant's name</td></tr>
 * </table>
 * Records compare extras by value: arrays by content and decimals numerically ({@code 1.5} equals {@code 1.50}).
 */
package dev.authschema.adapter;
