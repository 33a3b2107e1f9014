#!/bin/sh
# Office benchmarks (section 7 of run.sh; also runs alone): a 200-page DOCX made by pandoc —
# first page on screen versus LibreOffice converting it, whole-document text versus pandoc and
# mammoth — and the first page of a 20,000-row spreadsheet and of a 100-slide deck.
# Appends Markdown tables to build/bench/results.md (run.sh empties it first).
set -eu
cd -- "$(dirname -- "$0")/../.."
ROOT=$(pwd -P)
BIN=$ROOT/build/bin
BENCH=$ROOT/build/bench
DATA=$ROOT/build/bench-data/office
RUNS=${FOLIO_BENCH_RUNS:-3}
mkdir -p "$BENCH" "$DATA"
RESULTS=$BENCH/results.md

. "$ROOT/tests/bench/common.sh"

need_office_tools office

# mammoth (npm) for the text comparison, installed once into the bench data folder.
MAMMOTH_DIR=$DATA/node
ensure_mammoth "$MAMMOTH_DIR"

# A long report in Markdown: 57 chapters (about 200 pages) of headings, paragraphs, lists and a table each.
DOC_MD=$DATA/report.md
if [ ! -f "$DATA/report.docx" ]; then
    report_markdown 57 >"$DOC_MD"
    pandoc "$DOC_MD" -o "$DATA/report.docx"
    pandoc "$DOC_MD" -o "$DATA/report.odt"
fi
DOCX=$DATA/report.docx
# LibreOffice's own page count for the same file (its PDF), for the table's context.
if [ ! -f "$DATA/lo/report.pdf" ]; then
    soffice --headless --convert-to pdf --outdir "$DATA/lo" "$DOCX" >/dev/null 2>&1 || true
fi
LO_PAGES=$("$BIN/folio-cli" info "$DATA/lo/report.pdf" --json 2>/dev/null | sed -n 's/.*"pageCount": *\([0-9]*\).*/\1/p')
FOLIO_PAGES=$("$BIN/folio-cli" info "$DOCX" --json 2>/dev/null | sed -n 's/.*"pageCount": *\([0-9]*\).*/\1/p')

out "### A ${LO_PAGES:-?}-page DOCX made by pandoc (Folio lays it out in ${FOLIO_PAGES:-?} pages)"
out ""
out "First page on screen, in process (open, ensurePages(1), render page 1 at 96 dpi), median of 5:"
out ""
out "| file | open ms | first page ms | total ms | pages known |"
out "|---|---|---|---|---|"
out "$("$BENCH/bench_firstpage" "$DOCX" --runs 5 2>/dev/null)"
out "$("$BENCH/bench_firstpage" "$DATA/report.odt" --runs 5 2>/dev/null)"
out ""
out "Whole documents, median of $RUNS runs:"
out ""
out "| command | wall s | peak RSS MB |"
out "|---|---|---|"
set -- $(measure "$BIN/folio-cli" render "$DOCX" --pages 1 --dpi 96 --out "$DATA/first" --quiet)
out "| folio-cli render --pages 1 --dpi 96 (a whole process) | $1 | $2 |"
set -- $(measure soffice --headless --convert-to pdf --outdir "$DATA/lo" "$DOCX")
out "| soffice --headless --convert-to pdf (the peer has no first-page mode) | $1 | $2 |"
set -- $(measure "$BIN/folio-cli" text "$DOCX")
out "| folio-cli text (all pages) | $1 | $2 |"
set -- $(measure pandoc -t plain "$DOCX")
out "| pandoc -t plain | $1 | $2 |"
if [ -d "$MAMMOTH_DIR/node_modules/mammoth" ]; then
    set -- $(measure node -e 'require(process.argv[1]).extractRawText({path: process.argv[2]}).then(r => process.stdout.write(r.value))' \
        "$MAMMOTH_DIR/node_modules/mammoth" "$DOCX")
    out "| mammoth extractRawText (node) | $1 | $2 |"
fi
out ""

# A 20,000-row sheet and a 100-slide deck: the first page must not wait for the rest.
if [ ! -f "$DATA/rows.xlsx" ]; then
    awk 'BEGIN { srand(3); print "id,name,amount,date,flag,note"
        for (i = 1; i <= 20000; i++) printf "%d,item %d,%.2f,2024-%02d-%02d,%s,row %d of the sheet\n", i, i, rand() * 1000, 1 + i % 12, 1 + i % 28, (i % 2 ? "TRUE" : "FALSE"), i }' >"$DATA/rows.csv"
    soffice --headless --convert-to xlsx --outdir "$DATA" "$DATA/rows.csv" >/dev/null 2>&1 || true
    soffice --headless --convert-to ods --outdir "$DATA" "$DATA/rows.csv" >/dev/null 2>&1 || true
fi
if [ ! -f "$DATA/deck.pptx" ]; then
    awk 'BEGIN { for (s = 1; s <= 100; s++) { printf "# Slide %d\n\n- first point of slide %d\n- second point\n    - a sub-point\n- third point\n\n", s, s } }' >"$DATA/deck.md"
    pandoc "$DATA/deck.md" -o "$DATA/deck.pptx"
    soffice --headless --convert-to odp --outdir "$DATA" "$DATA/deck.pptx" >/dev/null 2>&1 || true
fi
out "### First page of big spreadsheets and presentations (in process, median of 5)"
out ""
out "| file | open ms | first page ms | total ms | pages known |"
out "|---|---|---|---|---|"
for f in "$DATA/rows.xlsx" "$DATA/rows.ods" "$DATA/deck.pptx" "$DATA/deck.odp"; do
    [ -f "$f" ] && out "$("$BENCH/bench_firstpage" "$f" --runs 5 2>/dev/null)"
done
out ""
