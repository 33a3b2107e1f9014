#!/bin/sh
# Soak (section 9 of run.sh; also runs alone): 10,000 renders and exports across every backend,
# each under a random timeout of 0-40 ms, so most are cancelled at a random moment. bench_soak
# fails when a run ends in anything but success or a clean cancel, when an export leaves a file
# behind, when threads pile up, or when memory grows from the first quarter to the last.
set -eu
cd -- "$(dirname -- "$0")/../.."
ROOT=$(pwd -P)
BENCH=$ROOT/build/bench
DATA=$ROOT/build/bench-data/soak
RESULTS=$BENCH/results.md
RUNS=${FOLIO_SOAK_RUNS:-10000}
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

out "### Soak: $RUNS renders and exports cancelled at random moments (\`bench_soak\`)"
out ""
status=0
"$BENCH/bench_soak" --runs "$RUNS" --max-timeout-ms 40 "$DATA"/* 2>"$BENCH/soak-stderr" | tee -a "$RESULTS" || status=$?
out ""
[ "$status" -eq 0 ] || { echo "bench: soak failed (see $BENCH/soak-stderr)" >&2; exit 1; }
