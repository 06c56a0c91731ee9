package dev.authschema.dsl.ast;

/** How a field's type is qualified: {@code T}, {@code T?}, {@code T[]} or the invalid {@code T[]?}. */
public enum TypeModifier {
    REQUIRED(""),
    OPTIONAL("?"),
    LIST("[]"),
    OPTIONAL_LIST("[]?");

    private final String suffix;

    TypeModifier(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }
}
