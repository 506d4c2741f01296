#!/usr/bin/env bash
# Rewrites the expected outputs of the CLI golden cases from the current
# build: run it after an intended change of output, then review the diff
# (git diff tests/cli) before committing. Usage: tests/cli/refresh.sh [BUILD]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "${1:-$here/../../build}" && pwd)/precis
inputs=$(mktemp -d)
trap 'rm -rf "$inputs"' EXIT
bash "$here/make_inputs.sh" "$inputs"
for case in "$here"/cases/*/; do
  mapfile -t args < "$case/args"
  stdin=/dev/null
  [ -f "$case/stdin.from" ] && stdin="$inputs/$(cat "$case/stdin.from")"
  set +e
  (cd "$inputs" && "$bin" "${args[@]}" < "$stdin" > "$case/expected.stdout" 2> "$case/expected.stderr")
  echo $? > "$case/expected.code"
  set -e
  [ -s "$case/expected.stdout" ] || rm -f "$case/expected.stdout"
  [ -s "$case/expected.stderr" ] || rm -f "$case/expected.stderr"
done
