#!/usr/bin/env bash
# An event over --max-event-bytes is refused naming the limit: charter stops
# reading it there, so it never claims a size it did not see.
# usage: oversize_event.sh CHARTER SOURCE_DIR
set -euo pipefail
charter=$1
cd "$2"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
big=$(printf '{"kind":"ping","n":0,"pad":"%0300d"}' 0)
printf '{"kind":"ping","n":0}\n%s\n' "$big" > "$tmp/stream.ndjson"

expect() {  # expect WHAT OUTPUT
  if ! grep -qF -- "$1" <<<"$2"; then
    printf 'expected %s in:\n%s\n' "$1" "$2" >&2
    exit 1
  fi
}
status=0
out=$("$charter" eval -p tests/cli/broken_test.charter --max-event-bytes 100 --events "$tmp/stream.ndjson") || status=$?
[ "$status" -eq 3 ] || { echo "stream: exit $status, not 3" >&2; exit 1; }
expect '{"line":2,"error":{"path":"$","message":"the line exceeds the 100-byte limit"}}' "$out"
status=0
out=$(printf '%s' "$big" | "$charter" eval -p tests/cli/broken_test.charter --max-event-bytes 100 -) || status=$?
[ "$status" -eq 3 ] || { echo "stdin: exit $status, not 3" >&2; exit 1; }
expect '"message":"the event exceeds the 100-byte limit"' "$out"
# A file is read whole: its real size is known and stated.
printf '%s' "$big" > "$tmp/big.json"
out=$("$charter" eval -p tests/cli/broken_test.charter --max-event-bytes 100 "$tmp/big.json") || true
expect "\"message\":\"the document is ${#big} bytes; the limit is 100 bytes\"" "$out"
