package dev.authschema.bench.adapter;

import dev.authschema.codegen.GeneratedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generated sources with each JPQL statement of the adapter moved to a {@code @NamedQuery} on the user entity
 * (parsed once, when the persistence unit is deployed) and run by {@code createNamedQuery}: the variant the
 * benchmark compares with the generated adapter's {@code createQuery(String)}. Only the benchmark uses it.
 */
final class NamedQueryVariant {

    /** {@code .createQuery("..." + "...", Type.class)} or {@code .createQuery("...")}, as the generator writes it. */
    private static final Pattern CREATE_QUERY = Pattern.compile(
            "\\.createQuery\\(((?:\"(?:[^\"\\\\]|\\\\.)*\"\\s*(?:\\+\\s*)?)+)(, [\\w\\[\\]]+\\.class)?\\)");

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private NamedQueryVariant() {}

    static List<GeneratedFile> of(List<GeneratedFile> sources, String userEntity) {
        List<String> queries = new ArrayList<>();
        List<GeneratedFile> out = new ArrayList<>();
        for (GeneratedFile file : sources) {
            if (!file.relativePath().endsWith("/JpaAuthAdapter.java")) {
                continue;
            }
            Matcher call = CREATE_QUERY.matcher(file.content());
            StringBuilder rewritten = new StringBuilder();
            while (call.find()) {
                StringBuilder jpql = new StringBuilder();
                Matcher literal = LITERAL.matcher(call.group(1));
                while (literal.find()) {
                    jpql.append(literal.group(1));
                }
                String name = "bench.q" + queries.size();
                queries.add("@jakarta.persistence.NamedQuery(name = \"" + name + "\", query = \"" + jpql + "\")\n");
                call.appendReplacement(
                        rewritten,
                        Matcher.quoteReplacement(".createNamedQuery(\"" + name + "\""
                                + (call.group(2) == null ? "" : call.group(2)) + ")"));
            }
            call.appendTail(rewritten);
            out.add(new GeneratedFile(file.relativePath(), rewritten.toString()));
        }
        if (queries.isEmpty()) {
            throw new IllegalStateException("no createQuery call found in the generated adapter");
        }
        for (GeneratedFile file : sources) {
            if (file.relativePath().endsWith("/" + userEntity + ".java")) {
                String content = file.content()
                        .replaceFirst(
                                "(?m)^public class ",
                                Matcher.quoteReplacement(String.join("", queries)) + "public class ");
                out.add(new GeneratedFile(file.relativePath(), content));
            } else if (!file.relativePath().endsWith("/JpaAuthAdapter.java")) {
                out.add(file);
            }
        }
        return out;
    }
}
