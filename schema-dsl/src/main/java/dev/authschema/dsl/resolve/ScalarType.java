package dev.authschema.dsl.resolve;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Prisma's built-in scalar types. */
public enum ScalarType {
    STRING("String"),
    BOOLEAN("Boolean"),
    INT("Int"),
    BIGINT("BigInt"),
    FLOAT("Float"),
    DECIMAL("Decimal"),
    DATETIME("DateTime"),
    JSON("Json"),
    BYTES("Bytes");

    private final String schemaName;

    ScalarType(String schemaName) {
        this.schemaName = schemaName;
    }

    /** The name as written in a schema: {@code String}, {@code DateTime}. */
    public String schemaName() {
        return schemaName;
    }

    public static Optional<ScalarType> of(String schemaName) {
        return Arrays.stream(values())
                .filter(t -> t.schemaName.equals(schemaName))
                .findFirst();
    }

    public static List<String> schemaNames() {
        return Arrays.stream(values()).map(ScalarType::schemaName).toList();
    }

    /** Whether a model or enum may not take this name because a built-in type has it. */
    public static boolean isReservedName(String name) {
        return of(name).isPresent() || name.equals("Unsupported");
    }

    public boolean isNumeric() {
        return this == INT || this == BIGINT || this == FLOAT || this == DECIMAL;
    }
}
