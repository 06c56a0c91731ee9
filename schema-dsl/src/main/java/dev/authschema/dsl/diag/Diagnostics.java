package dev.authschema.dsl.diag;

import dev.authschema.dsl.ast.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/** Collects the diagnostics of one file; every stage adds to it, so all errors come out in one pass. */
public final class Diagnostics {

    private final SourceText source;
    private final LinkedHashSet<Diagnostic> found = new LinkedHashSet<>();

    public Diagnostics(SourceText source) {
        this.source = source;
    }

    public SourceText source() {
        return source;
    }

    public void error(Span span, String message) {
        found.add(new Diagnostic(Severity.ERROR, message, span, null));
    }

    /** An error with a hint, e.g. {@code Suggestions.didYouMean(...)}; a null hint is left out. */
    public void error(Span span, String message, String hint) {
        found.add(new Diagnostic(Severity.ERROR, message, span, hint));
    }

    public void warning(Span span, String message) {
        found.add(new Diagnostic(Severity.WARNING, message, span, null));
    }

    public boolean hasErrors() {
        return found.stream().anyMatch(Diagnostic::isError);
    }

    /** Everything found, in the order of the file (ties keep the order they were found in). */
    public List<Diagnostic> sorted() {
        List<Diagnostic> list = new ArrayList<>(found);
        list.sort(Comparator.comparingInt((Diagnostic d) -> d.span().start()));
        return List.copyOf(list);
    }
}
