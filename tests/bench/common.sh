# Shared by the benchmark scripts (sourced; BENCH, RESULTS and RUNS set by the caller).

# The benchmark programs convert times as the applications do: with TZ set, glibc does not stat
# /etc/localtime on every local time conversion (one per archive entry).
export TZ="${TZ:-:/etc/localtime}"

out() { printf '%s\n' "$*" | tee -a "$RESULTS"; }

# Median wall time (s) and peak RSS (MB) of a command over $RUNS runs: prints "SECONDS MB".
measure() {
    i=0
    : >"$BENCH/times"
    while [ "$i" -lt "$RUNS" ]; do
        /usr/bin/time -f '%e %M' -o "$BENCH/time1" "$@" >/dev/null 2>"$BENCH/stderr" || {
            echo "bench: failed: $*" >&2
            cat "$BENCH/stderr" >&2
            echo "- -"
            return 0
        }
        cat "$BENCH/time1" >>"$BENCH/times"
        i=$((i + 1))
    done
    sort -n "$BENCH/times" | awk '{ t[NR] = $1; m[NR] = $2 } END { i = int((NR + 1) / 2); printf "%.2f %.0f\n", t[i], m[i] / 1024 }'
}

# A long report in Markdown on stdout: $1 chapters (about 3.5 pages each) of headings, paragraphs,
# lists and a table.
report_markdown() {
    awk -v chapters="$1" 'BEGIN {
        srand(7)
        split("the of and to in viewer page document layout render cancel token archive format table list heading paragraph quickly slowly every never always user file", w, " ")
        print "% Benchmark report\n"
        for (c = 1; c <= chapters; c++) {
            printf "# Chapter %d\n\n", c
            for (s = 1; s <= 3; s++) {
                printf "## Section %d.%d\n\n", c, s
                for (p = 1; p <= 6; p++) {
                    n = 60 + int(rand() * 60); line = ""
                    for (k = 1; k <= n; k++) line = line w[1 + int(rand() * 25)] " "
                    printf "%s.\n\n", line
                }
                for (i = 1; i <= 4; i++) printf "- item %d of section %d.%d with some words\n", i, c, s
                print ""
            }
            print "| key | value | note |\n|---|---|---|"
            for (r = 1; r <= 8; r++) printf "| row %d | %d | chapter %d |\n", r, r * c, c
            print ""
        }
    }'
}

# Exits the calling section (status 0) when pandoc or LibreOffice is missing: $1 names the section.
need_office_tools() {
    for tool in pandoc soffice; do
        command -v "$tool" >/dev/null 2>&1 || { echo "bench: $tool missing (./dev deps installs it); $1 section skipped" >&2; exit 0; }
    done
}

# mammoth (npm), installed once into folder $1; its rows are skipped when npm cannot fetch it.
ensure_mammoth() {
    mkdir -p "$1"
    if [ ! -d "$1/node_modules/mammoth" ] && command -v npm >/dev/null 2>&1; then
        npm install --silent --no-audit --no-fund --prefix "$1" mammoth@1 >/dev/null 2>&1 \
            || echo "bench: cannot install mammoth from npm; its row is skipped" >&2
    fi
}
