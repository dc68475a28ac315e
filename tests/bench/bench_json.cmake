# `charter bench --format json` on the shipped samples: every figure is there
# and plausible, the engines agree (bench exits 1 otherwise), and the JIT's
# cached compile was a hit. Run by the `bench.reports_every_figure` test in
# tests/CMakeLists.txt with CHARTER and SRC (the source tree) defined.
execute_process(COMMAND ${CHARTER} bench -p ${SRC}/policies --events ${SRC}/examples/events.ndjson
                        --min-seconds 0 --format json
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc STREQUAL 0)
  message(FATAL_ERROR "charter bench exited ${rc}\n${err}\n${out}")
endif()

function(expect_positive)
  string(JSON value GET "${out}" ${ARGN})
  if(NOT value GREATER 0)
    message(FATAL_ERROR "${ARGN}: expected a positive figure, got `${value}`\n${out}")
  endif()
endfunction()

function(expect_equal expected)
  string(JSON value GET "${out}" ${ARGN})
  if(NOT value STREQUAL expected)
    message(FATAL_ERROR "${ARGN}: expected `${expected}`, got `${value}`\n${out}")
  endif()
endfunction()

string(JSON lines GET "${out}" lines)
expect_equal(${lines} lines)
expect_equal(0 phases simdjson_refused)
expect_equal(0 phases fast_decode declined)
foreach(figure "simdjson_skim;events_per_s" "simdjson_walk;events_per_s" "fast_decode;ns_per_event"
               "write_decision;ns_per_event")
  expect_positive(phases ${figure})
endforeach()

string(JSON engines LENGTH "${out}" engines)
if(NOT engines EQUAL 2)
  message(FATAL_ERROR "expected figures for two engines, got ${engines}\n${out}")
endif()
foreach(i 0 1)
  # The samples hold denied events: `charter eval` exits 1.
  expect_equal(1 engines ${i} end_to_end exit)
  expect_positive(engines ${i} end_to_end events_per_s)
  expect_positive(engines ${i} end_to_end of_simdjson_skim)
  expect_positive(engines ${i} end_to_end startup_seconds)
  # The samples take less time than starting up: "once started" is left out rather than made of noise.
  string(JSON steady_type TYPE "${out}" engines ${i} end_to_end steady_events_per_s)
  string(JSON steady GET "${out}" engines ${i} end_to_end steady_events_per_s)
  if(NOT (steady_type STREQUAL "NULL" OR (steady_type STREQUAL "NUMBER" AND steady GREATER 0)))
    message(FATAL_ERROR "steady_events_per_s: expected null or a positive figure, got ${steady_type} `${steady}`\n${out}")
  endif()
  expect_positive(engines ${i} decide ns_per_decision)
  expect_equal(${lines} engines ${i} decide events)
endforeach()
expect_equal(interp engines 0 engine)
expect_equal(jit engines 1 engine)
expect_equal(ON engines 1 compile_ms cache_hit)
expect_positive(engines 1 compile_ms cold)
