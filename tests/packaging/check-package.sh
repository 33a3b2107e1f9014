#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks of the installers CPack builds (ctest label packaging; registered by
# packaging/CMakeLists.txt). Exits 77, which ctest reports as skipped, when a
# tool it needs is not installed: `./dev deps` installs them all.
#
#   check-package.sh build CPACK CONFIG OUTDIR DEB TGZ
#   check-package.sh lintian DEB
#   check-package.sh deb-runs DEB VERSION SAMPLE PRIVATE_LIBDIR FONTS_LIST
#   check-package.sh tgz-runs TGZ VERSION SAMPLE PRIVATE_LIBDIR FONTS_LIST
#
# PRIVATE_LIBDIR is where the package carries KArchive relative to the install
# prefix (lib/<triplet>/folio), or empty when the system's KArchive is used.
# FONTS_LIST is packaging/fonts.list, the font packages the installers bring.
set -eu

say() { printf '%s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
skip() { printf 'SKIP: %s\n' "$*"; exit 77; }
need() { for t in "$@"; do command -v "$t" >/dev/null 2>&1 || skip "$t not installed"; done; }

# What the build directory's environment would otherwise lend the binaries:
# the point is to prove they find their libraries on their own.
unset LD_LIBRARY_PATH

scratch=""
cleanup() { if [ -n "$scratch" ]; then rm -rf "$scratch"; fi; }
trap cleanup EXIT
make_scratch() { scratch=$(mktemp -d "${TMPDIR:-/tmp}/folio-package.XXXXXX"); }

# The package files come from the fixture; without them it was skipped.
need_file() { [ -f "$1" ] || skip "$1 was not built (packaging_build skipped?)"; }

font_packages() { sed -n 's/^\([a-z0-9][a-z0-9.+-]*\)$/\1/p' "$1"; }

# run_binaries ROOT VERSION SAMPLE PRIVATE_DIR: the installed executables of an
# unpacked package under ROOT run, and find KArchive where the package put it.
run_binaries() {
    root=$1 version=$2 sample=$3 private=$4
    cli=$root/bin/folio-cli
    [ -x "$cli" ] || fail "no executable $cli in the package"
    for exe in "$root"/bin/*; do
        if [ -n "$private" ]; then
            # shellcheck disable=SC2016 # $ORIGIN is literal, for the dynamic linker
            readelf -d "$exe" | grep -E '\((RUNPATH|RPATH)\)' \
                | grep -F "[\$ORIGIN/../$private]" >/dev/null \
                || fail "$exe: RUNPATH is not \$ORIGIN/../$private: $(readelf -d "$exe" | grep -E 'RUNPATH|RPATH' || echo none)"
            resolved=$(ldd "$exe" \
                | sed -n 's/^[[:space:]]*libKF6Archive\.so[^ ]* => \(.*\) (0x[0-9a-f]*)$/\1/p')
            real=$(cd "$root/$private" && pwd -P)
            if [ -z "$resolved" ] || [ "$(cd "$(dirname "$resolved")" && pwd -P)" != "$real" ]; then
                fail "$exe: libKF6Archive resolves to '${resolved:-nothing}', not the copy in $real"
            fi
        fi
        if ldd "$exe" | grep -F 'not found'; then fail "$exe: unresolved libraries"; fi
    done
    out=$("$cli" --version) || fail "folio-cli --version exited $?"
    case $out in
        *"$version"*) say "ok: folio-cli --version: $out" ;;
        *) fail "folio-cli --version printed '$out', expected version $version" ;;
    esac
    out=$("$cli" info "$sample" 2>&1) || fail "folio-cli info $sample exited $?: $out"
    say "ok: folio-cli info works from the package"
}

cmd=${1-}
[ $# -gt 0 ] && shift
case $cmd in
    build)
        cpack=$1 config=$2 outdir=$3 deb=$4 tgz=$5
        need dpkg-deb dpkg-shlibdeps
        rm -f "$deb" "$tgz"
        mkdir -p "$outdir"
        log=$outdir/cpack.log
        if ! "$cpack" -G "DEB;TGZ" --config "$config" -B "$outdir" >"$log" 2>&1; then
            cat "$log"
            fail "cpack failed"
        fi
        [ -f "$deb" ] || { cat "$log"; fail "cpack did not write $deb"; }
        [ -f "$tgz" ] || { cat "$log"; fail "cpack did not write $tgz"; }
        say "ok: built $deb ($(du -k "$deb" | cut -f1) KiB) and $tgz"
        dpkg-deb -f "$deb" Depends
        ;;
    lintian)
        deb=$1
        need lintian
        need_file "$deb"
        # Errors fail; warnings and info are printed for whoever reads the log.
        # (No tags are suppressed: none has needed it.)
        lintian --fail-on error --info --no-tag-display-limit "$deb" \
            || fail "lintian reports errors for $deb"
        say "ok: lintian has no errors"
        ;;
    deb-runs)
        deb=$1 version=$2 sample=$3 private=$4
        need dpkg-deb readelf ldd
        need_file "$deb"
        make_scratch
        dpkg-deb -x "$deb" "$scratch"
        [ -f "$scratch/usr/share/doc/folio/copyright" ] || fail "no usr/share/doc/folio/copyright"
        # The fonts pages are laid out with come along: DejaVu required, the rest recommended.
        depends=$(dpkg-deb -f "$deb" Depends)
        recommends=$(dpkg-deb -f "$deb" Recommends)
        case ", $depends," in *", fonts-dejavu-core,"*) ;; *) fail "Depends lacks fonts-dejavu-core: $depends" ;; esac
        for font in $(font_packages "$5"); do
            case ", $depends, $recommends," in
                *", $font,"*) ;;
                *) fail "neither Depends nor Recommends names $font: $depends / $recommends" ;;
            esac
        done
        say "ok: Depends and Recommends name every font package in $(basename "$5")"
        run_binaries "$scratch/usr" "$version" "$sample" "$private"
        ;;
    tgz-runs)
        tgz=$1 version=$2 sample=$3 private=$4
        need tar readelf ldd
        need_file "$tgz"
        make_scratch
        # Unpacked somewhere no path was baked in for: the archive must be relocatable.
        tar -xzf "$tgz" -C "$scratch"
        top=$(find "$scratch" -mindepth 1 -maxdepth 1 -type d | head -n 1)
        [ -n "$top" ] || fail "$tgz has no top directory"
        [ -f "$top/README.txt" ] || fail "$tgz has no README.txt at its top"
        for font in $(font_packages "$5"); do
            grep -q -- "$font" "$top/README.txt" || fail "README.txt does not say to install $font"
        done
        mv "$top" "$scratch/moved elsewhere"
        run_binaries "$scratch/moved elsewhere" "$version" "$sample" "$private"
        ;;
    *)
        sed -n '2,13p' "$0" >&2
        exit 2
        ;;
esac
