package dev.authschema.dsl.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The schemas of the differential test: the sample schemas on every relational provider, each with every
 * line deleted in turn, some lines duplicated and some fields made optional or required; and the
 * hand-written seeds of {@code differential/seeds}, one file per rule family, with the auth models appended.
 */
final class DifferentialCases {

    /** One schema; Prisma sees it without the {@code modelMapping} block (blank lines in its place). */
    record Case(String id, String ourText, String prismaText) {}

    static final List<String> SAMPLES = List.of("authjs-v3-legacy", "authjs-current", "custom-models");
    static final List<String> PROVIDERS =
            List.of("postgresql", "mysql", "sqlite", "sqlserver", "cockroachdb", "postgres");
    private static final List<String> MUTATED_PROVIDERS = List.of("postgresql", "mysql", "sqlite", "sqlserver");
    private static final Pattern PROVIDER =
            Pattern.compile("(?m)^(datasource \\w+ \\{\\s*\\n\\s*provider\\s*=\\s*)\"\\w+\"");
    private static final Pattern MODEL_MAPPING = Pattern.compile("(?m)^modelMapping \\{[^}]*}");
    private static final Pattern FIELD_LINE = Pattern.compile("^(\\s+\\w+\\s+)(\\w+)(\\??)(\\s.*)?$");
    private static final Pattern CASE_MARKER = Pattern.compile("(?m)^// case: (\\S+)( \\[own models])?\\s*$");
    private static final Path RESOURCES = Path.of("src/test/resources");

    private DifferentialCases() {}

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        for (String sample : SAMPLES) {
            String text = read(RESOURCES.resolve("schemas/" + sample + ".prisma"));
            for (String provider : PROVIDERS) {
                String onProvider = withProvider(text, provider);
                String prefix = "sample/" + sample + "/" + provider;
                add(cases, prefix, onProvider);
                if (MUTATED_PROVIDERS.contains(provider)) {
                    mutations(cases, prefix, onProvider, provider.equals("postgresql"));
                }
            }
        }
        String authModels = read(RESOURCES.resolve("differential/auth-models.prisma"));
        try (Stream<Path> files = Files.list(RESOURCES.resolve("differential/seeds"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".prisma")).sorted().toList()) {
                seeds(cases, file, authModels);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    private static void mutations(List<Case> cases, String prefix, String text, boolean all) {
        List<String> lines = Arrays.asList(text.split("\n", -1));
        int[] mapping = mappingBlockLines(lines);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("//") || (i >= mapping[0] && i <= mapping[1])) {
                continue;
            }
            List<String> deleted = new ArrayList<>(lines);
            deleted.remove(i);
            add(cases, prefix + "/delete-line-" + (i + 1), String.join("\n", deleted));
            if (!all) {
                continue;
            }
            List<String> duplicated = new ArrayList<>(lines);
            duplicated.add(i, lines.get(i));
            add(cases, prefix + "/duplicate-line-" + (i + 1), String.join("\n", duplicated));
            Matcher field = FIELD_LINE.matcher(lines.get(i));
            if (field.matches() && !line.startsWith("provider") && !line.contains("=")) {
                List<String> toggled = new ArrayList<>(lines);
                String rest = field.group(4) == null ? "" : field.group(4);
                toggled.set(i, field.group(1) + field.group(2) + (field.group(3).isEmpty() ? "?" : "") + rest);
                add(cases, prefix + "/toggle-optional-" + (i + 1), String.join("\n", toggled));
            }
        }
    }

    /** The first and last index of the modelMapping block's lines, or {-1, -1}. */
    private static int[] mappingBlockLines(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("modelMapping")) {
                int end = i;
                while (end < lines.size() && !lines.get(end).contains("}")) {
                    end++;
                }
                return new int[] {i, end};
            }
        }
        return new int[] {-1, -1};
    }

    private static void seeds(List<Case> cases, Path file, String authModels) {
        String text = read(file);
        String family = file.getFileName().toString().replace(".prisma", "");
        Matcher marker = CASE_MARKER.matcher(text);
        List<int[]> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Boolean> own = new ArrayList<>();
        while (marker.find()) {
            starts.add(new int[] {marker.start(), marker.end()});
            names.add(marker.group(1));
            own.add(marker.group(2) != null);
        }
        if (starts.isEmpty()) {
            throw new IllegalStateException(file + " has no `// case: NAME` line");
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
            String body = text.substring(starts.get(i)[0], end);
            add(cases, "seed/" + family + "/" + names.get(i), own.get(i) ? body : body + "\n" + authModels);
        }
    }

    private static void add(List<Case> cases, String id, String ourText) {
        Matcher mapping = MODEL_MAPPING.matcher(ourText);
        String prismaText = mapping.find()
                ? ourText.substring(0, mapping.start())
                        + "\n".repeat((int)
                                mapping.group().chars().filter(c -> c == '\n').count())
                        + ourText.substring(mapping.end())
                : ourText;
        cases.add(new Case(id, ourText, prismaText));
    }

    private static String withProvider(String text, String provider) {
        return PROVIDER.matcher(text).replaceFirst("$1\"" + provider + "\"");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
