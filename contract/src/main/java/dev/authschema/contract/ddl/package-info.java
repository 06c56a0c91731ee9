/**
 * What a generated DDL script creates, as data: the {@link dev.authschema.contract.ddl.DdlLayout} the code generator
 * writes next to each script and the runtime's schema synchronizer reads, and the
 * {@link dev.authschema.contract.ddl.Dialect} names both use.
 */
package dev.authschema.contract.ddl;
