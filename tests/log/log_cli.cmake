# `charter eval --log` then `charter log verify|export` end to end: a clean
# chain verifies (exit 0), an edited record is named (exit 1), export filters.
# Run by the CTest test log.cli with CHARTER, SRC (the source tree) and DIR (scratch).
function(run expect_code)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err WORKING_DIRECTORY ${SRC})
  if(NOT rc STREQUAL expect_code)
    message(FATAL_ERROR "`${ARGN}`: exit ${rc}, expected ${expect_code}\n${out}${err}")
  endif()
  set(out "${out}${err}" PARENT_SCOPE)
endfunction()
function(expect regex)
  if(NOT out MATCHES "${regex}")
    message(FATAL_ERROR "output does not match `${regex}`:\n${out}")
  endif()
endfunction()

file(REMOVE_RECURSE ${DIR})
file(MAKE_DIRECTORY ${DIR})
set(log ${DIR}/decisions.log)
file(WRITE ${DIR}/key "0123456789abcdef0123456789abcdef\n")

# The stream has a malformed line (exit 3): it is logged as an error record.
run(3 ${CHARTER} eval -p tests/ci/gate.charter --events tests/ci/deploys.ndjson --log ${log})
run(1 ${CHARTER} eval -p tests/ci/gate.charter tests/ci/deploy-deny.json --log ${log} --log-redact)
run(0 ${CHARTER} log verify ${log})
expect("decisions.log: ok, 4 records, chain sha256, head [0-9a-f]+\n")
file(STRINGS ${log} lines)
# The event is kept (minified) unless redacted; the decision and its codes are there.
list(GET lines 1 second)
list(GET lines 3 fourth)
list(GET lines 2 third)
if(NOT third MATCHES "\"id\":null,\"kind\":null,\"decision\":\"error\",\"codes\":\\[\\],.*\"error\":{\"path\":\"\\$.approvals\"")
  message(FATAL_ERROR "a malformed event is logged as an error record:\n${third}")
endif()
if(NOT second MATCHES "\"event\":{\"kind\":\"deploy\",\"id\":\"DEP-2, retry: 1%\",\"approvals\":0" OR
   NOT second MATCHES "\"decision\":\"deny\",\"codes\":\\[\"approvals_missing\",\"tests_failed\"\\]")
  message(FATAL_ERROR "record 2 lacks the event or its codes:\n${second}")
endif()
if(fourth MATCHES "\"event\":" OR NOT fourth MATCHES "\"event_sha256\":\"[0-9a-f]+\"")
  message(FATAL_ERROR "a redacted record keeps the event's hash, not the event:\n${fourth}")
endif()

run(0 ${CHARTER} log export --format csv ${log})
expect("ts,id,kind,decision,codes,policy\n[^\n]+,DEP-1,deploy,allow,,ci_gate\n[^\n]+,\"DEP-2, retry: 1%\",deploy,deny,approvals_missing;tests_failed,ci_gate\n")
run(0 ${CHARTER} log export --since 2000-01-01 --until 2000-02-01 ${log})
expect("\"summary\":{\"total\":0")

# An edited decision is caught at its line, and export refuses the log.
file(READ ${log} text)
string(REPLACE "\"id\":\"DEP-2, retry: 1%\",\"kind\":\"deploy\",\"decision\":\"deny\""
               "\"id\":\"DEP-2, retry: 1%\",\"kind\":\"deploy\",\"decision\":\"allow\"" text "${text}")
file(WRITE ${log} "${text}")
run(1 ${CHARTER} log verify ${log})
expect("decisions.log:2: tampered: its hash does not match its content")
run(1 ${CHARTER} log export ${log})

# A keyed log needs its key; another key is a tamper.
set(keyed ${DIR}/keyed.log)
run(1 ${CHARTER} eval -p tests/ci/gate.charter tests/ci/deploy-deny.json --log ${keyed} --log-key-file ${DIR}/key)
run(0 ${CHARTER} log verify --key-file ${DIR}/key ${keyed})
expect("chain hmac-sha256")
run(2 ${CHARTER} log verify ${keyed})
expect("give its --key-file")
file(WRITE ${DIR}/other "fedcba9876543210fedcba9876543210\n")
run(1 ${CHARTER} log verify --key-file ${DIR}/other ${keyed})
expect("keyed.log:1: tampered")
# eval refuses to extend a keyed log without the key rather than break its chain.
run(2 ${CHARTER} eval -p tests/ci/gate.charter tests/ci/deploy-deny.json --log ${keyed})
expect("chained with hmac-sha256")
