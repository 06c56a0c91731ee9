package dev.authschema.codegen.java;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Touches up JavaPoet's output to read like hand-written code: annotations that fit on one line are
 * written on one line ({@code @Column(name = "email", nullable = false)}), and long JPQL strings are
 * broken before {@code WHERE} and {@code AND}.
 */
final class SourceLayout {

    static final int WIDTH = 120;

    private static final Pattern ANNOTATION_START = Pattern.compile("^(\\s*)@[\\w.]+\\($");
    private static final Pattern QUERY = Pattern.compile("^(\\s*)(.*createQuery\\()\"([^\"]*)\"(.*)$");

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
            out.addAll(breakQuery(line));
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

    /** A too-long {@code createQuery("...")} line, with its JPQL broken into concatenated parts. */
    private static List<String> breakQuery(String line) {
        Matcher query = QUERY.matcher(line);
        if (line.length() <= WIDTH || !query.matches()) {
            return List.of(line);
        }
        String[] parts = query.group(3).split("(?= WHERE )|(?= AND )");
        if (parts.length == 1) {
            return List.of(line);
        }
        String continuation = query.group(1) + "        + ";
        List<String> out = new ArrayList<>();
        out.add(query.group(1) + query.group(2) + "\"" + parts[0] + "\"");
        for (int i = 1; i < parts.length; i++) {
            out.add(continuation + "\"" + parts[i] + "\"" + (i == parts.length - 1 ? query.group(4) : ""));
        }
        return out;
    }
}
