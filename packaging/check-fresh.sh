#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# ./dev package --check-fresh: installs the Debian package into a freshly installed minimal Debian
# (packaging/freshroot.sh) the way a user would, `apt-get install ./folio_*.deb` with apt's
# defaults (Recommends included), then lays out the same files with the installed folio-cli and
# with the development build under the tests' fontconfig, and fails when a page count differs.
#
# usage: check-fresh.sh DEB DEV_FOLIO_CLI FONTCONFIG_FILE [CORPUS_DIR]
set -eu

deb=$1
dev_cli=$2
fontconfig=$3
corpus=${4-}
ROOT=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
work=$ROOT/.deps/fresh-check
fresh=$work/root

say() { printf '[check-fresh] %s\n' "$*"; }
die() {
    printf '[check-fresh] error: %s\n' "$*" >&2
    exit 1
}
[ -f "$deb" ] || die "no package $deb"
[ -x "$dev_cli" ] || die "no development folio-cli $dev_cli"
[ -f "$fontconfig" ] || die "no test fontconfig $fontconfig (build the target folio_test_fonts)"

freshroot() { sh "$ROOT/packaging/freshroot.sh" "$@"; }
cleanup() { freshroot destroy "$fresh" || true; }
trap cleanup EXIT INT TERM

start=$(date +%s)
freshroot destroy "$fresh"
mkdir -p "$work"
freshroot create "$fresh"
say "fresh root ready after $(($(date +%s) - start)) s"

cp "$deb" "$fresh/tmp/"
name=$(basename -- "$deb")
t0=$(date +%s)
freshroot run "$fresh" sh -c "apt-get -q update >/dev/null && apt-get -q -y install /tmp/$name" \
    >"$work/install.log" 2>&1 || {
    tail -n 30 "$work/install.log" >&2
    die "apt-get install ./$name failed in the fresh root"
}
say "apt-get install ./$name: $(($(date +%s) - t0)) s, $(grep -c '^Setting up' "$work/install.log") packages set up"
for font in $(sed -n 's/^\([a-z0-9][a-z0-9.+-]*\)$/\1/p' "$ROOT/packaging/fonts.list"); do
    freshroot run "$fresh" dpkg-query -W -f='${Status}\n' "$font" 2>/dev/null | grep -q 'install ok installed' \
        || die "$font was not installed with the package"
done
say "every font package of packaging/fonts.list came with it"

# The same files on both sides.
samples=$fresh/tmp/samples
mkdir -p "$samples"
sh "$ROOT/tests/fonts/layout-samples.sh" "$samples"
if [ -n "$corpus" ] && [ -d "$corpus" ]; then
    for f in "$corpus"/docx/*.docx "$corpus"/office-real/*; do
        [ -f "$f" ] && cp "$f" "$samples/"
    done
fi

pages() { # output of folio-cli info --json on stdin
    sed -n 's/.*"pageCount": *\([0-9][0-9]*\).*/\1/p' | head -n 1
}
checked=0
differ=0
for f in "$samples"/*; do
    base=$(basename -- "$f")
    a=$(FONTCONFIG_FILE=$fontconfig QT_QPA_PLATFORM=offscreen "$dev_cli" --quiet --timeout 60s info --json "$f" \
        2>/dev/null | pages)
    [ -n "$a" ] || continue
    b=$(freshroot run "$fresh" env QT_QPA_PLATFORM=offscreen folio-cli --quiet --timeout 60s info --json \
        "/tmp/samples/$base" 2>/dev/null | pages)
    checked=$((checked + 1))
    if [ "$a" = "$b" ]; then
        printf 'same     %s: %s pages\n' "$base" "$a"
    else
        printf 'DIFFERS  %s: %s pages in the development build, %s installed\n' "$base" "$a" "${b:-no}"
        differ=$((differ + 1))
    fi
done
[ "$checked" -gt 0 ] || die "no file could be laid out"
[ "$differ" -eq 0 ] || die "$differ of $checked files are paginated differently by the installed package"
say "$checked files, the same page counts installed as in the development build ($(($(date +%s) - start)) s in all)"
