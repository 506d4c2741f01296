#!/usr/bin/env bash
# models/en/nonkey.txt is what tools/derive-nonkey-words derives from
# WordNet: the list is generated, never edited by hand (README-nonkey.md).
# Usage: check_nonkey.sh SOURCE_DIR [WORDNET_DIR]. Exit 77 (skip) without
# WordNet (Debian's wordnet-base) or without python3, which runs the script.
set -euo pipefail
src=$1
wn=${2:-/usr/share/wordnet}
if [ ! -f "$wn/index.noun" ] || [ ! -f "$wn/cntlist.rev" ]; then
  echo "SKIP: no WordNet at $wn (apt-get install wordnet-base)"
  exit 77
fi
if ! command -v python3 > /dev/null; then
  echo "SKIP: no python3 to run tools/derive-nonkey-words (apt-get install python3)"
  exit 77
fi
if ! diff <(python3 "$src/tools/derive-nonkey-words" "$wn") "$src/models/en/nonkey.txt" > /dev/null; then
  echo "models/en/nonkey.txt differs from what tools/derive-nonkey-words derives:"
  diff <(python3 "$src/tools/derive-nonkey-words" "$wn") "$src/models/en/nonkey.txt" | head -20
  exit 1
fi
echo "models/en/nonkey.txt: as derived ($(grep -vc '^#' "$src/models/en/nonkey.txt") entries)"
