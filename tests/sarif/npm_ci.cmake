# Installs the locked npm packages of tests/sarif (ajv) into DEST, a folder of
# the build tree, with `npm ci`; skipped while DEST's stamp matches the lockfile,
# so only the first run after a clone or a lockfile change costs a download.
file(SHA256 ${SRC}/package-lock.json lock_hash)
set(stamp ${DEST}/npm-ci.stamp)
if(EXISTS ${stamp})
  file(READ ${stamp} installed)
  if(installed STREQUAL lock_hash)
    message(STATUS "tests/sarif packages are installed in ${DEST}")
    return()
  endif()
endif()
file(MAKE_DIRECTORY ${DEST})
file(REMOVE ${stamp})
configure_file(${SRC}/package.json ${DEST}/package.json COPYONLY)
configure_file(${SRC}/package-lock.json ${DEST}/package-lock.json COPYONLY)
execute_process(COMMAND ${NPM} ci --no-audit --no-fund --loglevel=error
                WORKING_DIRECTORY ${DEST} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "npm ci in ${DEST} failed (${rc})")
endif()
file(WRITE ${stamp} ${lock_hash})
