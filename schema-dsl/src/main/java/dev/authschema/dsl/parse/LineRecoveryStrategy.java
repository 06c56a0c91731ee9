package dev.authschema.dsl.parse;

import java.util.BitSet;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Prisma's lines are independent, so a syntax error costs exactly the line it is on: the parser
 * reports one message per bad line, skips to the end of that line (never past a block's closing
 * brace) and goes on. That gives every error of the file in one pass, and the AST builder drops the
 * lines recorded in {@link #errorLines()} instead of building half a field.
 */
final class LineRecoveryStrategy extends DefaultErrorStrategy {

    private final SyntaxErrorSink sink;
    private final BitSet errorLines = new BitSet();

    /** Receives each syntax error: the token it is at, the token to underline from, and the message. */
    interface SyntaxErrorSink {
        void syntaxError(Token from, Token to, String message);
    }

    LineRecoveryStrategy(SyntaxErrorSink sink) {
        this.sink = sink;
    }

    /** The 1-based lines on which a syntax error was reported. */
    BitSet errorLines() {
        return errorLines;
    }

    /** No loop-entry resynchronisation: a bad line is handled by the rule that reads it. */
    @Override
    public void sync(Parser recognizer) {}

    /** No single-token insertion or deletion: it invents tokens and positions; the line is dropped instead. */
    @Override
    public Token recoverInline(Parser recognizer) {
        throw new InputMismatchException(recognizer);
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
        TokenStream input = recognizer.getInputStream();
        if (recognizer.getContext() instanceof PrismaSchemaParser.BlockContext) {
            skipBrokenBlock(recognizer, input);
            return;
        }
        for (int type = input.LA(1);
                type != PrismaSchemaParser.NL && type != PrismaSchemaParser.RBRACE && type != Token.EOF;
                type = input.LA(1)) {
            recognizer.consume();
        }
    }

    /**
     * A block whose header is broken (such as {@code model Tag} without its opening brace) is skipped whole, up to its
     * closing brace or the next line that starts a block, so its lines do not each report an error.
     */
    private static void skipBrokenBlock(Parser recognizer, TokenStream input) {
        boolean lineStart = false;
        for (int type = input.LA(1); type != Token.EOF; type = input.LA(1)) {
            if (type == PrismaSchemaParser.RBRACE) {
                recognizer.consume();
                return;
            }
            if (lineStart
                    && type == PrismaSchemaParser.IDENT
                    && (input.LA(2) == PrismaSchemaParser.LBRACE
                            || input.LA(2) == PrismaSchemaParser.IDENT && input.LA(3) == PrismaSchemaParser.LBRACE)) {
                return;
            }
            lineStart = type == PrismaSchemaParser.NL;
            recognizer.consume();
        }
    }

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        Token offending = e instanceof NoViableAltException noViable
                ? noViable.getOffendingToken()
                : recognizer.getCurrentToken();
        if (offending == null) {
            offending = recognizer.getCurrentToken();
        }
        report(recognizer, offending);
    }

    private void report(Parser recognizer, Token offending) {
        ParserRuleContext context = recognizer.getContext();
        ParserRuleContext block = enclosing(context, PrismaSchemaParser.BlockContext.class);
        if (offending.getType() == Token.EOF && block != null) {
            Token keyword = block.getStart();
            errorLines.set(keyword.getLine());
            sink.syntaxError(keyword, keyword, "This block is not closed: `}` is missing after its last line.");
            return;
        }
        errorLines.set(offending.getLine());
        sink.syntaxError(offending, offending, message(recognizer, context, offending));
    }

    private static String message(Parser recognizer, ParserRuleContext context, Token offending) {
        if (offending.getType() == PrismaSchemaParser.UNTERMINATED_STRING) {
            return "This string is not terminated: add a closing `\"` before the end of the line.";
        }
        String found = describe(offending);
        if (context instanceof PrismaSchemaParser.BlockContext header) {
            if (offending.getType() == PrismaSchemaParser.NL) {
                return "A block needs `{` on the line of its name: `"
                        + header.getStart().getText() + " Name {`.";
            }
            return "Unexpected " + found + " after the block name: expected `{`.";
        }
        if (offending.getType() == PrismaSchemaParser.RBRACE) {
            return "A block's closing `}` must be on a line of its own.";
        }
        if (enclosing(context, PrismaSchemaParser.ArgumentsContext.class) != null
                || enclosing(context, PrismaSchemaParser.FunctionCallContext.class) != null
                || enclosing(context, PrismaSchemaParser.ArrayContext.class) != null) {
            return "Unexpected " + found + " in an argument list: expected " + expected(recognizer) + ".";
        }
        if (enclosing(context, PrismaSchemaParser.AttributeNameContext.class) != null) {
            return "Expected an attribute name after `@`, found " + found + ".";
        }
        if (context instanceof PrismaSchemaParser.PropertyMemberContext) {
            return "Unexpected " + found
                    + ": expected a value after `=` (a string, a number, a list or `env(\"VAR\")`).";
        }
        return "This line is not a valid field or attribute definition: unexpected " + found + ".";
    }

    private static String expected(Parser recognizer) {
        IntervalSet expected = recognizer.getExpectedTokens();
        if (expected.contains(PrismaSchemaParser.RPAREN) && expected.contains(PrismaSchemaParser.COMMA)) {
            return "`,` or `)`";
        }
        if (expected.contains(PrismaSchemaParser.RBRACK) && expected.contains(PrismaSchemaParser.COMMA)) {
            return "`,` or `]`";
        }
        if (expected.contains(PrismaSchemaParser.RPAREN)) {
            return "`)`";
        }
        if (expected.contains(PrismaSchemaParser.RBRACK)) {
            return "`]`";
        }
        return "a value (a string, a number, a name, a list or a function call)";
    }

    static String describe(Token token) {
        return switch (token.getType()) {
            case Token.EOF -> "end of file";
            case PrismaSchemaParser.NL -> "end of line";
            default -> "`" + token.getText() + "`";
        };
    }

    private static <T extends ParserRuleContext> T enclosing(ParserRuleContext context, Class<T> type) {
        for (ParserRuleContext c = context; c != null; c = c.getParent()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
