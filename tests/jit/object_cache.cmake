# The JIT's object cache end to end: the first run stores, the second loads;
# a truncated or altered entry is rebuilt (never loaded) and the decisions
# never change; --no-cache leaves the cache alone.
# -DCHARTER=path/to/charter -DSRC=source dir -DDIR=a scratch directory
file(REMOVE_RECURSE ${DIR})
file(MAKE_DIRECTORY ${DIR})
set(ENV{XDG_CACHE_HOME} ${DIR})
set(eval ${CHARTER} eval --engine jit --verbose -p policies --events examples/events.ndjson)

function(run expect_regex out_var)
  execute_process(COMMAND ${eval} WORKING_DIRECTORY ${SRC} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 1)  # the sample stream holds denies
    message(FATAL_ERROR "exit ${rc}, expected 1\n${err}")
  endif()
  if(NOT err MATCHES "${expect_regex}")
    message(FATAL_ERROR "stderr does not match `${expect_regex}`:\n${err}")
  endif()
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()

# Sets `entries` to the cache's entries, and checks there are `expected` of them.
function(expect_entries expected)
  file(GLOB found ${DIR}/charter/jit-*.o)
  list(LENGTH found count)
  if(NOT count EQUAL expected)
    message(FATAL_ERROR "expected ${expected} cache entries, found ${count}: ${found}")
  endif()
  set(entries "${found}" PARENT_SCOPE)
endfunction()

run("object cache miss: stored [^\n]*/charter/jit-[0-9a-f]+\\.o" cold)
expect_entries(1)
# A hit reads the code and the runtime's tables back: nothing is lowered or generated.
run("jit: [0-9.]+ ms \\(cache look-up [0-9.]+, linking [0-9.]+\\); object cache hit: loaded" warm)
if(NOT warm STREQUAL cold)
  message(FATAL_ERROR "decisions from the cached object differ")
endif()

# A truncated entry: rebuilt, and the rebuilt entry is then a hit.
execute_process(COMMAND truncate -s 300 ${entries} RESULT_VARIABLE rc)
run("rebuilt: it is truncated" after_truncation)
if(NOT after_truncation STREQUAL cold)
  message(FATAL_ERROR "decisions after rebuilding a truncated entry differ")
endif()
run("object cache hit: loaded" again)

# One byte of the object altered, then one of the runtime's tables (after the
# four header lines): the checksum no longer matches.
file(SIZE ${entries} size)
math(EXPR middle "${size} - 100")
execute_process(COMMAND sh -c "printf Z | dd of='${entries}' bs=1 seek=${middle} conv=notrunc status=none"
                RESULT_VARIABLE rc)
run("rebuilt: its contents do not match their checksum" after_edit)
if(NOT after_edit STREQUAL cold)
  message(FATAL_ERROR "decisions after rebuilding an altered entry differ")
endif()
run("object cache hit: loaded" again)
execute_process(COMMAND sh -c "head -n 4 '${entries}' | wc -c" OUTPUT_VARIABLE header_size
                OUTPUT_STRIP_TRAILING_WHITESPACE)
math(EXPR in_tables "${header_size} + 20")
execute_process(COMMAND sh -c "printf Z | dd of='${entries}' bs=1 seek=${in_tables} conv=notrunc status=none"
                RESULT_VARIABLE rc)
run("rebuilt: its contents do not match their checksum" after_table_edit)
if(NOT after_table_edit STREQUAL cold)
  message(FATAL_ERROR "decisions after rebuilding an entry with altered tables differ")
endif()

# Garbage in place of the header.
file(WRITE ${entries} "not an object")
run("rebuilt: its header is damaged" after_garbage)

set(eval ${eval} --no-cache)
run("object cache off" uncached)
if(NOT uncached STREQUAL cold)
  message(FATAL_ERROR "decisions without the cache differ")
endif()

# Pruning: with 70 old entries of other programs beside it, storing a new entry leaves the
# 64 most recently used, the new one and the one just loaded among them.
set(eval ${CHARTER} eval --engine jit --verbose -p policies --events examples/events.ndjson)
file(REMOVE_RECURSE ${DIR}/charter)
run("object cache miss: stored" stored)
file(GLOB kept_entry ${DIR}/charter/jit-*.o)
foreach(i RANGE 1 70)
  string(SHA256 name "other program ${i}")
  string(SUBSTRING ${name} 0 32 name)
  file(WRITE ${DIR}/charter/jit-${name}.o "an entry of another program")
  # Older than any entry in use, each a minute apart.
  math(EXPR minutes "100 + ${i}")
  execute_process(COMMAND touch -d "${minutes} minutes ago" ${DIR}/charter/jit-${name}.o)
endforeach()
execute_process(COMMAND touch -d "1000 minutes ago" ${kept_entry})
run("object cache hit: loaded" hit_renews)  # renews the entry's time
set(eval ${CHARTER} eval --engine jit --verbose -p policies/job-contracts.charter
    examples/job-contracts/audit_deletion-deny-security-event.json)
run("object cache miss: stored" other_program)
expect_entries(64)
if(NOT EXISTS ${kept_entry})
  message(FATAL_ERROR "the entry just used was pruned")
endif()
