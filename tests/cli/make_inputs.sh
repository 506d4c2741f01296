#!/usr/bin/env bash
# Makes the input files the CLI golden tests read (bad inputs are built
# here rather than committed: a 10 MB line, binary and broken bytes).
set -euo pipefail
out=$1
src=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$out"
mkdir -p "$out/a-directory"
cp "$src/corpora/abe-putin-vladivostok-2016.txt" "$out/sample.txt"
: > "$out/empty.txt"
printf ' \n\t\r\n   \n' > "$out/whitespace.txt"
printf 'A first line.\nThen\0binary data.\n' > "$out/binary.txt"
printf 'Caf\xc3\xa9 prices rose sharply this week. Then a stray \xe2\x80 byte broke the parser. Traders noticed the glitch quickly.\n' > "$out/invalid-utf8.txt"
# Text in another encoding (UTF-16 from a Windows editor), a saved web page
# and a PDF.
printf '\xff\xfeC\0a\0t\0s\0.\0\n\0' > "$out/utf16.txt"
printf '<!DOCTYPE html>\n<html><body><p>Cats chase mice.</p><p>Dogs chase cats.</p></body></html>\n' > "$out/page.html"
printf '%%PDF-1.7\n%%\xe2\xe3\xcf\xd3\n1 0 obj\n' > "$out/document.pdf"
printf 'Only one sentence lives in this file.\n' > "$out/one-sentence.txt"
printf 'Cats chase mice in the barn. Dogs chase the cats around the farm. The farmer watches the animals.\n' > "$out/three-sentences.txt"
printf 'Windows line endings here.\r\nA second sentence follows.\r\nAnd a third one closes.\r\n' > "$out/crlf.txt"
# Models: the shipped one, copies cut short (inside the payload, inside the
# header), and a folder of documents.
cp "$src/models/en/news.model" "$out/en.model"
head -c 5000 "$src/models/en/news.model" > "$out/truncated.model"
head -c 60 "$src/models/en/news.model" > "$out/header-cut.model"
mkdir -p "$out/docs/more"
printf 'Cats chase mice in the barn. The farmer watches.\n' > "$out/docs/a.txt"
printf 'Dogs chase cats. Cats run away from the dogs.\n' > "$out/docs/more/b.txt"
: > "$out/docs/more/empty.txt"
# A 10 MB line of words with no sentence punctuation.
head -c 10485760 < <(yes 'word ' | tr -d '\n') > "$out/long-line.txt"
# Fixture sets for precis eval: one with no document, one whose document
# has no reference.
mkdir -p "$out/eval-empty/docs" "$out/eval-empty/refs" "$out/eval-noref/docs" "$out/eval-noref/refs"
cp "$out/three-sentences.txt" "$out/eval-noref/docs/a.txt"
