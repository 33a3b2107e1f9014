#!/bin/sh
# Office fidelity against LibreOffice (section 12 of run.sh; also runs alone): every DOCX, ODT,
# PPTX, ODP, XLSX, XLSM and ODS in the corpus's office-real/ folder, laid out by Folio next to
# LibreOffice's PDF export of the same file (bench_fidelity). Per family: how many files have
# LibreOffice's page count, the mean share of LibreOffice's words Folio's text has, and the mean
# similarity of the first pages' ink (0..1). Appends Markdown tables to build/bench/results.md;
# the per-file table goes to build/bench/fidelity.md.
#
# LibreOffice's PDFs are kept in build/bench-data/fidelity/ (made again when the file is newer).
set -eu
cd -- "$(dirname -- "$0")/../.."
ROOT=$(pwd -P)
BENCH=$ROOT/build/bench
DATA=$ROOT/build/bench-data/fidelity
CORPUS=${FOLIO_CORPUS_DIR:-$ROOT/../shared/corpus}
FILES=${FOLIO_FIDELITY_DIR:-$CORPUS/office-real}
mkdir -p "$BENCH" "$DATA"
RESULTS=$BENCH/results.md
DETAILS=$BENCH/fidelity.md

. "$ROOT/tests/bench/common.sh"

need_office_tools fidelity
[ -d "$FILES" ] || { echo "bench: no $FILES; fidelity section skipped" >&2; exit 0; }

# LibreOffice's PDFs of the files that have none yet, in one soffice run (it starts slowly).
set --
for f in "$FILES"/*; do
    case $f in *.docx | *.odt | *.pptx | *.odp | *.xlsx | *.xlsm | *.ods) ;; *) continue ;; esac
    pdf=$DATA/$(basename "${f%.*}").pdf
    if [ ! -f "$pdf" ] || [ "$f" -nt "$pdf" ]; then
        set -- "$@" "$f"
    fi
done
if [ $# -gt 0 ]; then
    echo "bench: LibreOffice converts $# files (once)" >&2
    soffice --headless --convert-to pdf --outdir "$DATA" "$@" >/dev/null 2>&1 || true
fi

: >"$DETAILS"
printf '| file | LibreOffice pages | Folio pages | word share | page-1 similarity | note |\n|---|---|---|---|---|---|\n' >>"$DETAILS"
for f in "$FILES"/*; do
    case $f in
        *.docx) family=DOCX ;;
        *.odt) family=ODT ;;
        *.pptx | *.odp) family=PPTX/ODP ;;
        *.xlsx | *.xlsm | *.ods) family=XLSX/ODS ;;
        *) continue ;;
    esac
    pdf=$DATA/$(basename "${f%.*}").pdf
    if [ ! -f "$pdf" ]; then
        printf '| %s | – | – | – | – | LibreOffice made no PDF |\n' "$(basename "$f")" >>"$DETAILS"
        continue
    fi
    row=$("$BENCH/bench_fidelity" "$f" "$pdf" 2>/dev/null || true)
    printf '%s\n' "$row" >>"$DETAILS"
    printf '%s\t%s\n' "$family" "$row" >>"$DETAILS.rows"
done

out "### Office fidelity against LibreOffice $(soffice --version 2>/dev/null | sed -n 's/^LibreOffice \([0-9.]*\).*/\1/p' | head -n 1) (office-real/, per file in build/bench/fidelity.md)"
out ""
out "| family | files | same page count | mean word share | mean page-1 similarity |"
out "|---|---|---|---|---|"
out "$(awk -F'\t' '
    { split($2, c, "|"); family = $1; lo = c[3] + 0; folio = c[4] + 0; share = c[5]; sim = c[6]
      gsub(/ /, "", share); gsub(/ /, "", sim)
      files[family]++
      if (share == "–" || share == "") { failed[family]++; next }
      if (lo == folio) same[family]++
      shares[family] += share; sims[family] += sim; measured[family]++ }
    END { n = split("DOCX ODT PPTX/ODP XLSX/ODS", order, " ")
      for (i = 1; i <= n; i++) { f = order[i]; if (!(f in files)) continue
        m = measured[f] ? measured[f] : 1
        printf "| %s | %d | %d (%.0f%%) | %.3f | %.3f |\n", f, files[f], same[f], 100 * same[f] / files[f], shares[f] / m, sims[f] / m } }
' "$DETAILS.rows")"
out ""
rm -f "$DETAILS.rows"
