#!/bin/sh
# Page 1 of office files from the corpus as an earlier Folio drew it, as Folio draws it now, and as
# LibreOffice prints it, side by side: office-spreadsheet.png, office-docx-table.png and
# office-pptx-table.png. Needs ImageMagick (montage) and LibreOffice (soffice).
#
#   docs/screenshots/office-compare.sh BEFORE_FOLIO_CLI
#
# BEFORE_FOLIO_CLI: a folio-cli built from an earlier commit (git worktree add, then a build).
set -eu
cd -- "$(dirname -- "$0")/../.."
ROOT=$(pwd -P)
BEFORE=$1
NOW=$ROOT/build/bin/folio-cli
CORPUS=${FOLIO_CORPUS_DIR:-$ROOT/../shared/corpus}/office-real
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

shot() { # FILE OUTPUT
    name=$(basename "${1%.*}")
    soffice --headless --convert-to pdf --outdir "$WORK" "$CORPUS/$1" >/dev/null 2>&1
    "$BEFORE" render "$CORPUS/$1" --pages 1 --width 600 --out "$WORK/before" --quiet
    "$NOW" render "$CORPUS/$1" --pages 1 --width 600 --out "$WORK/now" --quiet
    "$NOW" render "$WORK/$name.pdf" --pages 1 --width 600 --out "$WORK/lo" --quiet
    montage -label 'Folio before' "$WORK/before/page-1.png" -label 'Folio now' "$WORK/now/page-1.png" \
        -label 'LibreOffice 7.4' "$WORK/lo/page-1.png" -tile 3x1 -geometry +12+8 -pointsize 18 \
        -background '#dddddd' "docs/screenshots/$2"
    rm -rf "$WORK/before" "$WORK/now" "$WORK/lo"
}

shot openpyxl_sample.xlsx office-spreadsheet.png
shot pandoc_test_docx_table_header_rowspan.docx office-docx-table.png
shot pandoc_test_pptx_comparison_both-columns_templated.pptx office-pptx-table.png
