#!/usr/bin/env bash
# The command's documentation against the command itself:
#   - the man page renders with man-db without a single warning;
#   - every long option of every --help, and every exit status of
#     precis --help, is in the man page; every long option is also offered
#     by the bash completion;
#   - the completion completes subcommands, options and their values;
#   - --version names the library, its dependencies and the model in use.
#     check_docs.sh PRECIS MAN_PAGE COMPLETION SOURCE_DIR
set -euo pipefail
precis=$1 page=$2 completion=$3 src=$4
fail() { echo "check_docs: $*" >&2; exit 1; }

# 1. man -l renders it; groff's warnings (--warnings) go to stderr.
command -v man >/dev/null || { echo "check_docs: skipped: man is not installed (apt-get install man-db)"; exit 77; }
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
MANWIDTH=80 LC_ALL=C.UTF-8 man --warnings -E UTF-8 -l "$page" >"$out" 2>"$err" ||
  fail "man -l $page failed: $(cat "$err")"
[ ! -s "$err" ] || fail "man -l $page warns: $(cat "$err")"
grep -q '^NAME' "$out" && grep -q 'EXIT STATUS' "$out" && grep -q 'EXAMPLES' "$out" ||
  fail "the rendered page lacks NAME, EXIT STATUS or EXAMPLES"
grep -q "precis $(sed -n 's/^#define PRECIS_VERSION_MAJOR \([0-9]*\)$/\1/p' "$src/include/precis.h")\." "$out" ||
  fail "the page does not carry the header's version"
echo "ok: man -l renders $page without warnings ($(wc -l <"$out") lines)"

# 2. Every option of every command, in the page and in the completion.
helps=("$precis --help" "$precis batch --help" "$precis eval --help" "$precis model build --help")
for h in "${helps[@]}"; do
  for opt in $($h | grep -oE '(^|[ ,])--[a-z][a-z0-9-]*' | sed 's/^[ ,]*//' | sort -u); do
    roff=${opt//-/\\-}
    grep -qF -- "$roff" "$page" || fail "'$h' lists $opt, the man page does not"
    grep -qE -- "(^|[ \"])$opt( |\"|$)" "$completion" || fail "'$h' lists $opt, the completion does not"
  done
done
for code in $("$precis" --help | sed -n '/^Exit status:/,$p' | grep -oE '^  [0-9]+' ); do
  grep -qE "^\.B $code$" "$page" || fail "exit status $code is not in the man page"
done
for sub in batch eval model; do
  grep -q "^\.SY \"precis $sub" "$page" || fail "the synopsis lacks precis $sub"
done
echo "ok: every option and exit status is documented and completed"

# 3. The completion, as bash runs it.
complete_() { # WORDS... : print COMPREPLY for the last word
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _precis; printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$completion" "$@"
}
expect() { # WANT WORDS...
  local want=$1 got; shift
  got=$(complete_ "$@")
  grep -qx -- "$want" <<<"$got" || fail "completing '$*' does not offer $want (got: ${got//$'\n'/ })"
}
expect batch precis b
expect --format precis --fo
expect html precis --format h
expect textrank-personalised precis -m textrank-p
expect --jobs precis batch --jo
expect markdown precis eval -f m
expect oracle precis eval --methods or
expect build precis model b
expect --min-df precis model build --min
expect french "$precis" --lang fr
echo "ok: bash completion"

# 4. --version.
v=$("$precis" --version)
major=$(sed -n 's/^#define PRECIS_VERSION_MAJOR \([0-9]*\)$/\1/p' "$src/include/precis.h")
minor=$(sed -n 's/^#define PRECIS_VERSION_MINOR \([0-9]*\)$/\1/p' "$src/include/precis.h")
patch=$(sed -n 's/^#define PRECIS_VERSION_PATCH \([0-9]*\)$/\1/p' "$src/include/precis.h")
ver=$major.$minor.$patch
grep -qx "precis $ver (libprecis $ver)" <<<"$v" || fail "--version's first line is not 'precis $ver (libprecis $ver)': $v"
for dep in "utf8proc [0-9.]+ \(Unicode" "GSL [0-9.]+" "Snowball libstemmer" "jansson [0-9.]+"; do
  grep -qE "^  $dep" <<<"$v" || fail "--version does not name $dep: $v"
done
grep -qx "model: $(realpath "$src/models/en/news.model")" <<<"$v" ||
  fail "--version does not show the default English model: $v"
grep -qE "^  english, [0-9]+ documents, [0-9]+ terms" <<<"$v" || fail "--version lacks the model's info: $v"
grep -qx "model: none (--no-model): IDF from each document's sentences" <<<"$("$precis" --no-model --version)" ||
  fail "--no-model --version does not say there is no model"
echo "ok: --version"
