# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck shell=sh
# The Debian archive the system's own apt sources use, for scripts that need a private apt
# configuration or a fresh root (bootstrap-karchive.sh, freshroot.sh): the repository never
# names a host. Sourced; defines system_mirrors (every "deb" URI of the release, one a line) and
# system_mirror (the first archive, not the security one; empty when there is none).
# shellcheck source=/dev/null
codename=$(. /etc/os-release && printf '%s' "${VERSION_CODENAME-}")

system_mirrors() {
    set --
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] && set -- "$@" "$f"
    done
    if [ $# -gt 0 ]; then
        # deb822 stanzas: URIs of "deb" stanzas that carry the release suite.
        awk -v want="$codename" '
            function flush() {
                if (enabled && (" " types " ") ~ / deb / && (" " suites " ") ~ (" " want " "))
                    print uris
                types = ""; uris = ""; suites = ""; enabled = 1
            }
            function value() { v = $0; sub(/^[^:]*:[ \t]*/, "", v); gsub(/[ \t]+/, " ", v); return v }
            BEGIN { enabled = 1 }
            FNR == 1 { flush() }
            /^[ \t]*#/ { next }
            /^[ \t]*$/ { flush(); next }
            tolower($1) == "types:" { types = value() }
            tolower($1) == "uris:" { uris = value() }
            tolower($1) == "suites:" { suites = value() }
            tolower($1) == "enabled:" { enabled = (tolower($2) != "no") }
            END { flush() }' "$@" | tr ' ' '\n'
    fi
    set --
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] && set -- "$@" "$f"
    done
    if [ $# -gt 0 ]; then
        # one-line format: deb [options] URI SUITE COMPONENTS...
        awk -v want="$codename" '
            $1 == "deb" {
                i = 2
                if ($i ~ /^\[/) { while ($i !~ /\]$/ && i < NF) i++; i++ }
                if ($(i + 1) == want) print $i
            }' "$@"
    fi
}


system_mirror() {
    system_mirrors | grep -E '^(https?|ftp)://' | grep -v -- '-security' | head -n 1 | sed 's|/*$||' || true
}
