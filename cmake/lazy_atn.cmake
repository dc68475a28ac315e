# Makes the generated lexer and parser deserialise their ATN on first use
# instead of in a static initialiser. ANTLR 4.7.2 (Debian 12's tool) emits
# `CharterParser::Initializer CharterParser::_init;`, which every charter
# process ran before main(): ~2 ms and a third of `charter --version`'s page
# faults, even when every tree comes from the parse cache and nothing is
# parsed. ANTLR 4.10 and later initialise lazily in the same way.
# -DFILE=generated .cpp -DCLASS=CharterLexer|CharterParser -DBASE=Lexer|Parser -DINPUT=CharStream|TokenStream
file(READ ${FILE} text)
set(static_init "${CLASS}::Initializer ${CLASS}::_init;")
set(constructor "${CLASS}::${CLASS}(${INPUT} *input) : ${BASE}(input) {")
foreach(piece "${static_init}" "${constructor}")
  string(FIND "${text}" "${piece}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${FILE}: `${piece}` not found; the generated code changed shape")
  endif()
endforeach()
string(REPLACE "${static_init}" "// ${CLASS}::_init: initialised by the first constructor (cmake/lazy_atn.cmake)" text "${text}")
string(REPLACE "${constructor}" "${constructor}\n  static Initializer lazy_init;  // once, thread-safe" text "${text}")
file(WRITE ${FILE} "${text}")
