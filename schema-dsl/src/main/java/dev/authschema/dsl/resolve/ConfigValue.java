package dev.authschema.dsl.resolve;

/** A setting written either as a literal string or as {@code env("VAR")}; exactly one is non-null. */
public record ConfigValue(String literal, String environmentVariable) {

    public static ConfigValue literal(String value) {
        return new ConfigValue(value, null);
    }

    public static ConfigValue fromEnvironment(String variable) {
        return new ConfigValue(null, variable);
    }

    public boolean isFromEnvironment() {
        return environmentVariable != null;
    }
}
