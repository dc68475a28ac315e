# Checks bench/gen_events cheaply: the same (N, SEED) gives the same bytes, on
# standard output as in a file; another seed gives other events; and every event
# decodes, with some denied. Run by the `bench.gen_events` test in
# tests/CMakeLists.txt with PYTHON, GEN, CHARTER, WORKDIR (the source tree) and
# OUTDIR (scratch space) defined.
set(n 300)
file(MAKE_DIRECTORY ${OUTDIR})

function(generate seed file)
  execute_process(COMMAND ${PYTHON} ${GEN} ${n} ${seed} ${file} RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc STREQUAL 0)
    message(FATAL_ERROR "gen_events ${n} ${seed} exited ${rc}\n${err}")
  endif()
endfunction()

generate(7 ${OUTDIR}/seed7_a.ndjson)
generate(7 ${OUTDIR}/seed7_b.ndjson)
generate(8 ${OUTDIR}/seed8.ndjson)
file(READ ${OUTDIR}/seed7_a.ndjson a)
file(READ ${OUTDIR}/seed7_b.ndjson b)
file(READ ${OUTDIR}/seed8.ndjson c)
execute_process(COMMAND ${PYTHON} ${GEN} ${n} 7 RESULT_VARIABLE rc OUTPUT_VARIABLE stdout)

if(NOT a STREQUAL b)
  message(FATAL_ERROR "two runs with N=${n} SEED=7 differ")
endif()
if(NOT rc STREQUAL 0 OR NOT stdout STREQUAL a)
  message(FATAL_ERROR "standard output (exit ${rc}) differs from the file for N=${n} SEED=7")
endif()
if(a STREQUAL c)
  message(FATAL_ERROR "SEED=7 and SEED=8 give the same events")
endif()
string(REGEX MATCHALL "\n" newlines "${a}")
list(LENGTH newlines lines)
if(NOT lines EQUAL n)
  message(FATAL_ERROR "expected ${n} lines, got ${lines}")
endif()

# Exit 1: decoded, and some events denied (exit 3 would mean a malformed line). The
# interpreter, so that this checks the events; the engines are compared elsewhere.
execute_process(COMMAND ${CHARTER} eval --engine interp -p policies/job-contracts.charter
                        --events ${OUTDIR}/seed7_a.ndjson
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err WORKING_DIRECTORY ${WORKDIR})
if(NOT rc STREQUAL 1)
  message(FATAL_ERROR "charter eval exited ${rc}, expected 1\n${err}")
endif()
string(FIND "${out}" "\"error\"" pos)
if(NOT pos EQUAL -1)
  message(FATAL_ERROR "charter eval reported an input error:\n${out}")
endif()
string(REGEX MATCHALL "\"decision\":\"allow\"" allowed "${out}")
string(REGEX MATCHALL "\"decision\":\"deny\"" denied "${out}")
list(LENGTH allowed allowed)
list(LENGTH denied denied)
math(EXPR decided "${allowed} + ${denied}")
if(NOT decided EQUAL n OR allowed EQUAL 0)
  message(FATAL_ERROR "expected ${n} decisions, some allowed; got ${allowed} allowed, ${denied} denied")
endif()
