// Charter grammar. No embedded actions: the parse tree is converted to
// compiler/ast by compiler/parse, and nothing downstream sees ANTLR types.
//
// Error recovery: every top-level declaration and every statement starts with
// a keyword, so ANTLR's single-token deletion/insertion and its resync sets
// land on the next declaration; the language server parses half-typed files.
grammar Charter;

// ---------------------------------------------------------------- files
file        : header? importDecl* decl* EOF ;
header      : (POLICY | MODULE) qualifiedName ;
importDecl  : IMPORT qualifiedName (AS ident)? ;
qualifiedName : ident ('.' ident)* ;
// Entry point for each declaration after the head, parsed on its own
// (compiler/parse/chunks.h says where a file is cut).
declarations : decl* EOF ;
// Entry point for `{expr}` interpolations inside string literals.
exprOnly    : expr EOF ;

decl
  : enumDecl | recordDecl | eventDecl | constDecl | fnDecl | externFnDecl
  | tierDecl | quorumDecl | voteDecl | thresholdDecl | ruleDecl | testDecl
  ;

enumDecl    : ENUM ident '{' enumMember (','? enumMember)* ','? '}' ;
enumMember  : ident STRING? ;

recordDecl  : RECORD ident '{' fieldDecl* '}' ;
eventDecl   : EVENT ident (KIND STRING)? '{' fieldDecl* '}' ;
fieldDecl   : ident ':' type ','? ;

constDecl   : CONST ident (':' type)? '=' expr ;

fnDecl      : FN ident '(' params? ')' '->' type fnBody ;
fnBody      : '=' expr
            | '{' letStmt* expr '}'
            ;
externFnDecl: EXTERN FN ident '(' params? ')' '->' type ;
params      : param (',' param)* ','? ;
param       : ident ':' type ;

// §3.1-style tables: an enum whose members each carry a row of attributes.
tierDecl    : TIER ident WITH type '{' tierRow* '}' ;
tierRow     : ident STRING? ':' recordBody ','? ;

// "Quorum: 4 members (including 1 Platform Engineer and 1 Security member)."
quorumDecl  : QUORUM ident OF type BY ident '{' quorumClause* '}' ;
quorumClause: AT LEAST quorumCount IN TOTAL                # quorumTotal
            | AT LEAST quorumCount ident                   # quorumRole
            ;
quorumCount : INT | ident ;

// Vote tallies: ballots of a record type, categorised by one enum field and
// (optionally) attributed to roles by a second one.
voteDecl    : VOTE ident OF type BY ident (',' ident)? '{' voteClause* '}' ;
voteClause  : ident ':' ident (',' ident)*                       # voteCategory
            | PASS WHEN expr                                     # votePass
            | TIE WHEN expr ':' ident DECIDES                    # voteTie
            | ident MAY NOT BE IN THE MINORITY                   # voteMinority
            | TABLED WHEN expr                                   # voteTabled
            ;

// Bands over one numeric input; the checker proves them gap- and overlap-free.
thresholdDecl : THRESHOLD ident '(' param (IN range)? ')' '->' type '{' band* '}' ;
range       : bandValue '..' bandValue ;
band        : (bandBound (AND bandBound)? | ELSE) '=>' expr ','? ;
bandBound   : op=('<' | '<=' | '>' | '>=') bandValue ;
bandValue   : '-'? primary ;

ruleDecl    : RULE ident ON ident (WHEN expr)? block ;
block       : '{' stmt* '}' ;

stmt
  : letStmt                                                    # letStatement
  | REQUIRE expr ELSE reason                                   # requireStmt
  | DENY reason                                                # denyStmt
  | WARN reason                                                # warnStmt
  | OBLIGE reason                                              # obligeStmt
  | VALUE ident '=' expr                                       # valueStmt
  | WHEN expr block (ELSE WHEN expr block)* (ELSE block)?      # whenStmt
  | VETO ident IN expr (WHERE expr)? '{' vetoClause* '}'       # vetoStmt
  ;
letStmt     : LET ident (':' type)? '=' expr ;
reason      : STRING ':' expr ;
vetoClause  : VALID WHEN expr (ELSE WARN reason)?              # vetoValid
            | OVERRIDDEN WHEN expr                             # vetoOverride
            | DENY reason                                      # vetoDeny
            ;

testDecl    : TEST STRING '{' GIVEN expr expectation* '}' ;
expectation : EXPECT ALLOW                                     # expectAllow
            | EXPECT DENY (WITH STRING (',' STRING)*)?         # expectDeny
            | EXPECT NOT STRING (',' STRING)*                  # expectNotReason
            | EXPECT WARN STRING                               # expectWarn
            | EXPECT NO WARN STRING                            # expectNoWarn
            | EXPECT OBLIGE STRING                             # expectOblige
            | EXPECT NO OBLIGE STRING                          # expectNoOblige
            | EXPECT VALUE ident '=' expr                      # expectValue
            ;

// ---------------------------------------------------------------- types
type        : ident ('<' type (',' type)* '>')? '?'? ;

// ---------------------------------------------------------------- expressions
// ANTLR gives earlier alternatives higher precedence: postfix binds tightest,
// then unary -, * /, + -, ??, in, comparisons, not, and, or.
expr
  : expr '.' ident ('(' args? ')')?                            # memberExpr
  | expr '?.' ident                                            # optMemberExpr
  | expr '[' index=expr ']'                                    # indexExpr
  | expr '[' lo=expr? ':' hi=expr? ']'                         # sliceExpr
  | expr WITH recordBody                                       # withExpr
  | '-' expr                                                   # negExpr
  | expr op=('*' | '/') expr                                   # mulExpr
  | expr op=('+' | '-') expr                                   # addExpr
  | expr '??' expr                                             # defaultExpr
  | expr NOT? IN expr                                          # inExpr
  | expr op=('==' | '!=' | '<' | '<=' | '>' | '>=') expr       # compareExpr
  | NOT expr                                                   # notExpr
  | <assoc=right> expr op=AND expr                             # andExpr
  | expr op=OR expr                                            # orExpr
  | primary                                                    # primaryExpr
  ;

args        : arg (',' arg)* ','? ;
arg         : ident '=>' expr                                  # lambdaArg
            | expr                                             # plainArg
            ;

primary
  : INT '/' INT OF primary                                     # fractionLit
  | INT ident                                                  # durationLit
  | INT                                                        # intLit
  | DECIMAL                                                    # decimalLit
  | PERCENT                                                    # percentLit
  | STRING                                                     # stringLit
  | RAW_STRING                                                 # rawStringLit
  | DATE                                                       # dateLit
  | TIMESTAMP                                                  # timestampLit
  | (TRUE | FALSE)                                             # boolLit
  | NONE                                                       # noneLit
  | '[' (expr (',' expr)* ','?)? ']'                           # listLit
  | ident recordBody                                           # recordLit
  | ident '(' args? ')'                                        # callExpr
  | ident                                                      # nameExpr
  | MATCH expr '{' matchArm* '}'                               # matchExpr
  | IF expr THEN expr ELSE expr                                # ifExpr
  | '(' expr ')'                                               # parenExpr
  ;
recordBody  : '{' (fieldInit (',' fieldInit)* ','?)? '}' ;
fieldInit   : ident ':' expr ;
matchArm    : pattern (',' pattern)* '=>' expr ','? ;
pattern     : ident | '_' ;

// Keywords that only mean something in one position stay usable as names
// (events have fields called `tier`, `vote`, `by`, `override`, ...; records `kind`).
ident
  : IDENT | POLICY | MODULE | EVENT | KIND | TIER | QUORUM | VOTE | VETO | THRESHOLD
  | OF | BY | AT | LEAST | TOTAL | PASS | TIE | DECIDES | MAY | BE | THE | MINORITY
  | TABLED | VALID | OVERRIDDEN | WITH | WHERE | ON | ALLOW | DENY | WARN | OBLIGE
  | VALUE | GIVEN | EXPECT | NO | AS | EXTERN | TEST | RULE | THEN
  ;

// ---------------------------------------------------------------- lexer
POLICY: 'policy'; MODULE: 'module'; IMPORT: 'import'; AS: 'as';
ENUM: 'enum'; RECORD: 'record'; EVENT: 'event'; KIND: 'kind';
CONST: 'const'; FN: 'fn'; EXTERN: 'extern'; LET: 'let';
TIER: 'tier'; QUORUM: 'quorum'; VOTE: 'vote'; VETO: 'veto'; THRESHOLD: 'threshold';
OF: 'of'; BY: 'by'; AT: 'at'; LEAST: 'least'; TOTAL: 'total';
PASS: 'pass'; TIE: 'tie'; DECIDES: 'decides'; MAY: 'may'; BE: 'be'; THE: 'the';
MINORITY: 'minority'; TABLED: 'tabled';
VALID: 'valid'; OVERRIDDEN: 'overridden';
RULE: 'rule'; ON: 'on'; WHEN: 'when'; ELSE: 'else'; IF: 'if'; THEN: 'then';
REQUIRE: 'require'; DENY: 'deny'; WARN: 'warn'; OBLIGE: 'oblige'; VALUE: 'value';
WHERE: 'where'; WITH: 'with'; MATCH: 'match';
TEST: 'test'; GIVEN: 'given'; EXPECT: 'expect'; ALLOW: 'allow'; NO: 'no';
AND: 'and'; OR: 'or'; NOT: 'not'; IN: 'in';
TRUE: 'true'; FALSE: 'false'; NONE: 'none';

TIMESTAMP : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT 'T'
            DIGIT DIGIT ':' DIGIT DIGIT ':' DIGIT DIGIT ('.' DIGIT+)?
            ('Z' | [+-] DIGIT DIGIT ':' DIGIT DIGIT) ;
DATE      : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT ;
PERCENT   : DIGIT+ ('.' DIGIT+)? '%' ;
DECIMAL   : DIGIT+ '.' DIGIT+ ;
INT       : DIGIT+ ;
RAW_STRING: 'r"' ~["\r\n]* '"' ;
STRING    : '"' (ESC | INTERPOLATION | ~["\\\r\n])* '"' ;
// A string cut by the end of its line; reported by the parser front end.
UNTERMINATED_STRING : '"' (ESC | ~["\\\r\n])* ;
IDENT     : [A-Za-z_] [A-Za-z0-9_]* ;

DOC_COMMENT  : '///' ~[\r\n]* -> channel(2) ;
LINE_COMMENT : '//' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT: '/*' .*? '*/' -> channel(HIDDEN) ;
WS        : [ \t\r\n]+ -> skip ;
// Any other character becomes one token, so the parser (not the lexer)
// reports it with a location and recovery carries on.
ERROR_CHAR: . ;

fragment DIGIT : [0-9] ;
fragment ESC   : '\\' . ;
// `{expr}` inside a string may hold strings of its own: "{v.note ?? ""}". The
// longest match wins, so a `{` that is never closed stays a plain character
// and the AST builder reports it.
fragment INTERPOLATION : '{' (INNER_STRING | INTERPOLATION | ~["{}\r\n])* '}' ;
fragment INNER_STRING  : '"' (ESC | ~["\\\r\n])* '"' ;
