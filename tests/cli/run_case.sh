#!/usr/bin/env bash
# Runs one CLI golden case: tests/cli/cases/NAME holds
#   args             one argument per line, run from the inputs folder
#   stdin.from       (optional) name of an input file fed to standard input
#   expected.code    the exit status
#   expected.stdout  (optional) standard output, byte for byte; absent: none
#   expected.stderr  (optional) standard error, byte for byte; absent: none
#   json             (optional) standard output must parse as JSON
set -uo pipefail
bin=$1 case=$2 inputs=$3
name=$(basename "$case")
mapfile -t args < "$case/args"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
stdin=/dev/null
[ -f "$case/stdin.from" ] && stdin="$inputs/$(cat "$case/stdin.from")"
(cd "$inputs" && "$bin" "${args[@]}" < "$stdin" > "$tmp/out" 2> "$tmp/err")
code=$?
fail=0
want=$(cat "$case/expected.code")
if [ "$code" != "$want" ]; then
  echo "$name: exit status $code, expected $want"; fail=1
fi
for stream in stdout stderr; do
  got="$tmp/out"; [ $stream = stderr ] && got="$tmp/err"
  exp="$case/expected.$stream"
  if [ -f "$exp" ]; then
    if ! cmp -s "$got" "$exp"; then
      echo "$name: $stream differs from expected.$stream:"; diff "$exp" "$got" | head -40; fail=1
    fi
  elif [ -s "$got" ]; then
    echo "$name: unexpected $stream:"; head -c 2000 "$got"; echo; fail=1
  fi
done
if [ -f "$case/json" ]; then
  if ! python3 -c 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$tmp/out"; then
    echo "$name: standard output is not valid JSON"; fail=1
  fi
fi
exit $fail
