#!/usr/bin/env bash
# Issue 10: with the build folder outside the source tree (cmake -B
# /elsewhere/build), precis ran without its English model and said nothing.
# Configure and build the command in a temporary folder outside the source
# tree, then check that it finds the source tree's model, says so in
# --version, and uses it.
set -euo pipefail
src=$1
tmp=$(mktemp -d /tmp/precis-out-of-tree.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
case "$tmp" in "$src"/*) echo "the temporary folder is inside the source tree" >&2; exit 1 ;; esac
cmake -S "$src" -B "$tmp/build" -DCMAKE_BUILD_TYPE=Release -DPRECIS_BUILD_TESTS=OFF \
      -DPRECIS_BUILD_BENCH=OFF >/dev/null
cmake --build "$tmp/build" -j2 --target precis >/dev/null
unset PRECIS_MODEL_DIR
version=$("$tmp/build/precis" --version)
want="model: $(realpath "$src")/models/en/news.model"
if ! grep -qxF "$want" <<<"$version"; then
  echo "precis --version says:"; echo "$version"; echo "expected a line: $want"; exit 1
fi
if ! "$tmp/build/precis" --format json "$src/corpora/abe-putin-vladivostok-2016.txt" |
     grep -q '"model_used": true'; then
  echo "the out-of-tree build summarised without its model"; exit 1
fi
echo "out-of-tree build finds $want"
