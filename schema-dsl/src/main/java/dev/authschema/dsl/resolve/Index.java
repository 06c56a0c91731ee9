package dev.authschema.dsl.resolve;

import java.util.List;

/** {@code @@index([..])}: {@code dbName} is the index's name in the database, or null. */
public record Index(List<String> fields, String dbName) {

    public Index {
        fields = List.copyOf(fields);
    }
}
