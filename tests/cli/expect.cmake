# Runs CMD (a ;-list) and checks its exit code (CODE) and that its combined
# output matches REGEX. Used by the CLI tests in tests/CMakeLists.txt.
execute_process(COMMAND ${CMD} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                WORKING_DIRECTORY ${WORKDIR})
set(all "${out}${err}")
if(NOT rc STREQUAL CODE)
  message(FATAL_ERROR "exit ${rc}, expected ${CODE}\n${all}")
endif()
if(DEFINED REGEX AND NOT all MATCHES "${REGEX}")
  message(FATAL_ERROR "output does not match `${REGEX}`:\n${all}")
endif()
