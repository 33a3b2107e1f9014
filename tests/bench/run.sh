#!/bin/sh
# Folio benchmarks, side by side with peers on the same machine in one run. Prints Markdown
# tables (also written to build/bench/results.md). Run through `./dev bench`.
#
# Sections run: all, or those named as arguments or in BENCH_SECTIONS (numbers, separated by
# spaces): `./dev bench 1 5`, `BENCH_SECTIONS="1b 5a" tests/bench/run.sh`. Part of a section
# alone: "1b" the cancel latency inside one large archive entry per engine, "5a" the listing.
set -eu
cd -- "$(dirname -- "$0")/../.."
ROOT=$(pwd -P)
BIN=$ROOT/build/bin
BENCH=$ROOT/build/bench
DATA=$ROOT/build/bench-data
CORPUS=${FOLIO_CORPUS_DIR:-$ROOT/../shared/corpus}
RUNS=${FOLIO_BENCH_RUNS:-3}
CANCEL_RUNS=${FOLIO_BENCH_CANCEL_RUNS:-200}
ENTRY_CANCEL_RUNS=${FOLIO_BENCH_ENTRY_CANCEL_RUNS:-50}
LIST_RUNS=${FOLIO_BENCH_LIST_RUNS:-5}
SECTIONS=${*:-${BENCH_SECTIONS:-1 2 3 4 5 6 7 8 9 10 11 12}}
mkdir -p "$BENCH" "$DATA"
RESULTS=$BENCH/results.md
: >"$RESULTS"

. "$ROOT/tests/bench/common.sh"

# Whether section $1 is to run.
want() {
    case " $SECTIONS " in *" $1 "*) return 0 ;; esac
    return 1
}

# Like measure (common.sh), to the millisecond: median wall time (s, 3 decimals) and that run's
# peak RSS (MB) of a command over $RUNS runs, from wait4()'s figures for the command alone.
measure_ms() {
    python3 - "$RUNS" "$@" <<'PY' 2>"$BENCH/stderr" || { echo "bench: failed: $*" >&2; cat "$BENCH/stderr" >&2; echo "- -"; }
import os, subprocess, sys, time
runs, command = int(sys.argv[1]), sys.argv[2:]
results = []
for _ in range(runs):
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit("exit status %d" % os.waitstatus_to_exitcode(status))
    results.append((elapsed, usage.ru_maxrss))  # ru_maxrss: KiB on Linux
results.sort()
elapsed, rss = results[(len(results) - 1) // 2]
print("%.3f %.0f" % (elapsed, rss / 1024))
PY
}

# $1 / $2 to two decimals, "-" when either is not a number.
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/ || b + 0 == 0) print "-"; else printf "%.2f\n", a / b }'
}

# The 1 GiB log sections 1 and 3 read, made once.
LOG=$DATA/big.log
ensure_log() {
    if [ ! -f "$LOG" ] || [ "$(stat -c %s "$LOG")" -lt 1073741824 ]; then
        echo "bench: generating a 1 GiB log in $LOG" >&2
        awk 'BEGIN { for (i = 0; i < 11000000; i++) printf "2026-11-25T12:%02d:%02d.%06d INFO worker-%d request %d served in %d ms from cache shard %d\n", (i / 60) % 60, i % 60, i % 1000000, i % 16, i, i % 997, i % 64 }' |
            head -c 1073741824 >"$LOG"
    fi
}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else return 1; fi
}

# The peers are Debian packages; install the missing ones.
need() { # command package
    command -v "$1" >/dev/null 2>&1 && return 0
    as_root env DEBIAN_FRONTEND=noninteractive apt-get -q -y install --no-install-recommends "$2" >/dev/null \
        || echo "bench: cannot install $2; its rows are skipped" >&2
}
need pdftoppm poppler-utils
need mutool mupdf-tools
need bsdtar libarchive-tools
need unzip unzip
[ -x /usr/bin/time ] || need /usr/bin/time time


out "Folio benchmarks — $(date -u '+%Y-%m-%d') — $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME")"
out ""

# 1. Cancel latency ---------------------------------------------------------------------------
if want 1; then
    out "### Cancel latency: cancel() to return, $CANCEL_RUNS runs cancelled at random moments"
    out ""
    out "| operation | uncancelled | cancelled runs | p50 ms | p99 ms | max ms |"
    out "|---|---|---|---|---|---|"
    if [ -f "$CORPUS/pdf/issue5567.pdf" ]; then
        "$BENCH/bench_cancel" render "$CORPUS/pdf/issue5567.pdf" --runs "$CANCEL_RUNS" --dpi 150 2>/dev/null | tee -a "$RESULTS"
    fi
    if [ -f "$CORPUS/pdf/libtasn1.pdf" ]; then
        "$BENCH/bench_cancel" render "$CORPUS/pdf/libtasn1.pdf" --runs "$CANCEL_RUNS" --dpi 600 --page 5 2>/dev/null | tee -a "$RESULTS"
    fi
    ensure_log
    "$BENCH/bench_cancel" scan "$LOG" --runs 50 2>/dev/null | tee -a "$RESULTS" || true
    out ""
fi

# 1b. Cancel latency inside one large archive entry, per engine --------------------------------
# One entry of 256 MiB of base64 text (deflates to ~75%) in each format, saved into a sink that
# discards (bench_cancel extract): the token must be polled per chunk whichever engine decodes.
# The archives are made once by bsdtar (a bzip2 ZIP by Python's zipfile where bsdtar cannot).
if { want 1 || want 1b; } && command -v bsdtar >/dev/null 2>&1; then
    ENTRY_DIR=$DATA/large-entry
    mkdir -p "$ENTRY_DIR"
    entry_source() { # the entry itself, made once for all the archives
        if [ ! -f "$ENTRY_DIR/src/entry.txt" ]; then
            echo "bench: generating archives of one 256 MiB entry in $ENTRY_DIR" >&2
            mkdir -p "$ENTRY_DIR/src"
            head -c 198705152 /dev/urandom | base64 -w 76 >"$ENTRY_DIR/src/entry.txt.part"
            mv "$ENTRY_DIR/src/entry.txt.part" "$ENTRY_DIR/src/entry.txt"
        fi
    }
    make_entry_archive() { # archive command...
        [ -f "$ENTRY_DIR/$1" ] && return 0
        archive=$1
        shift
        entry_source
        if (cd "$ENTRY_DIR/src" && "$@" "$ENTRY_DIR/$archive.part" entry.txt) >/dev/null 2>&1; then
            mv "$ENTRY_DIR/$archive.part" "$ENTRY_DIR/$archive"
        else
            rm -f "$ENTRY_DIR/$archive.part"
            return 1
        fi
    }
    zip_bzip2_python() { # OUT FILE
        python3 -c 'import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_BZIP2) as z:
    z.write(sys.argv[2])' "$@"
    }
    make_entry_archive deflate.zip bsdtar --format zip --options zip:compression=deflate -cf || true
    make_entry_archive bzip2.zip bsdtar --format zip --options zip:compression=bzip2 -cf \
        || make_entry_archive bzip2.zip zip_bzip2_python || echo "bench: cannot make a bzip2 ZIP; its row is skipped" >&2
    make_entry_archive lzma.7z bsdtar --format 7zip -cf || true
    make_entry_archive plain.tar bsdtar --format pax -cf || true
    make_entry_archive newc.cpio bsdtar --format newc -cf || true
    rm -rf "$ENTRY_DIR/src"
    out "### Cancel latency inside one large entry, per engine: $(du -m "$ENTRY_DIR/plain.tar" 2>/dev/null | cut -f1) MB saved into a sink that discards, $ENTRY_CANCEL_RUNS runs cancelled at random moments"
    out ""
    out "| operation | uncancelled | cancelled runs | p50 ms | p99 ms | max ms |"
    out "|---|---|---|---|---|---|"
    for archive in deflate.zip bzip2.zip lzma.7z plain.tar newc.cpio; do
        [ -f "$ENTRY_DIR/$archive" ] || continue
        # The row names the format and the engine that read it: "extract (ZIP, KArchive)".
        "$BENCH/bench_cancel" extract "$ENTRY_DIR/$archive" --runs "$ENTRY_CANCEL_RUNS" 2>/dev/null | tee -a "$RESULTS" \
            || echo "bench: bench_cancel extract $archive failed" >&2
    done
    out ""
fi

# 2. A 36-page PDF to PNG at 150 dpi ------------------------------------------------------------
if want 2; then
    PDF=$CORPUS/pdf/libtasn1.pdf
    if [ -f "$PDF" ]; then
        out "### libtasn1.pdf (36 pages) to PNG at 150 dpi, median of $RUNS runs"
        out ""
        out "| tool | wall s | peak RSS MB | vs pdftoppm |"
        out "|---|---|---|---|"
        rm -rf "$DATA/png"
        mkdir -p "$DATA/png"
        set -- $(measure pdftoppm -r 150 -png "$PDF" "$DATA/png/p")
        base=$1
        out "| pdftoppm -r 150 -png | $1 | $2 | 1.00 |"
        # The same rendering without PNG encoding, to show what the encoder costs pdftoppm.
        set -- $(measure pdftoppm -r 150 "$PDF" "$DATA/png/q")
        out "| pdftoppm -r 150 (PPM, uncompressed) | $1 | $2 | $(awk "BEGIN { printf \"%.2f\", $1 / $base }") |"
        if command -v mutool >/dev/null 2>&1; then
            set -- $(measure mutool draw -q -r 150 -o "$DATA/png/m-%d.png" "$PDF")
            out "| mutool draw -r 150 | $1 | $2 | $(awk "BEGIN { printf \"%.2f\", $1 / $base }") |"
        fi
        set -- $(measure "$BIN/folio-cli" render "$PDF" --out "$DATA/png/folio" --dpi 150 --quiet)
        out "| folio-cli render --dpi 150 ($(nproc) threads) | $1 | $2 | $(awk "BEGIN { printf \"%.2f\", $1 / $base }") |"
        set -- $(measure "$BIN/folio-cli" render "$PDF" --out "$DATA/png/folio1" --dpi 150 --threads 1 --quiet)
        out "| folio-cli render --dpi 150 --threads 1 | $1 | $2 | $(awk "BEGIN { printf \"%.2f\", $1 / $base }") |"
        out ""
    fi
fi

# 3. First page of a 1 GiB log -------------------------------------------------------------------
if want 3; then
    ensure_log
    out "### First page of a 1 GiB log (render page 1 to PNG; info counts every page)"
    out ""
    out "| command | wall s | peak RSS MB |"
    out "|---|---|---|"
    set -- $(measure "$BIN/folio-cli" render "$LOG" --pages 1 --out "$DATA/log" --quiet)
    out "| folio-cli render big.log --pages 1 | $1 | $2 |"
    set -- $(measure "$BIN/folio-cli" text "$LOG" --pages 1)
    out "| folio-cli text big.log --pages 1 | $1 | $2 |"
    set -- $(measure "$BIN/folio-cli" info "$LOG")
    out "| folio-cli info big.log (all pages) | $1 | $2 |"
    set -- $(measure wc -l "$LOG")
    out "| wc -l big.log (reference: one pass) | $1 | $2 |"
    out ""
fi

# 4. Event-loop stalls while reading ----------------------------------------------------------------
# A 1 ms timer on the GUI thread of a MainWindow (offscreen) while it opens the file, scrolls through
# it a screen at a time (40 pages at most), zooms in and out; every gap over 16 ms is a dropped frame.
# --generated adds a 100,000-entry ZIP (its Attachments tab shown and scrolled to the end), a
# 20,000-row XLSX and a 1 GiB log (counted in the background meanwhile), made in a temporary
# folder; FOLIO_BENCH_STALL_LOG_MB (1024) sets the log's size, for a quicker run.
if want 4; then
    if [ -x "$BENCH/bench_gui_stall" ]; then
        set --
        for f in issue5567.pdf libtasn1.pdf; do
            if [ -f "$CORPUS/pdf/$f" ]; then set -- "$@" "$CORPUS/pdf/$f"; fi
        done
        out "### Event-loop stalls: gaps between ticks of a 1 ms timer while opening, scrolling and zooming"
        out ""
        out "| file | pages | page 1 shown | run | ticks | p50 ms | p99 ms | max ms | gaps > 16 ms | GUI busy in them |"
        out "|---|---|---|---|---|---|---|---|---|---|"
        "$BENCH/bench_gui_stall" "$@" --generated 2>/dev/null | tee -a "$RESULTS" || true
        out ""
    fi
fi

# 5. Archives ------------------------------------------------------------------------------------
# A 100,000-entry ZIP listed by each tool (folio-cli attachments prints every entry with its size,
# as bsdtar -tv does; info also lays the listing out in pages), to the millisecond, median of
# FOLIO_BENCH_LIST_RUNS (5) runs; the goal: attachments --json in at most half bsdtar -tvf's time
# and under 60 MB. Then the first page of a ~300 MB comic book. "5a" runs the listing alone.
if want 5 || want 5a; then
    ZIP=$DATA/100k.zip
    if [ ! -f "$ZIP" ]; then
        echo "bench: generating a 100,000-entry ZIP in $ZIP (takes minutes: KZip writes slowly)" >&2
        "$BENCH/bench_archive" zip "$ZIP.part" 100000 && mv "$ZIP.part" "$ZIP"
    fi
    saved_runs=$RUNS
    RUNS=$LIST_RUNS
    out "### Listing a 100,000-entry ZIP ($(du -m "$ZIP" | cut -f1) MB), median of $RUNS runs"
    out ""
    out "| command | wall s | peak RSS MB | time vs bsdtar -tvf |"
    out "|---|---|---|---|"
    base=-
    if command -v bsdtar >/dev/null 2>&1; then
        set -- $(measure_ms bsdtar -tvf "$ZIP")
        base=$1
        out "| bsdtar -tvf (names, sizes, dates) | $1 | $2 | 1.00 |"
        set -- $(measure_ms bsdtar -tf "$ZIP")
        out "| bsdtar -tf (names only) | $1 | $2 | $(ratio "$1" "$base") |"
    fi
    if command -v unzip >/dev/null 2>&1; then
        set -- $(measure_ms unzip -l "$ZIP")
        out "| unzip -l | $1 | $2 | $(ratio "$1" "$base") |"
    fi
    set -- $(measure_ms "$BIN/folio-cli" attachments "$ZIP" --json)
    json_time=$1
    json_rss=$2
    out "| folio-cli attachments --json | $1 | $2 | $(ratio "$1" "$base") |"
    set -- $(measure_ms "$BIN/folio-cli" attachments "$ZIP")
    out "| folio-cli attachments | $1 | $2 | $(ratio "$1" "$base") |"
    set -- $(measure_ms "$BIN/folio-cli" info "$ZIP")
    out "| folio-cli info (listing laid out in pages) | $1 | $2 | $(ratio "$1" "$base") |"
    out ""
    json_ratio=$(ratio "$json_time" "$base")
    verdict=$(awk -v r="$json_ratio" -v m="$json_rss" 'BEGIN {
        if (r !~ /^[0-9.]+$/ || m !~ /^[0-9.]+$/) { print "not measured"; exit }
        s = ""
        if (r + 0 > 0.5) s = s sprintf("time over the goal (%.2f× > 0.50×)", r)
        if (m + 0 >= 60) s = s (s == "" ? "" : ", ") sprintf("memory over the goal (%d MB ≥ 60 MB)", m)
        print s == "" ? "within the goal" : s
    }')
    out "Goal for \`folio-cli attachments --json\`: at most 0.50× bsdtar -tvf's time and under 60 MB; measured ${json_ratio}× and $json_rss MB: $verdict."
    out ""
    RUNS=$saved_runs
fi
if want 5; then
    CBZ=$DATA/300mb.cbz
    if [ ! -f "$CBZ" ]; then
        echo "bench: generating a 300 MB comic book in $CBZ" >&2
        "$BENCH/bench_archive" cbz "$CBZ.part" 300 && mv "$CBZ.part" "$CBZ"
    fi
    out "### First page of a $(du -m "$CBZ" | cut -f1) MB comic book ($(unzip -l "$CBZ" 2>/dev/null | tail -1 | awk '{ print $2 }') pages of 1600 × 2400 px), median of $RUNS runs"
    out ""
    out "| command | wall s | peak RSS MB |"
    out "|---|---|---|"
    set -- $(measure "$BIN/folio-cli" render "$CBZ" --pages 1 --dpi 96 --format jpg --out "$DATA/cbz" --quiet)
    out "| folio-cli render --pages 1 --dpi 96 --format jpg (page at its own size) | $1 | $2 |"
    set -- $(measure "$BIN/folio-cli" render "$CBZ" --pages 1 --width 800 --format jpg --out "$DATA/cbz" --quiet)
    out "| folio-cli render --pages 1 --width 800 --format jpg | $1 | $2 |"
    set -- $(measure "$BIN/folio-cli" render "$CBZ" --pages 1 --out "$DATA/cbz" --quiet)
    out "| folio-cli render --pages 1 (150 dpi PNG: 2500 × 3750 px of noise to encode) | $1 | $2 |"
    set -- $(measure "$BIN/folio-cli" info "$CBZ")
    out "| folio-cli info (every page's size from its header) | $1 | $2 |"
    if command -v unzip >/dev/null 2>&1; then
        set -- $(measure unzip -p "$CBZ" pages/page1.jpg)
        out "| unzip -p page1.jpg (reference: extract the page only) | $1 | $2 |"
    fi
    out ""
fi

# 6. Extracting a 1 GiB archive ------------------------------------------------------------------
# 64 files of 16 MiB of base64 text (deflates to ~75%), in a ZIP made by bsdtar; each run unpacks
# into a fresh folder (removing it is part of both tools' time).
if want 6; then
    BIG_ZIP=$DATA/extract-1g.zip
    if command -v bsdtar >/dev/null 2>&1; then
        if [ ! -f "$BIG_ZIP" ]; then
            mkdir -p "$DATA/extract-src"
            n=0
            while [ "$n" -lt 64 ]; do
                head -c 12582912 /dev/urandom | base64 -w 76 >"$DATA/extract-src/part-$n.txt"
                n=$((n + 1))
            done
            (cd "$DATA/extract-src" && bsdtar -a -cf "$BIG_ZIP.part" .) && mv "$BIG_ZIP.part" "$BIG_ZIP"
            rm -rf "$DATA/extract-src"
        fi
        out "### Extracting a 1 GiB ZIP (64 × 16 MiB, deflated), median of $RUNS runs"
        out ""
        out "| command | wall s | peak RSS MB |"
        out "|---|---|---|"
        set -- $(measure sh -c 'rm -rf "$1" && mkdir "$1" && bsdtar -xf "$2" -C "$1"' sh "$DATA/x-bsdtar" "$BIG_ZIP")
        out "| bsdtar -xf | $1 | $2 |"
        set -- $(measure sh -c 'rm -rf "$1" && "$2" extract "$3" --all --out "$1" --quiet' sh "$DATA/x-folio" "$BIN/folio-cli" "$BIG_ZIP")
        out "| folio-cli extract --all | $1 | $2 |"
        rm -rf "$DATA/x-bsdtar" "$DATA/x-folio"
        out ""
    fi
fi

# 7. Office documents -----------------------------------------------------------------------------
if want 7; then
    "$ROOT/tests/bench/office.sh"
fi

# 8. Exports (HTML versus mammoth and pandoc, PDF versus LibreOffice) ----------------------------
if want 8; then
    "$ROOT/tests/bench/export.sh"
fi

# 10. Find ----------------------------------------------------------------------------------------
# A word missing from the 1 GiB log, folio-cli find against grep -c side by side (goal: at most
# 3× grep), and pages a second of a search as the find bar runs it, on PDFs (the first search
# extracts every page's text; the next reads it from the page store), with pdftotext as the peer
# of the first.
if want 10; then
    ensure_log
    out "### Find: a missing word in the 1 GiB log, median of $RUNS runs"
    out ""
    out "| command | wall s | peak RSS MB | ratio to grep |"
    out "|---|---|---|---|"
    set -- $(measure_ms sh -c 'grep -c zqxjkv "$1" >/dev/null; [ $? -eq 1 ]' sh "$LOG")
    grep_s=$1
    out "| grep -c | $1 | $2 | 1.00 |"
    set -- $(measure_ms sh -c '"$1" find "$2" zqxjkv --quiet; [ $? -eq 5 ]' sh "$BIN/folio-cli" "$LOG")
    out "| folio-cli find | $1 | $2 | $(ratio "$1" "$grep_s") |"
    set -- $(measure_ms sh -c 'grep -ci zqxjkv "$1" >/dev/null; [ $? -eq 1 ]' sh "$LOG")
    out "| grep -ci (ignoring case, like find) | $1 | $2 | $(ratio "$1" "$grep_s") |"
    out ""
    out "### Find: pages a second searching for a missing word"
    out ""
    out "| file | pages | first search pages/s | next search pages/s | pdftotext pages/s |"
    out "|---|---|---|---|---|"
    for pdf in "$CORPUS/pdf/libtasn1.pdf" "$CORPUS/pdf/issue5567.pdf" "$CORPUS/pdf/mixedfonts.pdf"; do
        [ -f "$pdf" ] || continue
        row=$("$BENCH/bench_find" "$pdf" --runs "$RUNS" 2>/dev/null) || continue
        pages=$(printf '%s' "$row" | awk -F'|' '{ print $3 + 0 }')
        set -- $(measure_ms pdftotext "$pdf" /dev/null)
        out "$row $(awk -v p="$pages" -v s="$1" 'BEGIN { if (s + 0 > 0) printf "%.0f", p / s; else print "-" }') |"
    done
    out ""
fi

# 11. Printing to PDF ---------------------------------------------------------------------------
# File › Print's job (PrintJob::print, through bench_print) into a PDF file on A4 with the print
# dialog's high-resolution printer: a ~90-page Markdown report, drawn as vectors (real text), and
# the same report as a PDF, which has no vector drawing (each page a picture at the printer's
# resolution, at most 16 MP: ~400 dpi on A4), its first 30 pages. The peer, pdftocairo
# -pdf on the same pages, copies vectors and rasterises nothing: it bounds what a print could cost.
if want 11; then
    PRINT_DIR=$DATA/print
    PRINT_PAGES=30
    mkdir -p "$PRINT_DIR"
    [ -f "$PRINT_DIR/report.md" ] || report_markdown 30 >"$PRINT_DIR/report.md"
    # The report as a PDF: the vector print itself.
    [ -f "$PRINT_DIR/report.pdf" ] || "$BENCH/bench_print" "$PRINT_DIR/report.md" "$PRINT_DIR/report.pdf" --runs 1 >/dev/null 2>&1
    out "### Printing to PDF (A4, high-resolution printer), median of $RUNS runs"
    out ""
    out "| document | drawn as | pages | wall s | pages/s | vs pdftocairo -pdf |"
    out "|---|---|---|---|---|---|"
    peer=-
    if command -v pdftocairo >/dev/null 2>&1; then
        set -- $(measure_ms pdftocairo -pdf -f 1 -l "$PRINT_PAGES" "$PRINT_DIR/report.pdf" "$PRINT_DIR/cairo.pdf")
        peer=$1
    fi
    set -- $("$BENCH/bench_print" "$PRINT_DIR/report.md" "$PRINT_DIR/printed.pdf" --runs "$RUNS" 2>/dev/null || echo - - -)
    out "| report.md (Markdown, every page) | $3 | $1 | $2 | $(ratio "$1" "$2") | - |"
    set -- $("$BENCH/bench_print" "$PRINT_DIR/report.pdf" "$PRINT_DIR/printed.pdf" --runs "$RUNS" --pages "$PRINT_PAGES" 2>/dev/null || echo - - -)
    out "| report.pdf (first $PRINT_PAGES pages) | $3 | $1 | $2 | $(ratio "$1" "$2") | $(ratio "$2" "$peer") |"
    out "| pdftocairo -pdf -f 1 -l $PRINT_PAGES report.pdf (peer) | vectors | $PRINT_PAGES | $peer | $(ratio "$PRINT_PAGES" "$peer") | 1.00 |"
    rm -f "$PRINT_DIR/printed.pdf" "$PRINT_DIR/cairo.pdf"
    out ""
fi

# 12. Office fidelity against LibreOffice -------------------------------------------------------
if want 12; then
    "$ROOT/tests/bench/fidelity.sh"
fi

# 9. Soak: renders and exports cancelled at random moments --------------------------------------
if want 9; then
    "$ROOT/tests/bench/soak.sh" || echo "bench: the soak found a problem" >&2
fi

echo "bench: results in $RESULTS" >&2
