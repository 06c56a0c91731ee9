package dev.authschema.dsl.diag;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean `X`?" hints in diagnostics, from the project's one {@link dev.authschema.contract.Suggestions}. */
public final class Suggestions {

    private Suggestions() {}

    /** The closest candidate to {@code input}, if a reader would plausibly have meant it. */
    public static Optional<String> closest(String input, Collection<String> candidates) {
        return dev.authschema.contract.Suggestions.closest(input, candidates);
    }

    /** {@code did you mean `X`?} for the closest candidate, or null when none is close. */
    public static String didYouMean(String input, Collection<String> candidates) {
        return closest(input, candidates).map(s -> "did you mean `" + s + "`?").orElse(null);
    }
}
