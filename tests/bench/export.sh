#!/bin/sh
# Export benchmarks (section 8 of run.sh; also runs alone): a 200-page DOCX to HTML versus mammoth
# and pandoc, and a ~170-page DOCX saved by LibreOffice to PDF versus LibreOffice itself.
# (PDF to PNG against pdftoppm and mutool is section 2.) Appends to build/bench/results.md.
set -eu
cd -- "$(dirname -- "$0")/../.."
ROOT=$(pwd -P)
BIN=$ROOT/build/bin
BENCH=$ROOT/build/bench
DATA=$ROOT/build/bench-data/export
OFFICE=$ROOT/build/bench-data/office
RUNS=${FOLIO_BENCH_RUNS:-3}
mkdir -p "$BENCH" "$DATA"
RESULTS=$BENCH/results.md

. "$ROOT/tests/bench/common.sh"

need_office_tools export

# Shares mammoth and the 200-page report with the office section.
MAMMOTH_DIR=$OFFICE/node
ensure_mammoth "$MAMMOTH_DIR"
DOCX=$OFFICE/report.docx
if [ ! -f "$DOCX" ]; then
    report_markdown 57 >"$OFFICE/report.md"
    pandoc "$OFFICE/report.md" -o "$DOCX"
fi
pages() { "$BIN/folio-cli" info "$1" --json 2>/dev/null | sed -n 's/.*"pageCount": *\([0-9]*\).*/\1/p'; }
ratio() { awk "BEGIN { if ($2 > 0) printf \"%.2f\", $1 / $2; else print \"-\" }"; }

out "### Exports: a $(pages "$DOCX")-page DOCX (pandoc) to HTML, median of $RUNS runs"
out ""
out "| command | wall s | peak RSS MB | vs mammoth |"
out "|---|---|---|---|"
base=0
if [ -d "$MAMMOTH_DIR/node_modules/mammoth" ]; then
    set -- $(measure node -e 'require(process.argv[1]).convertToHtml({path: process.argv[2]}).then(r => require("fs").writeFileSync(process.argv[3], r.value))' \
        "$MAMMOTH_DIR/node_modules/mammoth" "$DOCX" "$DATA/mammoth.html")
    base=$1
    out "| mammoth convertToHtml (node, one file, images embedded) | $1 | $2 | 1.00 |"
fi
set -- $(measure pandoc "$DOCX" -s -o "$DATA/pandoc.html")
out "| pandoc -s -o report.html (one file) | $1 | $2 | $(ratio "$1" "$base") |"
rm -rf "$DATA/html"
set -- $(measure "$BIN/folio-cli" render "$DOCX" --format html --out "$DATA/html" --quiet)
out "| folio-cli render --format html (one file per page, embedded) | $1 | $2 | $(ratio "$1" "$base") |"
set -- $(measure "$BIN/folio-cli" render "$DOCX" --format html --external-resources --out "$DATA/html-ext" --quiet)
out "| folio-cli render --format html --external-resources | $1 | $2 | $(ratio "$1" "$base") |"
out ""

# ~170 pages, saved by LibreOffice (its own DOCX writer, styles and settings).
LODOCX=$DATA/lo/report170.docx
if [ ! -f "$LODOCX" ]; then
    mkdir -p "$DATA/lo"
    report_markdown 48 >"$DATA/report170.md"
    pandoc "$DATA/report170.md" -o "$DATA/report170.odt"
    soffice --headless --convert-to docx --outdir "$DATA/lo" "$DATA/report170.odt" >/dev/null 2>&1
fi
mkdir -p "$DATA/lopdf"
soffice --headless --convert-to pdf --outdir "$DATA/lopdf" "$LODOCX" >/dev/null 2>&1 || true
out "### Exports: a DOCX saved by LibreOffice ($(pages "$DATA/lopdf/report170.pdf") pages in LibreOffice, $(pages "$LODOCX") in Folio) to PDF, median of $RUNS runs"
out ""
out "| command | wall s | peak RSS MB | vs soffice |"
out "|---|---|---|---|"
set -- $(measure soffice --headless --convert-to pdf --outdir "$DATA/lopdf" "$LODOCX")
base=$1
out "| soffice --headless --convert-to pdf | $1 | $2 | 1.00 |"
set -- $(measure "$BIN/folio-cli" render "$LODOCX" --format pdf --out "$DATA/folio-pdf" --quiet)
out "| folio-cli render --format pdf (vector text, fonts embedded) | $1 | $2 | $(ratio "$1" "$base") |"
set -- $(measure "$BIN/folio-cli" render "$LODOCX" --format html --out "$DATA/folio-html" --quiet)
out "| folio-cli render --format html (same file) | $1 | $2 | $(ratio "$1" "$base") |"
out ""
