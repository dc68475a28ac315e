# What every charter process loads before main(): no libcrypto (the decision
# log loads it on first use) and no LLVM (the JIT is a plugin loaded with
# dlopen). Either would tax every command's start-up (docs/performance.md).
# -DCHARTER=path/to/charter
execute_process(COMMAND readelf -d ${CHARTER} RESULT_VARIABLE rc OUTPUT_VARIABLE dynamic ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "readelf failed: ${err}")
endif()
string(REGEX MATCHALL "\\(NEEDED\\)[^\n]*" needed "${dynamic}")
if(NOT needed MATCHES "libc\\.so")
  message(FATAL_ERROR "no NEEDED entries read from:\n${dynamic}")
endif()
foreach(library libcrypto libssl libLLVM)
  if(needed MATCHES "${library}")
    message(FATAL_ERROR "charter links ${library} at start-up:\n${needed}")
  endif()
endforeach()
