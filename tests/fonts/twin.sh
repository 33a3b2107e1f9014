#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The same pages whatever the machine's default fonts: lays out every layout-sensitive file twice,
# under the tests' fontconfig (declared fonts only) and under its twin (the same plus other fonts
# made the system's preferred sans-serif, serif and monospace), and fails when a page count differs.
#
# usage: twin.sh FOLIO_CLI FONTCONFIG_DIR SOURCE_DIR CORPUS_DIR WORK_DIR
set -eu

cli=$1
conf_dir=$2
source_dir=$3
corpus=$4
work=$5

declared=$conf_dir/fonts.conf
twin=$conf_dir/fonts-twin.conf
fail() {
    printf 'fonts_twin: FAIL: %s\n' "$*" >&2
    exit 1
}
[ -f "$declared" ] && [ -f "$twin" ] || fail "no fontconfig in $conf_dir (build the target folio_test_fonts)"
if [ "$(cat "$conf_dir/twin-fonts-found" 2>/dev/null || echo 0)" -eq 0 ]; then
    fail "the twin's other fonts are not installed (fonts-noto-mono, fonts-freefont-ttf; ./dev test installs them)"
fi

# Files of every layout-sensitive kind: generated, made by pandoc when it is installed, and the
# corpus's real office files and e-books when the corpus is present.
rm -rf "$work"
sh "$(dirname -- "$0")/layout-samples.sh" "$work"

# What each configuration makes the system's defaults: the twin must really differ, or this test
# would prove nothing.
defaults() { # fontconfig
    FONTCONFIG_FILE=$1 "$cli" --verbose info "$work/lines.txt" 2>&1 >/dev/null \
        | sed -n 's/.*fonts: the system.s defaults (not used for layout): //p' | head -n 1
}
declared_defaults=$(defaults "$declared")
twin_defaults=$(defaults "$twin")
printf 'declared fonts: %s\ntwin:           %s\n' "$declared_defaults" "$twin_defaults"
case $declared_defaults in
    *"monospace DejaVu Sans Mono"*) ;;
    *) fail "the declared configuration's monospace is not DejaVu Sans Mono: $declared_defaults" ;;
esac
case $twin_defaults in
    *"monospace DejaVu Sans Mono"* | "") fail "the twin configuration does not change the default monospace: $twin_defaults" ;;
esac

set -- "$work"/*
if [ -d "$corpus" ]; then
    set -- "$@" "$corpus"/docx/*.docx "$corpus"/office-real/*
fi

pages() { # fontconfig file
    FONTCONFIG_FILE=$1 "$cli" --quiet --timeout 60s info --json "$2" 2>/dev/null \
        | sed -n 's/.*"pageCount": *\([0-9][0-9]*\).*/\1/p' | head -n 1
}
checked=0
differ=0
for file in "$@"; do
    [ -f "$file" ] || continue
    a=$(pages "$declared" "$file")
    [ -n "$a" ] || continue # not a document Folio opens (a licence file, a broken sample)
    b=$(pages "$twin" "$file")
    checked=$((checked + 1))
    if [ "$a" != "$b" ]; then
        printf 'DIFFERS  %s: %s pages with the declared fonts, %s with the twin'"'"'s defaults\n' "$file" "$a" "$b"
        differ=$((differ + 1))
    else
        printf 'same     %s: %s pages\n' "$(basename -- "$file")" "$a"
    fi
done
[ "$checked" -ge 4 ] || fail "only $checked files could be laid out"
[ "$differ" -eq 0 ] || fail "$differ of $checked files are paginated differently when the system's default fonts change"
printf 'fonts_twin: %d files, the same page counts under both configurations\n' "$checked"
