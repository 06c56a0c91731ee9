package dev.authschema.dsl.diag;

import java.util.Locale;

public enum Severity {
    ERROR,
    WARNING;

    /** How the severity is printed: {@code error}, {@code warning}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
