package dev.authschema.dsl.resolve;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What the database does to referencing rows when the referenced row is deleted or updated. */
public enum ReferentialAction {
    CASCADE("Cascade", "CASCADE"),
    RESTRICT("Restrict", "RESTRICT"),
    NO_ACTION("NoAction", "NO ACTION"),
    SET_NULL("SetNull", "SET NULL"),
    SET_DEFAULT("SetDefault", "SET DEFAULT");

    private final String schemaName;
    private final String sql;

    ReferentialAction(String schemaName, String sql) {
        this.schemaName = schemaName;
        this.sql = sql;
    }

    public String schemaName() {
        return schemaName;
    }

    public String sql() {
        return sql;
    }

    public static Optional<ReferentialAction> of(String schemaName) {
        return Arrays.stream(values())
                .filter(a -> a.schemaName.equals(schemaName))
                .findFirst();
    }

    public static List<String> schemaNames() {
        return Arrays.stream(values()).map(ReferentialAction::schemaName).toList();
    }
}
