/**
 * The adapter contract as one table: {@link dev.authschema.contract.Role}s, their
 * {@link dev.authschema.contract.CanonicalProperty canonical properties} and the
 * {@link dev.authschema.contract.Capability capabilities} they bring, read by the schema resolver, the code
 * generator and the conformance kit, and checked against the runtime's records by a drift test.
 */
package dev.authschema.contract;
