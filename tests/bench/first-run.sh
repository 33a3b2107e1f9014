#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's quick start on a freshly installed machine: copies the committed tree into a fresh
# minimal Debian root (packaging/freshroot.sh) and times `./dev run` there from nothing (no
# packages, no KArchive, no ccache, no display: it renders the bundled sample with folio-cli), as
# a new user's first command. With --test, then times `./dev test` in the same root as well.
# Needs root and debootstrap; takes minutes. Writes build/bench/first-run.md.
#
# usage: tests/bench/first-run.sh [--test] [--keep]
set -eu

ROOT=$(CDPATH='' cd -- "$(dirname -- "$0")/../.." && pwd)
cd "$ROOT"
with_test=0
keep=0
for arg in "$@"; do
    case $arg in
        --test) with_test=1 ;;
        --keep) keep=1 ;;
        *)
            echo "usage: $0 [--test] [--keep]" >&2
            exit 2
            ;;
    esac
done

fresh=$ROOT/.deps/first-run/root
out=$ROOT/build/bench
mkdir -p "$out" "$(dirname "$fresh")"
freshroot() { sh "$ROOT/packaging/freshroot.sh" "$@"; }
cleanup() { if [ "$keep" = 0 ]; then freshroot destroy "$fresh" || true; fi; }
trap cleanup EXIT INT TERM

say() { printf '[first-run %s] %s\n' "$(date +%T)" "$*"; }
say "removing an earlier fresh root"
freshroot destroy "$fresh"
say "unpacking a fresh root"
freshroot create "$fresh"
say "copying the project"
# The project as a clone has it: the committed files (and the corpus beside it, as in CI).
mkdir -p "$fresh/work/project"
git -C "$ROOT" archive HEAD | tar -x -C "$fresh/work/project"
if [ -d "$ROOT/../shared" ]; then cp -a "$ROOT/../shared" "$fresh/work/shared"; fi

log=$out/first-run.log
timed() { # label command...
    label=$1
    shift
    start=$(date +%s)
    status=0
    freshroot run "$fresh" sh -c "cd /work/project && $*" >>"$log" 2>&1 || status=$?
    seconds=$(($(date +%s) - start))
    printf '| %s | %d min %02d s | %s |\n' "$label" $((seconds / 60)) $((seconds % 60)) \
        "$([ "$status" = 0 ] && echo ok || echo "failed ($status)")" >>"$out/first-run.md"
    say "$label: $seconds s, exit $status"
}

: >"$log"
{
    printf '# First run on a fresh machine (%s, %s cores)\n\n' "$(date -u +%Y-%m-%d)" "$(nproc)"
    printf '| command | wall | result |\n|---|---|---|\n'
} >"$out/first-run.md"
timed "./dev run (first, from nothing)" ./dev run
timed "./dev run (again)" ./dev run
if [ "$with_test" = 1 ]; then
    timed "./dev test (after ./dev run)" ./dev test
fi
cat "$out/first-run.md"
