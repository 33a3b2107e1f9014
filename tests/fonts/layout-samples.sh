#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes small files whose page counts depend on fonts into DIR: plain text (the monospace grid), a
# log with long wrapped lines, CSV, Markdown with code, and DOCX, ODT and EPUB made from that
# Markdown by pandoc when it is installed. Used by fonts_twin (tests/fonts/twin.sh) and by
# ./dev package --check-fresh (packaging/check-fresh.sh).
#
# usage: layout-samples.sh DIR
set -eu
out=$1
mkdir -p "$out"
awk 'BEGIN { for (i = 0; i < 1000; i++) printf "line %d\n", i }' >"$out/lines.txt"
awk 'BEGIN { for (i = 0; i < 400; i++) { s = ""; for (j = 0; j <= i % 37; j++) s = s "word" j " "; print s } }' \
    >"$out/wrapped.log"
awk 'BEGIN { print "name,amount,comment"; for (i = 0; i < 600; i++) printf "item %d,%d.%02d,some words about item %d\n", i, i * 7, i % 100, i }' \
    >"$out/table.csv"
awk 'BEGIN {
    for (s = 1; s <= 40; s++) {
        printf "# Section %d\n\nA paragraph with `inline code` and *emphasis* that runs long enough to wrap over several lines of the page, repeated: %d.\n\n", s, s
        print "```"
        for (l = 0; l < 8; l++) printf "int value%d = compute(%d, \"some text\");\n", l, l
        print "```"
        printf "\n- a list item\n- another item with **bold** text\n\n"
    }
}' >"$out/notes.md"
if command -v pandoc >/dev/null 2>&1; then
    for ext in docx odt epub; do
        pandoc "$out/notes.md" -o "$out/notes.$ext" 2>/dev/null || rm -f "$out/notes.$ext"
    done
fi
