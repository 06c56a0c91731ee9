package dev.authschema.dsl.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.authschema.dsl.CompileResult;
import dev.authschema.dsl.SchemaCompiler;
import dev.authschema.dsl.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The schema language against Prisma 6's own validator: the same schemas (mutations of the sample schemas
 * and the hand-written seeds of {@code differential/seeds}) go through both, and the verdicts and the lines
 * of the first errors must agree. A disagreement fails the build unless {@code differential/allow-list.txt}
 * lists it with its reason; an entry that no longer matches anything fails it too, so the list stays true.
 * The full comparison is written to {@code target/prisma-differential.txt}.
 */
class DifferentialPrismaTest {

    private static final Path RESOURCES = Path.of("src/test/resources/differential");
    private static final Path REPORT = Path.of("target/prisma-differential.txt");

    enum Kind {
        FALSE_ACCEPT,
        FALSE_REJECT,
        CONTRACT_REJECT,
        FIRST_ERROR_LINE,
        WARNING
    }

    record Disagreement(String id, Kind kind, String prisma, String ours) {
        String describe() {
            return id + " [" + kind + "]\n    prisma: " + prisma + "\n    ours:   " + ours;
        }
    }

    private record AllowEntry(String key, String reason, Pattern pattern, boolean byOurMessage) {
        boolean matches(Disagreement d) {
            return pattern.matcher(byOurMessage ? d.kind() + " " + d.ours() : d.id())
                    .matches();
        }
    }

    @Test
    void verdicts_and_first_error_lines_agree_with_prisma() throws Exception {
        String unavailable = PrismaValidator.unavailableReason();
        if (unavailable != null) {
            fail("The differential test against Prisma's validator cannot run: " + unavailable);
        }
        List<DifferentialCases.Case> cases = DifferentialCases.all();
        Map<String, String> prismaInputs = new LinkedHashMap<>();
        cases.forEach(c -> prismaInputs.put(c.id(), c.prismaText()));
        List<PrismaValidator.Verdict> verdicts = PrismaValidator.validate(prismaInputs);
        assertThat(verdicts).hasSameSizeAs(cases);

        List<Disagreement> disagreements = new ArrayList<>();
        int prismaAccepts = 0;
        for (int i = 0; i < cases.size(); i++) {
            DifferentialCases.Case c = cases.get(i);
            PrismaValidator.Verdict prisma = verdicts.get(i);
            assertThat(prisma.id()).isEqualTo(c.id());
            prismaAccepts += prisma.valid() ? 1 : 0;
            compare(c, prisma).ifPresent(disagreements::add);
        }

        List<AllowEntry> allowList = readAllowList();
        Set<AllowEntry> used = new LinkedHashSet<>();
        List<Disagreement> unexplained = new ArrayList<>();
        Map<Disagreement, String> explained = new LinkedHashMap<>();
        for (Disagreement d : disagreements) {
            Optional<AllowEntry> entry =
                    allowList.stream().filter(e -> e.matches(d)).findFirst();
            entry.ifPresentOrElse(
                    e -> {
                        used.add(e);
                        explained.put(d, e.reason());
                    },
                    () -> unexplained.add(d));
        }
        List<AllowEntry> stale =
                allowList.stream().filter(e -> !used.contains(e)).toList();

        Map<Kind, Long> byKind = new java.util.EnumMap<>(Kind.class);
        disagreements.forEach(d -> byKind.merge(d.kind(), 1L, Long::sum));
        String totals = String.format(
                        "schemas compared: %d (Prisma accepts %d, rejects %d); agreement: %d (%.1f %%); "
                                + "disagreements: %d (allow-listed %d, unexplained %d); stale allow-list entries: %d",
                        cases.size(),
                        prismaAccepts,
                        cases.size() - prismaAccepts,
                        cases.size() - disagreements.size(),
                        100.0 * (cases.size() - disagreements.size()) / cases.size(),
                        disagreements.size(),
                        explained.size(),
                        unexplained.size(),
                        stale.size())
                + "; by kind: " + byKind;
        writeReport(totals, unexplained, explained, stale);
        System.out.println("Prisma differential: " + totals + " (details in " + REPORT + ")");

        StringBuilder problems = new StringBuilder();
        unexplained.stream()
                .limit(60)
                .forEach(d -> problems.append(d.describe()).append('\n'));
        stale.forEach(e -> problems.append("stale allow-list entry (matches no disagreement): ")
                .append(e.key())
                .append('\n'));
        if (!problems.isEmpty()) {
            fail(totals + "\nDisagreements with Prisma 6 that differential/allow-list.txt does not explain "
                    + "(fix the compiler, or list them with the reason):\n" + problems);
        }
    }

    /**
     * Prisma's rules against ours. The rules this project adds (the adapter contract, the modelMapping block) are
     * left out of the comparison: a schema that only they reject counts as accepted, and is a CONTRACT_REJECT when
     * Prisma accepts it (deliberate, so allow-listed as a whole).
     */
    private static Optional<Disagreement> compare(DifferentialCases.Case c, PrismaValidator.Verdict prisma) {
        CompileResult ours = SchemaCompiler.compile("schema.prisma", c.ourText());
        List<Diagnostic> errors =
                ours.diagnostics().stream().filter(Diagnostic::isError).toList();
        Optional<Diagnostic> ourFirst =
                errors.stream().filter(d -> !isOwnRule(d)).findFirst();
        String prismaFirst = prisma.errors().isEmpty()
                ? "accepts"
                : prisma.errors().get(0).line() + ": "
                        + oneLine(prisma.errors().get(0).message());
        String ourDescription = errors.isEmpty() ? "accepts" : describe(ourFirst.orElse(errors.get(0)));
        if (prisma.valid() && errors.isEmpty()) {
            return compareWarnings(c, prisma, ours);
        }
        if (prisma.valid()) {
            Kind kind = ourFirst.isPresent() ? Kind.FALSE_REJECT : Kind.CONTRACT_REJECT;
            return Optional.of(new Disagreement(c.id(), kind, prismaFirst, ourDescription));
        }
        if (ourFirst.isEmpty()) {
            return Optional.of(new Disagreement(c.id(), Kind.FALSE_ACCEPT, prismaFirst, ourDescription));
        }
        int prismaLine = prisma.errors().get(0).line();
        if (prismaLine != 0 && prismaLine != ourFirst.get().span().line()) {
            return Optional.of(new Disagreement(c.id(), Kind.FIRST_ERROR_LINE, prismaFirst, ourDescription));
        }
        return Optional.empty();
    }

    /** Prisma's warnings are warnings here too: the first of each must be on the same line (or both absent). */
    private static Optional<Disagreement> compareWarnings(
            DifferentialCases.Case c, PrismaValidator.Verdict prisma, CompileResult ours) {
        Optional<Diagnostic> ourFirst = ours.diagnostics().stream()
                .filter(d -> !d.isError() && !isOwnRule(d))
                .findFirst();
        Optional<PrismaValidator.Finding> prismaFirst =
                prisma.warnings().stream().findFirst();
        if (ourFirst.map(d -> d.span().line()).equals(prismaFirst.map(PrismaValidator.Finding::line))) {
            return Optional.empty();
        }
        return Optional.of(new Disagreement(
                c.id(),
                Kind.WARNING,
                prismaFirst
                        .map(f -> "warns " + f.line() + ": " + oneLine(f.message()))
                        .orElse("no warning"),
                ourFirst.map(d -> "warns " + describe(d)).orElse("no warning")));
    }

    private static boolean isOwnRule(Diagnostic diagnostic) {
        return diagnostic.message().contains("required by the adapter contract")
                || diagnostic.message().contains("modelMapping")
                || diagnostic.message().contains("the adapter still does");
    }

    private static String describe(Diagnostic diagnostic) {
        return diagnostic.span().line() + ": " + oneLine(diagnostic.message());
    }

    private static String oneLine(String message) {
        String first = message.lines().findFirst().orElse("");
        return first.length() > 200 ? first.substring(0, 200) + "..." : first;
    }

    /**
     * {@code <case id> | <reason>}, or {@code ours: <KIND> <line>: <our first error> | <reason>}; {@code *} stands
     * for any characters.
     */
    private static List<AllowEntry> readAllowList() throws IOException {
        List<AllowEntry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(RESOURCES.resolve("allow-list.txt"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int bar = line.indexOf(" | ");
            assertThat(bar).as("allow-list line without ` | reason`: %s", line).isPositive();
            String key = line.substring(0, bar).strip();
            String reason = line.substring(bar + 3).strip();
            assertThat(reason).as("allow-list entry without a reason: %s", line).isNotBlank();
            if (key.startsWith("ours:")) {
                entries.add(new AllowEntry(
                        key, reason, glob(key.substring("ours:".length()).strip()), true));
            } else {
                entries.add(new AllowEntry(key, reason, glob(key), false));
            }
        }
        return entries;
    }

    private static Pattern glob(String text) {
        return Pattern.compile(("\\Q" + text + "\\E").replace("*", "\\E.*\\Q"));
    }

    private static void writeReport(
            String totals, List<Disagreement> unexplained, Map<Disagreement, String> explained, List<AllowEntry> stale)
            throws IOException {
        StringBuilder out =
                new StringBuilder("Prisma 6 differential test\n").append(totals).append("\n\n");
        out.append("Unexplained disagreements (").append(unexplained.size()).append(")\n");
        unexplained.forEach(d -> out.append(d.describe()).append('\n'));
        out.append("\nAllow-listed disagreements (").append(explained.size()).append(")\n");
        explained.forEach((d, reason) ->
                out.append(d.describe()).append("\n    reason: ").append(reason).append('\n'));
        out.append("\nStale allow-list entries (").append(stale.size()).append(")\n");
        stale.forEach(e -> out.append(e.key()).append('\n'));
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, out.toString(), StandardCharsets.UTF_8);
    }
}
