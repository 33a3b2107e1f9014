#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Validation of the desktop integration files (ctest label packaging; see desktop.cmake).
#   check-desktop.sh desktop FILE.desktop | metainfo FILE.metainfo.xml | man PAGE... |
#                    completion folio-cli.bash | mimetypes TOOL FILE.desktop FILE.metainfo.xml |
#                    icons HICOLOR_DIR ID SIZE...
# Exit 0 passed, 1 failed, 77 skipped (a validator is not installed).
set -u

need() {
    command -v "$1" >/dev/null 2>&1 || { echo "SKIP: $1 is not installed"; exit 77; }
}

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

check_desktop() {
    need desktop-file-validate
    # Errors fail; warnings too, since they are what desktops trip over. Hints are advice.
    out=$(desktop-file-validate "$1" 2>&1) || { printf '%s\n' "$out"; fail "desktop-file-validate"; }
    printf '%s\n' "$out"
    if printf '%s\n' "$out" | grep -q 'warning:'; then
        fail "desktop-file-validate warned"
    fi
}

check_metainfo() {
    need appstreamcli
    # --no-net: the screenshot URLs are placeholders. Errors fail; warnings and infos pass.
    out=$(appstreamcli validate --no-net --no-color --explain "$1" 2>&1)
    printf '%s\n' "$out"
    if printf '%s\n' "$out" | grep -q '^E:'; then
        fail "appstreamcli validate found errors"
    fi
}

check_man() {
    need groff
    for page in "$@"; do
        case $page in
            *.gz) out=$(gzip -dc "$page" | LC_ALL=C.UTF-8 groff -man -ww -z -Tutf8 2>&1) ;;
            *) out=$(LC_ALL=C.UTF-8 groff -man -ww -z -Tutf8 "$page" 2>&1) ;;
        esac
        [ -z "$out" ] || { printf '%s\n' "$out"; fail "groff warns about $page"; }
        echo "ok: $page"
    done
}

check_completion() {
    need bash
    bash -n "$1" || fail "bash -n $1"
    script=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
    complete_line=$(cd "$(dirname "$0")" && pwd)/complete-line.sh
    # In an empty folder with a known file and folder in it.
    dir=$(mktemp -d) || fail "mktemp"
    trap 'rm -rf "$dir"' EXIT
    : >"$dir/report.pdf"
    mkdir "$dir/outdir"
    status=0
    # expect WORDS EXPECTED: complete the last word of WORDS; EXPECTED lists the sorted replies.
    expect() {
        got=$(cd "$dir" && bash "$complete_line" "$script" "$1" | sort | tr '\n' ' ')
        got=${got% }
        if [ "$got" != "$2" ]; then
            echo "'$1<TAB>': expected '$2', got '$got'"
            status=1
        fi
    }
    expect 'folio-cli re' 'render'
    expect 'folio-cli ' 'annotations attachments extract find info render text'
    expect 'folio-cli render x --for' '--format'
    expect 'folio-cli render x --format ' 'html jpg pdf png'
    expect 'folio-cli render x --format p' 'pdf png'
    expect 'folio-cli render x --rot' '--rotate'
    expect 'folio-cli render x --rotate 1' '180'
    expect 'folio-cli info x --js' '--json'
    expect 'folio-cli extract x --al' '--all'
    expect 'folio-cli text x --pag' '--pages'
    expect 'folio-cli text x --ou' ''
    expect 'folio-cli --quiet info x --max-en' '--max-entries --max-entry-size'
    expect 'folio-cli --timeout 2s re' 'render'
    expect 'folio-cli info rep' 'report.pdf'
    expect 'folio-cli render report.pdf --out out' 'outdir'
    expect 'folio-cli render report.pdf --dpi ' ''
    [ $status -eq 0 ] || fail "completion results differ"
    echo "ok: completion"
}

check_mimetypes() {
    tool=$1 desktop=$2 metainfo=$3
    expected=$(QT_QPA_PLATFORM=offscreen "$tool" | sort -u) || fail "$tool failed"
    from_desktop=$(sed -n 's/^MimeType=//p' "$desktop" | tr ';' '\n' | sed '/^$/d' | sort -u)
    from_metainfo=$(sed -n 's:.*<mediatype>\(.*\)</mediatype>.*:\1:p' "$metainfo" | sort -u)
    [ "$from_desktop" = "$expected" ] || {
        printf '%s\n' "$expected" >"${TMPDIR:-/tmp}/folio-expected.$$"
        printf '%s\n' "$from_desktop" | diff -u "${TMPDIR:-/tmp}/folio-expected.$$" - >&2
        rm -f "${TMPDIR:-/tmp}/folio-expected.$$"
        fail "MimeType= of $desktop is not the registry's list"
    }
    [ "$from_metainfo" = "$expected" ] || fail "<mimetype>s of $metainfo are not the registry's list"
    grep -q '^MimeType=.*;$' "$desktop" || fail "MimeType= does not end with ;"
    for type in application/pdf application/vnd.openxmlformats-officedocument.wordprocessingml.document \
        application/epub+zip application/zip image/png text/plain; do
        printf '%s\n' "$expected" | grep -qxF "$type" || fail "$type is missing"
    done
    echo "ok: $(printf '%s\n' "$expected" | wc -l) MIME types"
}

# The width and height of a PNG: big-endian numbers at bytes 16 and 20 of the IHDR chunk.
png_size() {
    od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }'
}

check_icons() {
    dir=$1 id=$2
    shift 2
    for size in "$@"; do
        png="$dir/${size}x${size}/$id.png"
        [ -f "$png" ] || fail "$png is missing"
        got=$(png_size "$png")
        [ "$got" = "${size}x${size}" ] || fail "$png is $got, not ${size}x${size}"
    done
    echo "ok: icons $*"
}

command=$1
shift
case $command in
    desktop) check_desktop "$@" ;;
    metainfo) check_metainfo "$@" ;;
    man) check_man "$@" ;;
    completion) check_completion "$@" ;;
    mimetypes) check_mimetypes "$@" ;;
    icons) check_icons "$@" ;;
    *) fail "unknown check $command" ;;
esac
