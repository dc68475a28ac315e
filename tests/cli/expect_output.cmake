# Runs CMD (a ;-list), checks its exit code (CODE) and that its standard output
# is exactly the file EXPECTED. With UPDATE=1 (or CHARTER_UPDATE_GOLDEN=1 in the
# environment) it rewrites EXPECTED instead. Used by charter_output_test().
execute_process(COMMAND ${CMD} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                WORKING_DIRECTORY ${WORKDIR})
if(NOT rc STREQUAL CODE)
  message(FATAL_ERROR "exit ${rc}, expected ${CODE}\n${out}${err}")
endif()
if(UPDATE OR "$ENV{CHARTER_UPDATE_GOLDEN}" STREQUAL "1")
  file(WRITE ${EXPECTED} "${out}")
  return()
endif()
file(READ ${EXPECTED} expected)
if(NOT out STREQUAL expected)
  message(FATAL_ERROR "output differs from ${EXPECTED} (CHARTER_UPDATE_GOLDEN=1 ctest -R NAME "
                      "rewrites it); got:\n${out}")
endif()
