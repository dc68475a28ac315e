#!/usr/bin/env bash
# A live stream (a pipe) sees each decision before charter waits for the next
# event: one event is written, its decision read back while standard input is
# still open, then the stream is closed. Buffering the decisions until the end
# would leave the read waiting; it gives up after 60 s and the test fails.
# usage: live_stream.sh CHARTER SOURCE_DIR
set -euo pipefail
charter=$1
cd "$2"
event=$(tr -d '\n' < examples/job-contracts/contract_execution-allow-public.json)
coproc EVAL { "$charter" eval --engine interp -p policies/job-contracts.charter --events -; }
pid=$EVAL_PID  # bash unsets EVAL_* once the coprocess ends
in=${EVAL[1]}
out=${EVAL[0]}
printf '%s\n' "$event" >&"$in"
if ! IFS= read -r -t 60 decision <&"$out"; then
  echo "no decision while the stream stayed open" >&2
  exit 1
fi
case "$decision" in
  *'"decision":"allow"'*) ;;
  *) echo "unexpected decision: $decision" >&2; exit 1 ;;
esac
exec {in}>&-
wait "$pid"
