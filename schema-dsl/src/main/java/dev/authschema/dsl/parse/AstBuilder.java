package dev.authschema.dsl.parse;

import dev.authschema.dsl.ast.Argument;
import dev.authschema.dsl.ast.Attribute;
import dev.authschema.dsl.ast.Block;
import dev.authschema.dsl.ast.BlockKind;
import dev.authschema.dsl.ast.Expression;
import dev.authschema.dsl.ast.FieldType;
import dev.authschema.dsl.ast.Identifier;
import dev.authschema.dsl.ast.Member;
import dev.authschema.dsl.ast.SchemaFile;
import dev.authschema.dsl.ast.Span;
import dev.authschema.dsl.ast.TopLevel;
import dev.authschema.dsl.ast.TypeModifier;
import dev.authschema.dsl.diag.Diagnostics;
import dev.authschema.dsl.parse.PrismaSchemaParser.ArgumentContext;
import dev.authschema.dsl.parse.PrismaSchemaParser.ArgumentListContext;
import dev.authschema.dsl.parse.PrismaSchemaParser.AttributeNameContext;
import dev.authschema.dsl.parse.PrismaSchemaParser.BlockAttributeMemberContext;
import dev.authschema.dsl.parse.PrismaSchemaParser.BlockContext;
import dev.authschema.dsl.parse.PrismaSchemaParser.BlockLineContext;
import dev.authschema.dsl.parse.PrismaSchemaParser.ExpressionContext;
import dev.authschema.dsl.parse.PrismaSchemaParser.FieldAttributeContext;
import dev.authschema.dsl.parse.PrismaSchemaParser.FieldMemberContext;
import dev.authschema.dsl.parse.PrismaSchemaParser.FieldTypeContext;
import dev.authschema.dsl.parse.PrismaSchemaParser.IdentifierContext;
import dev.authschema.dsl.parse.PrismaSchemaParser.MemberContext;
import dev.authschema.dsl.parse.PrismaSchemaParser.NestedBlockHeaderContext;
import dev.authschema.dsl.parse.PrismaSchemaParser.PropertyMemberContext;
import dev.authschema.dsl.parse.PrismaSchemaParser.StrayLineContext;
import dev.authschema.dsl.parse.PrismaSchemaParser.TypeModifierContext;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns ANTLR's parse tree into the immutable {@link SchemaFile}, re-attaching comments (which the
 * lexer put on a channel of their own) and leaving out lines that had a syntax error.
 */
final class AstBuilder {

    private final Diagnostics diagnostics;
    private final Offsets offsets;
    private final Map<Integer, Token> commentsByLine;
    private final BitSet errorLines;

    AstBuilder(Diagnostics diagnostics, Offsets offsets, Map<Integer, Token> commentsByLine, BitSet errorLines) {
        this.diagnostics = diagnostics;
        this.offsets = offsets;
        this.commentsByLine = commentsByLine;
        this.errorLines = errorLines;
    }

    private final List<TopLevel> entries = new ArrayList<>();
    private final List<Token> pendingDocs = new ArrayList<>();
    /** The last line holding a block or stray text: its own NL token is not a blank line. */
    private int previousContentLine;

    /**
     * Takes the next child of the schema rule, in file order, as soon as the parser has finished it,
     * so that the parse tree of a block can be dropped right after its AST is built.
     */
    void topLevel(ParseTree child) {
        if (child instanceof TerminalNode terminal && terminal.getSymbol().getType() == PrismaSchemaParser.NL) {
            int line = terminal.getSymbol().getLine();
            Token comment = commentsByLine.get(line);
            if (comment != null) {
                if (isDoc(comment) && line != previousContentLine) {
                    pendingDocs.add(comment);
                } else {
                    flushTopLevelDocs(pendingDocs, entries);
                    entries.add(new TopLevel.Comment(commentText(comment), span(comment)));
                }
            } else if (line != previousContentLine) {
                flushTopLevelDocs(pendingDocs, entries);
                entries.add(new TopLevel.BlankLine(span(terminal.getSymbol())));
            }
        } else if (child instanceof BlockContext blockContext) {
            entries.addAll(blocks(blockContext, docs(pendingDocs)));
            pendingDocs.clear();
            previousContentLine = blockContext.getStop().getLine();
        } else if (child instanceof StrayLineContext stray) {
            flushTopLevelDocs(pendingDocs, entries);
            if (!errorLines.get(stray.getStart().getLine())) {
                diagnostics.error(
                        span(stray), "This line is invalid. It does not start with any known Prisma schema keyword.");
            }
            previousContentLine = stray.getStop().getLine();
        }
    }

    SchemaFile finish() {
        flushTopLevelDocs(pendingDocs, entries);
        return new SchemaFile(diagnostics.source().fileName(), entries);
    }

    /** The block, or several when a block lacks its closing brace and the next one starts inside it. */
    private List<Block> blocks(BlockContext context, List<String> docs) {
        if (context.LBRACE() == null || context.keyword == null) {
            return List.of(); // the header is broken; its error was reported and its lines skipped
        }
        List<Block> blocks = new ArrayList<>();
        BlockBuilder current =
                new BlockBuilder(context.keyword, context.name, context.LBRACE().getSymbol(), docs);
        List<Token> pendingDocs = new ArrayList<>();
        for (BlockLineContext line : context.blockLine()) {
            int lineNumber = line.getStart().getLine();
            if (line.nestedBlockHeader() != null) {
                NestedBlockHeaderContext header = line.nestedBlockHeader();
                diagnostics.error(
                        span(header.keyword),
                        "The block " + current.describe() + " above is not closed: add `}` before this line.");
                blocks.add(current.build(line.getStart(), true));
                current = new BlockBuilder(
                        header.keyword, header.name, header.LBRACE().getSymbol(), docs(pendingDocs));
                pendingDocs.clear();
            } else if (line.member() != null) {
                Member member = member(line.member(), docs(pendingDocs));
                pendingDocs.clear();
                if (member != null) {
                    current.members.add(member);
                } else {
                    current.invalid = true;
                }
            } else if (line.strayMember() != null) {
                flushDocs(pendingDocs, current.members);
                current.invalid = true;
                if (!errorLines.get(lineNumber)) {
                    diagnostics.error(
                            span(line.strayMember()), "This line is not a valid field or attribute definition.");
                }
            } else if (line.NL() != null) {
                Token comment = commentsByLine.get(lineNumber);
                if (lineNumber == current.headerLine) {
                    current.headerComment = comment == null ? null : commentText(comment);
                } else if (comment != null && isDoc(comment)) {
                    pendingDocs.add(comment);
                } else if (comment != null) {
                    flushDocs(pendingDocs, current.members);
                    current.members.add(new Member.Comment(commentText(comment), span(comment)));
                } else if (errorLines.get(lineNumber)) {
                    current.invalid = true;
                } else {
                    flushDocs(pendingDocs, current.members);
                    current.members.add(new Member.BlankLine(span(line.getStart())));
                }
            }
        }
        flushDocs(pendingDocs, current.members);
        boolean closed = context.RBRACE() != null;
        blocks.add(current.build(closed ? context.RBRACE().getSymbol() : context.getStop(), !closed));
        return blocks;
    }

    /** A block being assembled line by line. */
    private final class BlockBuilder {
        final IdentifierContext keyword;
        final IdentifierContext name;
        final int headerLine;
        final List<String> docs;
        final List<Member> members = new ArrayList<>();
        String headerComment;
        boolean invalid;

        BlockBuilder(IdentifierContext keyword, IdentifierContext name, Token brace, List<String> docs) {
            this.keyword = keyword;
            this.name = name;
            this.headerLine = brace.getLine();
            this.docs = docs;
        }

        String describe() {
            return "`" + (name == null ? keyword.getText() : name.getText()) + "`";
        }

        Block build(Token last, boolean unclosed) {
            Identifier keywordId = identifier(keyword);
            Span span = offsets.span(diagnostics.source(), keyword.getStart(), last);
            return new Block(
                    BlockKind.ofKeyword(keywordId.name()),
                    keywordId,
                    name == null ? null : identifier(name),
                    members,
                    docs,
                    headerComment,
                    invalid || unclosed,
                    span);
        }
    }

    private Member member(MemberContext context, List<String> docs) {
        int line = context.getStart().getLine();
        if (errorLines.get(line)) {
            return null; // a syntax error on this line was reported; build nothing half-formed
        }
        String trailing = trailingComment(context);
        Span span = span(context);
        if (context instanceof FieldMemberContext field) {
            List<Attribute> attributes = new ArrayList<>();
            for (FieldAttributeContext attribute : field.fieldAttribute()) {
                attributes.add(attribute(
                        attribute.attributeName(),
                        attribute.arguments() == null
                                ? null
                                : attribute.arguments().argumentList(),
                        false,
                        attribute));
            }
            FieldType type = field.fieldType() == null ? null : fieldType(field.fieldType());
            return new Member.Field(identifier(field.identifier()), type, attributes, docs, trailing, span);
        }
        if (context instanceof PropertyMemberContext property) {
            return new Member.Property(
                    identifier(property.identifier()), expression(property.expression()), docs, trailing, span);
        }
        BlockAttributeMemberContext blockAttribute = (BlockAttributeMemberContext) context;
        var attribute = blockAttribute.blockAttribute();
        return new Member.BlockAttribute(
                attribute(
                        attribute.attributeName(),
                        attribute.arguments() == null
                                ? null
                                : attribute.arguments().argumentList(),
                        true,
                        attribute),
                docs,
                trailing,
                span);
    }

    private FieldType fieldType(FieldTypeContext context) {
        TypeModifierContext modifierContext = context.typeModifier();
        TypeModifier modifier = TypeModifier.REQUIRED;
        if (modifierContext != null) {
            boolean list = modifierContext.LBRACK() != null;
            boolean optional = modifierContext.QUESTION() != null;
            modifier = list ? (optional ? TypeModifier.OPTIONAL_LIST : TypeModifier.LIST) : TypeModifier.OPTIONAL;
        }
        return new FieldType(
                identifier(context.identifier()),
                modifier,
                arguments(context.argumentList()),
                context.LPAREN() != null,
                span(context));
    }

    private Attribute attribute(
            AttributeNameContext nameContext,
            ArgumentListContext arguments,
            boolean blockLevel,
            ParserRuleContext whole) {
        StringBuilder name = new StringBuilder();
        for (IdentifierContext part : nameContext.identifier()) {
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(part.getText());
        }
        Span trailingComma = null;
        if (arguments != null
                && arguments.COMMA().size() >= arguments.argument().size()) {
            trailingComma = span(arguments.COMMA(arguments.COMMA().size() - 1).getSymbol());
        }
        return new Attribute(
                name.toString(), span(nameContext), arguments(arguments), blockLevel, span(whole), trailingComma);
    }

    private List<Argument> arguments(ArgumentListContext context) {
        if (context == null) {
            return List.of();
        }
        List<Argument> arguments = new ArrayList<>();
        for (ArgumentContext argument : context.argument()) {
            Identifier name = argument.identifier() == null ? null : identifier(argument.identifier());
            arguments.add(new Argument(name, expression(argument.expression()), span(argument)));
        }
        return arguments;
    }

    private Expression expression(ExpressionContext context) {
        Span span = span(context);
        if (context.functionCall() != null) {
            var call = context.functionCall();
            return new Expression.FunctionCall(identifier(call.identifier()), arguments(call.argumentList()), span);
        }
        if (context.array() != null) {
            var array = context.array();
            boolean trailingComma = !array.COMMA().isEmpty()
                    && array.COMMA().size() >= array.expression().size();
            return new Expression.ArrayLiteral(
                    array.expression().stream().map(this::expression).toList(),
                    span,
                    trailingComma ? span(array.COMMA(array.COMMA().size() - 1).getSymbol()) : null,
                    array.NL().isEmpty() ? null : span(array.NL(0).getSymbol()));
        }
        if (context.STRING() != null) {
            return new Expression.StringLiteral(
                    StringLiterals.decode(context.STRING().getSymbol(), span, diagnostics), span);
        }
        if (context.NUMBER() != null) {
            return new Expression.NumberLiteral(context.NUMBER().getText(), span);
        }
        return new Expression.Constant(context.identifier().getText(), span);
    }

    private Identifier identifier(IdentifierContext context) {
        return new Identifier(context.getText(), span(context));
    }

    private String trailingComment(ParserRuleContext context) {
        Token comment = commentsByLine.get(context.getStop().getLine());
        return comment != null && comment.getStartIndex() > context.getStop().getStopIndex()
                ? commentText(comment)
                : null;
    }

    /** Doc comments not followed by a member or block are plain comments. */
    private void flushDocs(List<Token> pendingDocs, List<Member> members) {
        for (Token doc : pendingDocs) {
            members.add(new Member.Comment(commentText(doc), span(doc)));
        }
        pendingDocs.clear();
    }

    private void flushTopLevelDocs(List<Token> pendingDocs, List<TopLevel> entries) {
        for (Token doc : pendingDocs) {
            entries.add(new TopLevel.Comment(commentText(doc), span(doc)));
        }
        pendingDocs.clear();
    }

    private static List<String> docs(List<Token> docComments) {
        return docComments.stream().map(AstBuilder::docText).toList();
    }

    private static boolean isDoc(Token comment) {
        return comment.getType() == PrismaSchemaLexer.DOC_COMMENT;
    }

    /** A doc comment's text: without {@code ///} and one following space. */
    private static String docText(Token comment) {
        String text = comment.getText().substring(3);
        return (text.startsWith(" ") ? text.substring(1) : text).stripTrailing();
    }

    private static String commentText(Token comment) {
        return comment.getText().stripTrailing();
    }

    private Span span(ParserRuleContext context) {
        Token stop = context.getStop() == null
                        || context.getStop().getTokenIndex()
                                < context.getStart().getTokenIndex()
                ? context.getStart()
                : context.getStop();
        return offsets.span(diagnostics.source(), context.getStart(), stop);
    }

    private Span span(Token token) {
        return offsets.span(diagnostics.source(), token, token);
    }
}
