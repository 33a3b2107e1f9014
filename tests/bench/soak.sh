#!/bin/sh
# Soak (section 9 of run.sh; also runs alone): 10,000 renders and exports across every backend,
# each under a random timeout of 0-40 ms, so most are cancelled at a random moment. bench_soak
# fails when a run ends in anything but success or a clean cancel, when an export leaves a file
# behind, when threads or open files pile up, or when memory grows after the warm-up (the first
# tenth of the runs): see the top of bench_soak.cpp for what it measures and why.
#
#   tests/bench/soak.sh          the optimised build (build/bench/bench_soak; about 100 s)
#   tests/bench/soak.sh --asan   the AddressSanitizer + UBSan build (preset asan), LeakSanitizer
#                                on; builds bench_soak there first. Also fails on any sanitizer
#                                report, leaks at exit included (about twice as long)
#
# FOLIO_SOAK_RUNS sets the number of runs (10,000 in either build), FOLIO_SOAK_MAX_TIMEOUT_MS the
# longest timeout (40 ms; under ASan, where everything is slower, more of the runs are cancelled).
set -eu
cd -- "$(dirname -- "$0")/../.."
ROOT=$(pwd -P)
BENCH=$ROOT/build/bench
DATA=$ROOT/build/bench-data/soak
RESULTS=$BENCH/results.md
SANITIZE=0
for arg in "$@"; do
    case $arg in
        --asan) SANITIZE=1 ;;
        *) echo "usage: tests/bench/soak.sh [--asan]" >&2; exit 2 ;;
    esac
done
RUNS=${FOLIO_SOAK_RUNS:-10000}
MAX_TIMEOUT=${FOLIO_SOAK_MAX_TIMEOUT_MS:-40}
mkdir -p "$BENCH" "$DATA"
. "$ROOT/tests/bench/common.sh"

# One small document per family, made from sources in the tree (pandoc and LibreOffice make the
# Office files when they are installed).
cd "$DATA"
if [ ! -f notes.md ]; then
    cp "$ROOT/tests/data/two-pages.pdf" "$ROOT/resources/sample.pdf" "$ROOT/resources/icons/folio.svg" .
    cp "$ROOT/docs/screenshots/continuous.png" picture.png
    awk 'BEGIN { print "# Soak\n"; for (i = 0; i < 400; i++) printf "Paragraph %d with *some* words and a [link](https://example.org).\n\n", i }' >notes.md
    awk 'BEGIN { for (i = 0; i < 200000; i++) printf "line %d of the log\n", i }' >log.txt
    awk 'BEGIN { srand(5); for (i = 0; i < 20000; i++) printf "%d,name %d,%.4f\n", i, i, rand() }' >table.csv
    gzip -kf log.txt
    if command -v pandoc >/dev/null 2>&1; then
        for ext in docx odt epub pptx; do pandoc --metadata title=Soak notes.md -o "notes.$ext"; done
    fi
    if command -v soffice >/dev/null 2>&1; then
        soffice --headless --convert-to xlsx table.csv >/dev/null 2>&1 || true
        soffice --headless --convert-to ods table.csv >/dev/null 2>&1 || true
        [ -f notes.pptx ] && soffice --headless --convert-to odp notes.pptx >/dev/null 2>&1 || true
    fi
    if command -v bsdtar >/dev/null 2>&1; then
        bsdtar -a -cf archive.zip notes.md log.txt
        bsdtar -a -cf comic.cbz --format zip picture.png folio.svg
    fi
fi
cd "$ROOT"

if [ "$SANITIZE" = 0 ]; then
    out "### Soak: $RUNS renders and exports cancelled at random moments (\`bench_soak\`)"
    out ""
    # Not piped into tee: a pipeline's status would be tee's, and a failed soak would pass.
    status=0
    "$BENCH/bench_soak" --runs "$RUNS" --max-timeout-ms "$MAX_TIMEOUT" "$DATA"/* >"$BENCH/soak.md" 2>"$BENCH/soak-stderr" || status=$?
    tee -a "$RESULTS" <"$BENCH/soak.md"
    out ""
    [ "$status" -eq 0 ] || { echo "bench: soak failed (see $BENCH/soak-stderr)" >&2; exit 1; }
    exit 0
fi

# Under AddressSanitizer, UBSan and LeakSanitizer. bench_soak is not part of the asan preset's
# default build: build it alone (and whatever of viewer_core is out of date).
ASAN_BUILD=$ROOT/build-asan
STDERR=$BENCH/soak-asan-stderr
[ -f "$ASAN_BUILD/CMakeCache.txt" ] || { echo "bench: configure the ASan build first: cmake --preset asan" >&2; exit 1; }
cmake --build "$ASAN_BUILD" --target bench_soak >"$BENCH/soak-asan-build.log" 2>&1 || {
    tail -n 20 "$BENCH/soak-asan-build.log" >&2
    echo "bench: cannot build bench_soak in $ASAN_BUILD (see $BENCH/soak-asan-build.log)" >&2
    exit 1
}
# Leaks are checked at exit; halt_on_error makes any ASan or UBSan report end the run with an error.
# tests/fuzz/lsan.supp suppresses fontconfig's caches, which live as long as the process; every
# suppression that matched is printed (print_suppressions=1) and counted below.
ASAN_OPTIONS="detect_leaks=1:halt_on_error=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
LSAN_OPTIONS="suppressions=$ROOT/tests/fuzz/lsan.supp:print_suppressions=1${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS

out "### Soak under AddressSanitizer, UBSan and LeakSanitizer: $RUNS renders and exports cancelled at random moments (\`bench_soak\`, preset asan)"
out ""
status=0
start=$(date +%s)
"$ASAN_BUILD/bench/bench_soak" --runs "$RUNS" --max-timeout-ms "$MAX_TIMEOUT" "$DATA"/* >"$BENCH/soak-asan.md" 2>"$STDERR" || status=$?
seconds=$(($(date +%s) - start))
tee -a "$RESULTS" <"$BENCH/soak-asan.md"
out ""
count() { grep -c -E "$1" "$STDERR" || true; }
leaks=$(count 'ERROR: LeakSanitizer: detected memory leaks')
errors=$(($(count 'ERROR: AddressSanitizer') + $(count 'runtime error:') + $(count 'LeakSanitizer has encountered a fatal error')))
suppressed=$(awk '/^Suppressions used:/ { on = 1; next } on && $1 ~ /^[0-9]+$/ { n += $1 } END { print n + 0 }' "$STDERR")
if [ "$leaks" -ne 0 ]; then
    lsan="LEAKS ($(grep -m 1 'SUMMARY: AddressSanitizer: .* leaked' "$STDERR" | sed 's/^SUMMARY: AddressSanitizer: //; s/\.$//'))"
else
    lsan="no leaks"
fi
out "LeakSanitizer: $lsan; other sanitizer reports: $errors; allocations suppressed by tests/fuzz/lsan.supp: $suppressed; $seconds s in all (leak check at exit included)."
out ""
if [ "$status" -ne 0 ] || [ "$leaks" -ne 0 ] || [ "$errors" -ne 0 ]; then
    grep -m 1 -A 30 -E 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$STDERR" >&2 || true
    echo "bench: ASan soak failed (exit status $status; full report in $STDERR)" >&2
    exit 1
fi
