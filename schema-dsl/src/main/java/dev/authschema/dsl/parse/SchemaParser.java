package dev.authschema.dsl.parse;

import dev.authschema.dsl.ast.SchemaFile;
import dev.authschema.dsl.diag.Diagnostics;
import dev.authschema.dsl.diag.SourceText;
import java.util.HashMap;
import java.util.Map;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;

/** Parses schema text into a {@link SchemaFile}; syntax errors go to the diagnostics, never thrown. */
public final class SchemaParser {

    private static final int COMMENT_CHANNEL = 2;

    private SchemaParser() {}

    public static SchemaFile parse(Diagnostics diagnostics) {
        SourceText source = diagnostics.source();
        Offsets offsets = Offsets.of(source.text());

        PrismaSchemaLexer lexer = new PrismaSchemaLexer(CharStreams.fromString(source.text(), source.fileName()));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        PrismaSchemaParser parser = new PrismaSchemaParser(tokens);
        parser.removeErrorListeners();
        // The grammar is LL(2) everywhere, so the cheaper SLL prediction is exact.
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        LineRecoveryStrategy strategy = new LineRecoveryStrategy((from, to, message) ->
                diagnostics.error(offsets.span(source, from, to), message));
        parser.setErrorHandler(strategy);

        PrismaSchemaParser.SchemaContext tree = parser.schema();
        return new AstBuilder(diagnostics, offsets, commentsByLine(tokens), strategy.errorLines()).build(tree);
    }

    private static Map<Integer, Token> commentsByLine(CommonTokenStream tokens) {
        Map<Integer, Token> comments = new HashMap<>();
        for (Token token : tokens.getTokens()) {
            if (token.getChannel() == COMMENT_CHANNEL) {
                comments.put(token.getLine(), token);
            }
        }
        return comments;
    }
}
