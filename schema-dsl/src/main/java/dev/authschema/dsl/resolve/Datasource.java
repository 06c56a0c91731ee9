package dev.authschema.dsl.resolve;

import dev.authschema.contract.ddl.Dialect;

/** The {@code datasource} block: its name (the {@code @db.} namespace), the DDL dialect and the URL setting. */
public record Datasource(String name, Dialect provider, ConfigValue url) {}
