package dev.authschema.dsl.resolve;

/** The {@code datasource} block: its name (the {@code @db.} namespace), the DDL dialect and the URL setting. */
public record Datasource(String name, Provider provider, ConfigValue url) {}
