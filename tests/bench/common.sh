# Shared by the benchmark scripts (sourced; BENCH, RESULTS and RUNS set by the caller).

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
