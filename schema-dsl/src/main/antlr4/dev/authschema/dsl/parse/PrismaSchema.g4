/*
 * Prisma Schema Language as Prisma 6 accepts it, plus the `modelMapping` block.
 *
 * The grammar is deliberately generic at the block level (`keyword name? { lines }`): which keywords
 * exist and what each block may contain is checked by the AST builder and the validator, which can
 * give far better messages ("did you mean `model`?") than a syntax error can. Line structure matters
 * in Prisma, so newlines are tokens; comments go to a channel of their own and are re-attached to the
 * AST by the builder (doc comments become Javadoc, every comment survives formatting).
 */
grammar PrismaSchema;

schema
    : (NL | block | strayLine)* EOF
    ;

// A top-level line that cannot start a block; reported by the AST builder, kept here so parsing goes on.
strayLine
    : ~(NL | IDENT) ~NL*
    ;

block
    : keyword=identifier name=identifier? LBRACE blockLine* RBRACE
    ;

blockLine
    : NL
    | nestedBlockHeader NL
    | member NL
    | strayMember NL
    ;

// `model Next {` inside a block: the block above lacks its `}`. The AST builder closes it here and
// reports that, so the rest of the file parses as the user meant it.
nestedBlockHeader
    : keyword=identifier name=identifier? LBRACE
    ;

// A line inside a block that cannot start a member; reported by the AST builder.
strayMember
    : ~(NL | IDENT | ATAT | RBRACE) ~(NL | RBRACE)*
    ;

member
    : blockAttribute                                # blockAttributeMember
    | identifier EQ expression                      # propertyMember
    | identifier fieldType? fieldAttribute*         # fieldMember
    ;

fieldType
    : identifier (LPAREN argumentList? RPAREN)? typeModifier?
    ;

typeModifier
    : QUESTION
    | LBRACK RBRACK QUESTION?
    ;

fieldAttribute
    : AT attributeName arguments?
    ;

blockAttribute
    : ATAT attributeName arguments?
    ;

attributeName
    : identifier (DOT identifier)?
    ;

arguments
    : LPAREN argumentList? RPAREN
    ;

argumentList
    : argument (COMMA argument)* COMMA?
    ;

argument
    : (identifier COLON)? expression
    ;

expression
    : functionCall
    | array
    | STRING
    | NUMBER
    | identifier
    ;

functionCall
    : identifier LPAREN argumentList? RPAREN
    ;

array
    : LBRACK NL* (expression NL* (COMMA NL* expression NL*)* (COMMA NL*)?)? RBRACK
    ;

identifier
    : IDENT
    ;

AT       : '@' ;
ATAT     : '@@' ;
LBRACE   : '{' ;
RBRACE   : '}' ;
LPAREN   : '(' ;
RPAREN   : ')' ;
LBRACK   : '[' ;
RBRACK   : ']' ;
COMMA    : ',' ;
COLON    : ':' ;
EQ       : '=' ;
QUESTION : '?' ;
DOT      : '.' ;

STRING
    : '"' (ESCAPE | ~["\\\r\n])* '"'
    ;

// A string that runs to the end of the line: its own token so the error can say exactly that.
UNTERMINATED_STRING
    : '"' (ESCAPE | ~["\\\r\n])*
    ;

NUMBER
    : '-'? DIGIT+ ('.' DIGIT+)?
    ;

// Letters of any script, as Prisma allows them (`model Größe`); `-` is reported where Prisma reports it.
IDENT
    : [\p{L}_] [\p{L}\p{N}_\-]*
    ;

DOC_COMMENT
    : '///' ~[\r\n]* -> channel(2)
    ;

COMMENT
    : '//' ~[\r\n]* -> channel(2)
    ;

// `/* ... */`, which Prisma 6 accepts anywhere; it may span lines, and is kept like any other comment.
BLOCK_COMMENT
    : '/*' .*? '*/' -> channel(2)
    ;

NL
    : '\r'? '\n'
    ;

WS
    : [ \t\f\u00A0\uFEFF]+ -> skip
    ;

// Anything else reaches the parser as one token, so the error names the character and its position.
UNEXPECTED_CHAR
    : .
    ;

fragment ESCAPE
    : '\\' (["\\/bfnrt] | 'u' HEX HEX HEX HEX)
    | '\\' ~[\r\n]   // an unknown escape: accepted by the lexer, reported by the AST builder
    ;

fragment HEX   : [0-9a-fA-F] ;
fragment DIGIT : [0-9] ;
