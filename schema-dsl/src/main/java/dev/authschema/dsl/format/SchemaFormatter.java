package dev.authschema.dsl.format;

import dev.authschema.dsl.CompileResult;
import dev.authschema.dsl.SchemaCompiler;
import dev.authschema.dsl.ast.Argument;
import dev.authschema.dsl.ast.Attribute;
import dev.authschema.dsl.ast.Block;
import dev.authschema.dsl.ast.Expression;
import dev.authschema.dsl.ast.FieldType;
import dev.authschema.dsl.ast.Member;
import dev.authschema.dsl.ast.SchemaFile;
import dev.authschema.dsl.ast.TopLevel;
import dev.authschema.dsl.diag.Diagnostic;
import dev.authschema.dsl.diag.Severity;
import dev.authschema.dsl.diag.SourceText;
import dev.authschema.dsl.parse.PrismaSchemaLexer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Formats a schema the way {@code prisma format} does.
 *
 * <p>Layout: two-space indent; one blank line after every block, runs of blank lines collapsed to
 * one, none at the start or end of a block or file; one newline at the end. Inside a block, lines
 * between blank lines form an alignment group (comment lines do not break a group): fields align
 * name, type and attributes in columns, {@code key = value} lines align their {@code =}. A trailing
 * comment follows its line after one space, unaligned, so editing one line never moves the comments
 * of the others. Block attributes written among the fields move below them, with their docs and the
 * comment lines directly above them, keeping their order; one blank line separates them from the
 * fields. Values are printed canonically ({@code [a, b]}, strings re-escaped as JSON), arguments stay
 * named or positional as written. Line breaks come out as {@code \n}.
 */
public final class SchemaFormatter {

    private static final String INDENT = "  ";

    private SchemaFormatter() {}

    /**
     * Formats schema text. A file with syntax errors is refused (no text, its diagnostics): a file the
     * parser could not fully read would lose lines. So is a file whose formatting would drop a comment.
     */
    public static FormatResult format(String fileName, String text) {
        CompileResult parsed = SchemaCompiler.parse(fileName, text);
        SourceText source = parsed.source();
        if (parsed.hasErrors() || parsed.syntax().blocks().stream().anyMatch(Block::hasInvalidLines)) {
            return new FormatResult(source, null, parsed.diagnostics());
        }
        String formatted = format(parsed.syntax());
        List<Diagnostic> lost = lostComments(source, formatted);
        if (!lost.isEmpty()) {
            List<Diagnostic> all = new ArrayList<>(parsed.diagnostics());
            all.addAll(lost);
            return new FormatResult(source, null, all);
        }
        return new FormatResult(source, formatted, parsed.diagnostics());
    }

    /** Renders a syntax tree; the tree should come from a file without syntax errors. */
    public static String format(SchemaFile file) {
        List<String> lines = new ArrayList<>();
        TopLevel previous = null;
        boolean blankSeen = false;
        for (TopLevel entry : file.entries()) {
            if (entry instanceof TopLevel.BlankLine) {
                blankSeen = previous != null;
                continue;
            }
            // A comment directly above a block stays attached to it; a block is always followed by a blank line.
            if (previous != null && (blankSeen || previous instanceof Block)) {
                lines.add("");
            }
            blankSeen = false;
            if (entry instanceof Block block) {
                renderBlock(block, lines);
            } else if (entry instanceof TopLevel.Comment comment) {
                lines.add(comment.text());
            }
            previous = entry;
        }
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    private static void renderBlock(Block block, List<String> lines) {
        for (String doc : block.docs()) {
            lines.add(docLine("", doc));
        }
        StringBuilder header = new StringBuilder(block.keyword().name());
        if (block.name() != null) {
            header.append(' ').append(block.name().name());
        }
        header.append(" {");
        if (block.headerComment() != null) {
            header.append(' ').append(block.headerComment());
        }
        lines.add(header.toString());
        for (List<Member> group : groups(arrange(block.members()))) {
            if (group.isEmpty()) {
                lines.add("");
            } else {
                renderGroup(group, lines);
            }
        }
        lines.add("}");
    }

    /**
     * The members in output order: block attributes that stand before the last field or property move
     * down, each with the comment lines directly above it, to just before the block attributes that
     * already stand at the end (or to the very end). Blank lines stay where they were, collapsed and
     * trimmed at both ends, and one separates the block attributes from what precedes them.
     */
    static List<Member> arrange(List<Member> members) {
        int lastBody = -1;
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i) instanceof Member.Field || members.get(i) instanceof Member.Property) {
                lastBody = i;
            }
        }
        List<Member> body = new ArrayList<>();
        List<Member> moved = new ArrayList<>();
        List<Member> comments = new ArrayList<>(); // the comment lines since the last other member
        for (int i = 0; i <= lastBody; i++) {
            Member member = members.get(i);
            if (member instanceof Member.Comment) {
                comments.add(member);
                continue;
            }
            (member instanceof Member.BlockAttribute ? moved : body).addAll(comments);
            comments.clear();
            (member instanceof Member.BlockAttribute ? moved : body).add(member);
        }
        List<Member> tail = members.subList(lastBody + 1, members.size());
        int insertAt = attributeUnitStart(tail);
        List<Member> ordered = new ArrayList<>(body);
        ordered.addAll(tail.subList(0, insertAt));
        ordered.addAll(moved);
        ordered.addAll(tail.subList(insertAt, tail.size()));

        // Counted from the insertion point, so moved attributes never adopt a comment that ends the fields.
        int attributesStart = body.size() + insertAt;
        List<Member> result = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Member member = ordered.get(i);
            boolean blank = member instanceof Member.BlankLine;
            boolean afterBlank = !result.isEmpty() && result.get(result.size() - 1) instanceof Member.BlankLine;
            if (i == attributesStart && !result.isEmpty() && !afterBlank) {
                result.add(new Member.BlankLine(member.span()));
            }
            if (!blank || (!result.isEmpty() && !afterBlank)) {
                result.add(member);
            }
        }
        if (!result.isEmpty() && result.get(result.size() - 1) instanceof Member.BlankLine) {
            result.remove(result.size() - 1);
        }
        return result;
    }

    /** Where the first block attribute starts, counting the comment lines directly above it; size() if none. */
    private static int attributeUnitStart(List<Member> members) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i) instanceof Member.BlockAttribute) {
                int start = i;
                while (start > 0 && members.get(start - 1) instanceof Member.Comment) {
                    start--;
                }
                return start;
            }
        }
        return members.size();
    }

    /** The members split at blank lines; each blank line becomes an empty group of its own. */
    private static List<List<Member>> groups(List<Member> members) {
        List<List<Member>> groups = new ArrayList<>();
        List<Member> current = new ArrayList<>();
        for (Member member : members) {
            if (member instanceof Member.BlankLine) {
                groups.add(current);
                groups.add(List.of());
                current = new ArrayList<>();
            } else {
                current.add(member);
            }
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    private static void renderGroup(List<Member> group, List<String> lines) {
        int nameWidth = 0;
        int typeWidth = 0;
        int keyWidth = 0;
        for (Member member : group) {
            if (member instanceof Member.Field field) {
                nameWidth = Math.max(nameWidth, field.name().name().length());
                typeWidth = Math.max(typeWidth, type(field.type()).length());
            } else if (member instanceof Member.Property property) {
                keyWidth = Math.max(keyWidth, property.key().name().length());
            }
        }
        for (Member member : group) {
            if (member instanceof Member.Field field) {
                docs(field.docs(), lines);
                String attributes = field.attributes().stream()
                        .map(SchemaFormatter::attribute)
                        .collect(Collectors.joining(" "));
                String row = row(
                        new String[] {field.name().name(), type(field.type()), attributes},
                        new int[] {nameWidth, typeWidth, 0});
                lines.add(withComment(INDENT + row, field.trailingComment()));
            } else if (member instanceof Member.Property property) {
                docs(property.docs(), lines);
                String row = pad(property.key().name(), keyWidth) + " = " + expression(property.value());
                lines.add(withComment(INDENT + row, property.trailingComment()));
            } else if (member instanceof Member.BlockAttribute blockAttribute) {
                docs(blockAttribute.docs(), lines);
                lines.add(
                        withComment(INDENT + attribute(blockAttribute.attribute()), blockAttribute.trailingComment()));
            } else if (member instanceof Member.Comment comment) {
                lines.add(INDENT + comment.text());
            }
        }
    }

    /** Cells padded to their column's width, except the last non-empty one; columns empty in the whole group are left out. */
    private static String row(String[] cells, int[] widths) {
        int last = cells.length - 1;
        while (last > 0 && cells[last].isEmpty()) {
            last--;
        }
        StringBuilder row = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            if (i > 0 && widths[i] == 0 && cells[i].isEmpty()) {
                continue;
            }
            if (i > 0) {
                row.append(' ');
            }
            row.append(i < last ? pad(cells[i], widths[i]) : cells[i]);
        }
        return row.toString();
    }

    private static void docs(List<String> docs, List<String> lines) {
        for (String doc : docs) {
            lines.add(docLine(INDENT, doc));
        }
    }

    private static String docLine(String indent, String doc) {
        return indent + "///" + (doc.isEmpty() ? "" : " " + doc);
    }

    private static String withComment(String line, String trailingComment) {
        return trailingComment == null ? line : line + " " + trailingComment;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static String type(FieldType type) {
        if (type == null) {
            return ""; // an enum value
        }
        String arguments = type.hasArguments() ? "(" + arguments(type.unsupportedArguments()) + ")" : "";
        return type.name().name() + arguments + type.modifier().suffix();
    }

    static String attribute(Attribute attribute) {
        String arguments = attribute.arguments().isEmpty() ? "" : "(" + arguments(attribute.arguments()) + ")";
        return (attribute.blockLevel() ? "@@" : "@") + attribute.name() + arguments;
    }

    private static String arguments(List<Argument> arguments) {
        return arguments.stream()
                .map(a -> (a.isNamed() ? a.name().name() + ": " : "") + expression(a.value()))
                .collect(Collectors.joining(", "));
    }

    static String expression(Expression expression) {
        if (expression instanceof Expression.StringLiteral string) {
            return quote(string.value());
        }
        if (expression instanceof Expression.NumberLiteral number) {
            return number.text();
        }
        if (expression instanceof Expression.Constant constant) {
            return constant.name();
        }
        if (expression instanceof Expression.FunctionCall call) {
            return call.name().name() + "(" + arguments(call.arguments()) + ")";
        }
        if (expression instanceof Expression.ArrayLiteral array) {
            return array.items().stream().map(SchemaFormatter::expression).collect(Collectors.joining(", ", "[", "]"));
        }
        throw new IllegalArgumentException("unknown expression " + expression);
    }

    /** A string literal with JSON escapes: the parser decodes exactly these, so the value survives. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * The comments of the input that the output lacks: the syntax tree keeps a comment only on a line
     * of its own or at the end of a member, not inside a value that spans lines, and a formatter must
     * refuse rather than drop one. Doc comments are compared without the optional space after {@code ///}.
     */
    private static List<Diagnostic> lostComments(SourceText source, String formatted) {
        Map<String, Integer> kept = new HashMap<>();
        for (Token comment : comments(formatted)) {
            kept.merge(normalized(comment), 1, Integer::sum);
        }
        List<Diagnostic> lost = new ArrayList<>();
        for (Token comment : comments(source.text())) {
            Integer count = kept.get(normalized(comment));
            if (count == null || count == 0) {
                int start = source.text().offsetByCodePoints(0, comment.getStartIndex());
                lost.add(new Diagnostic(
                        Severity.ERROR,
                        "Formatting would drop this comment, which sits inside a value written over several lines; the file was not formatted.",
                        source.span(start, start + comment.getText().length()),
                        "move the comment to a line of its own"));
            } else {
                kept.put(normalized(comment), count - 1);
            }
        }
        return lost;
    }

    private static List<Token> comments(String text) {
        PrismaSchemaLexer lexer = new PrismaSchemaLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Token> comments = new ArrayList<>();
        for (Token token : lexer.getAllTokens()) {
            if (token.getType() == PrismaSchemaLexer.COMMENT
                    || token.getType() == PrismaSchemaLexer.DOC_COMMENT
                    || token.getType() == PrismaSchemaLexer.BLOCK_COMMENT) {
                comments.add(token);
            }
        }
        return comments;
    }

    private static String normalized(Token comment) {
        String text = comment.getText().stripTrailing();
        if (comment.getType() == PrismaSchemaLexer.DOC_COMMENT && text.startsWith("/// ")) {
            return "///" + text.substring(4);
        }
        return text;
    }
}
