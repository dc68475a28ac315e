# The parse cache on disk end to end: the first `charter eval` keeps every
# file's tree, the next reads them all back; a truncated or altered entry, or
# an edited file, is parsed again (and rewritten), and the decision never
# changes; --no-cache neither reads nor writes entries.
# -DCHARTER=path/to/charter -DSRC=source dir -DDIR=a scratch directory
file(REMOVE_RECURSE ${DIR})
file(MAKE_DIRECTORY ${DIR}/policies)
set(ENV{XDG_CACHE_HOME} ${DIR}/cache)
file(GLOB policies ${SRC}/policies/*.charter)
file(COPY ${policies} DESTINATION ${DIR}/policies)
set(event ${SRC}/examples/job-contracts/audit_deletion-deny-security-event.json)

# Runs eval; checks that `read_back` files came from the cache and sets `out_var` to the decision.
function(run read_back out_var)
  execute_process(COMMAND ${CHARTER} eval --verbose ${ARGN} -p ${DIR}/policies ${event}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 1)  # the event is denied
    message(FATAL_ERROR "exit ${rc}, expected 1\n${err}")
  endif()
  if(NOT err MATCHES "\\((${read_back}) of ([0-9]+) files read back from the parse cache\\)")
    message(FATAL_ERROR "expected ${read_back} files read back from the parse cache:\n${err}")
  endif()
  set(files ${CMAKE_MATCH_2} PARENT_SCOPE)
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()

run(0 cold)
file(GLOB entries ${DIR}/cache/charter/parse-*.ast)
list(LENGTH entries count)
if(NOT count EQUAL files OR count LESS 3)
  message(FATAL_ERROR "expected an entry for each of the ${files} files, found: ${entries}")
endif()
run(${files} warm)
if(NOT warm STREQUAL cold)
  message(FATAL_ERROR "the decision from cached trees differs:\n${cold}\n${warm}")
endif()

# Truncated entries: parsed again and rewritten, then read back.
foreach(entry ${entries})
  execute_process(COMMAND truncate -s 200 ${entry})
endforeach()
run(0 after_truncation)
run(${files} again)
if(NOT after_truncation STREQUAL cold OR NOT again STREQUAL cold)
  message(FATAL_ERROR "the decision after rebuilding truncated entries differs")
endif()

# One byte of each tree altered: the checksum refuses the entry.
foreach(entry ${entries})
  file(SIZE ${entry} size)
  math(EXPR inside "${size} - 40")
  execute_process(COMMAND sh -c "printf Z | dd of='${entry}' bs=1 seek=${inside} conv=notrunc status=none")
endforeach()
run(0 after_edit)
if(NOT after_edit STREQUAL cold)
  message(FATAL_ERROR "the decision after rebuilding altered entries differs")
endif()

# An edited policy is parsed again; the others are read back.
file(APPEND ${DIR}/policies/job-contracts.charter "\n// edited\n")
math(EXPR others "${files} - 1")
run(${others} edited)
if(NOT edited STREQUAL cold)
  message(FATAL_ERROR "the decision after editing a comment differs")
endif()

# --no-cache: nothing read, nothing written.
file(REMOVE_RECURSE ${DIR}/cache)
run(0 uncached --no-cache)
file(GLOB left ${DIR}/cache/charter/parse-*.ast)
if(left)
  message(FATAL_ERROR "--no-cache wrote parse cache entries: ${left}")
endif()

# `charter test` keeps the trees it parses with their tests (entries of their own) and reads them
# back; its report does not change.
file(GLOB before ${DIR}/cache/charter/parse-*.ast)
function(run_tests out_var)
  execute_process(COMMAND ${CHARTER} test ${ARGN} ${DIR}/policies RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "charter test exited ${rc}\n${out}${err}")
  endif()
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()
run_tests(tests_cold)
file(GLOB after ${DIR}/cache/charter/parse-*.ast)
list(LENGTH before count_before)
list(LENGTH after count_after)
if(NOT count_after GREATER count_before)
  message(FATAL_ERROR "charter test kept no parse cache entries (${count_before} before, ${count_after} after)")
endif()
run_tests(tests_warm)
run_tests(tests_uncached --no-cache)
if(NOT tests_warm STREQUAL tests_cold OR NOT tests_uncached STREQUAL tests_cold)
  message(FATAL_ERROR "charter test reports differently with the parse cache:\n${tests_cold}\n${tests_warm}")
endif()
