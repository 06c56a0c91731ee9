package dev.authschema.dsl.parse;

import dev.authschema.dsl.ast.SchemaFile;
import dev.authschema.dsl.diag.Diagnostics;
import dev.authschema.dsl.diag.SourceText;
import java.util.HashMap;
import java.util.Map;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.UnbufferedTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTreeListener;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Parses schema text into a {@link SchemaFile}; syntax errors go to the diagnostics, never thrown.
 *
 * <p>The file is parsed as a stream: each top-level block becomes AST as soon as the parser has read
 * it, and its tokens and parse tree are dropped. Memory then grows with the AST alone, which keeps a
 * 10,000-model schema linear in time instead of drowning the garbage collector.
 */
public final class SchemaParser {

    private static final int COMMENT_CHANNEL = 2;

    private SchemaParser() {}

    public static SchemaFile parse(Diagnostics diagnostics) {
        SourceText source = diagnostics.source();
        Offsets offsets = Offsets.of(source.text());

        PrismaSchemaLexer lexer = new PrismaSchemaLexer(CharStreams.fromString(source.text(), source.fileName()));
        lexer.removeErrorListeners();
        CommentCollector comments = new CommentCollector(lexer);
        PrismaSchemaParser parser = new PrismaSchemaParser(new UnbufferedTokenStream<>(comments));
        parser.removeErrorListeners();
        // The grammar needs at most three tokens of lookahead, so the cheaper SLL prediction is exact.
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        LineRecoveryStrategy strategy = new LineRecoveryStrategy(
                (from, to, message) -> diagnostics.error(offsets.span(source, from, to), message));
        parser.setErrorHandler(strategy);

        AstBuilder builder = new AstBuilder(diagnostics, offsets, comments.byLine, strategy.errorLines());
        parser.addParseListener(new TopLevelHandOff(builder));
        parser.schema();
        return builder.finish();
    }

    /** Passes each finished top-level child to the AST builder, then detaches it from the tree. */
    private record TopLevelHandOff(AstBuilder builder) implements ParseTreeListener {

        @Override
        public void exitEveryRule(ParserRuleContext context) {
            if (context.getParent() instanceof PrismaSchemaParser.SchemaContext schema) {
                builder.topLevel(context);
                schema.removeLastChild();
            }
        }

        @Override
        public void visitTerminal(TerminalNode node) {
            if (node.getParent() instanceof PrismaSchemaParser.SchemaContext schema
                    && node.getSymbol().getType() == PrismaSchemaParser.NL) {
                builder.topLevel(node);
                schema.removeLastChild();
            }
        }

        @Override
        public void visitErrorNode(ErrorNode node) {}

        @Override
        public void enterEveryRule(ParserRuleContext context) {}
    }

    /** The lexer as the parser sees it, noting each comment by line on the way (the parser never sees them). */
    private static final class CommentCollector implements TokenSource {

        private final TokenSource lexer;
        final Map<Integer, Token> byLine = new HashMap<>();

        CommentCollector(TokenSource lexer) {
            this.lexer = lexer;
        }

        @Override
        public Token nextToken() {
            Token token = lexer.nextToken();
            while (token.getChannel() == COMMENT_CHANNEL) {
                // By the line it ends on: a `/* ... */` over several lines belongs where its last line is.
                int lines = (int) token.getText().chars().filter(c -> c == '\n').count();
                byLine.put(token.getLine() + lines, token);
                token = lexer.nextToken();
            }
            return token;
        }

        @Override
        public int getLine() {
            return lexer.getLine();
        }

        @Override
        public int getCharPositionInLine() {
            return lexer.getCharPositionInLine();
        }

        @Override
        public CharStream getInputStream() {
            return lexer.getInputStream();
        }

        @Override
        public String getSourceName() {
            return lexer.getSourceName();
        }

        @Override
        public void setTokenFactory(TokenFactory<?> factory) {
            lexer.setTokenFactory(factory);
        }

        @Override
        public TokenFactory<?> getTokenFactory() {
            return lexer.getTokenFactory();
        }
    }
}
