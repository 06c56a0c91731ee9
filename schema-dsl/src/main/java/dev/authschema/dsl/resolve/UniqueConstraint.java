package dev.authschema.dsl.resolve;

import java.util.List;

/** {@code @unique} or {@code @@unique([..])}: {@code dbName} is the constraint's name in the database, or null. */
public record UniqueConstraint(List<String> fields, String dbName) {

    public UniqueConstraint {
        fields = List.copyOf(fields);
    }
}
