package dev.authschema.codegen.java;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Touches up JavaPoet's output to read like hand-written code: annotations that fit on one line are
 * written on one line ({@code @Column(name = "email", nullable = false)}); JavaPoet puts each member of an
 * annotation with several on a line of its own. (Method bodies need no pass: the adapter's writers emit their
 * lines already broken, see {@link Jpql} and {@link QueryCall}.)
 */
final class SourceLayout {

    static final int WIDTH = 120;

    private static final Pattern ANNOTATION_START = Pattern.compile("^(\\s*)@[\\w.]+\\($");

    private SourceLayout() {}

    static String apply(String source) {
        List<String> lines = List.of(source.split("\n", -1));
        List<String> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher start = ANNOTATION_START.matcher(line);
            int end = start.matches() ? closingLine(lines, i, start.group(1)) : -1;
            if (end > 0) {
                String joined = start.group(1) + join(line.strip(), lines.subList(i + 1, end)) + ")";
                if (joined.length() <= WIDTH) {
                    out.add(joined);
                    i = end;
                    continue;
                }
            }
            out.add(line);
        }
        return String.join("\n", out);
    }

    /** The line that closes the annotation opened at {@code start}: its indent followed by {@code )}. */
    private static int closingLine(List<String> lines, int start, String indent) {
        for (int i = start + 1; i < lines.size(); i++) {
            if (lines.get(i).equals(indent + ")")) {
                return i;
            }
            if (!lines.get(i).startsWith(indent + " ")) {
                return -1;
            }
        }
        return -1;
    }

    private static String join(String opening, List<String> inner) {
        StringBuilder joined = new StringBuilder(opening);
        for (String line : inner) {
            String piece = line.strip();
            char last = joined.charAt(joined.length() - 1);
            if (last != '(' && last != '{' && !piece.startsWith("}") && !piece.startsWith(")")) {
                joined.append(' ');
            }
            joined.append(piece);
        }
        return joined.toString();
    }
}
