#!/bin/sh
# Build KF6 KArchive (and the matching extra-cmake-modules) from Debian's own
# source packages of the next release into .deps/prefix, for systems such as
# Debian 12 that ship Qt 6 but no libkf6archive-dev.
#
# Usage: packaging/bootstrap-karchive.sh [--force]
# Environment: KF6_SUITE (default trixie), JOBS (default 2),
#              KF6_MIRROR (Debian archive URI; default: taken from the system's
#              apt sources), KEEP_BUILD=1 keeps .deps/build after success.
set -eu

ROOT=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
DEPS=$ROOT/.deps
PREFIX=$DEPS/prefix
APTDIR=$DEPS/apt
SRCDIR=$DEPS/src
BUILDDIR=$DEPS/build
STAMP=$PREFIX/.karchive-stamp
SUITE=${KF6_SUITE:-trixie}
JOBS=${JOBS:-2}
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
PKGS="kf6-extra-cmake-modules kf6-karchive"

say() { printf '[karchive] %s\n' "$*"; }
die() { printf '[karchive] error: %s\n' "$*" >&2; exit 1; }

force=0
case "${1-}" in
    --force) force=1 ;;
    '') ;;
    *) die "usage: $0 [--force]" ;;
esac

find_config() {
    find "$PREFIX" -path '*/cmake/KF6Archive/KF6ArchiveConfig.cmake' 2>/dev/null | head -n 1
}

if [ "$force" = 0 ] && [ -f "$STAMP" ] && [ -n "$(find_config)" ]; then
    say "already installed in .deps/prefix ($(paste -sd ' ' "$STAMP"))"
    exit 0
fi

for tool in apt-get apt-cache dpkg-source cmake ninja c++; do
    command -v "$tool" >/dev/null 2>&1 || die "'$tool' not found (run ./dev deps)"
done

start=$(date +%s)

# --- Debian archive URI of the system's own apt sources --------------------
# shellcheck source=packaging/aptmirror.sh
. "$ROOT/packaging/aptmirror.sh"

mirror=${KF6_MIRROR-}
if [ -z "$mirror" ]; then
    mirror=$(system_mirror)
fi
mirror=${mirror%/}
[ -n "$mirror" ] || die "no Debian archive found in the apt sources (set KF6_MIRROR)"
[ -r "$KEYRING" ] || die "$KEYRING missing (install debian-archive-keyring)"

# --- private apt configuration --------------------------------------------
mkdir -p "$APTDIR/lists/partial" "$APTDIR/cache/archives/partial" \
    "$APTDIR/sources.list.d" "$APTDIR/preferences.d" "$SRCDIR"
printf 'deb-src [signed-by=%s] %s %s main\n' "$KEYRING" "$mirror" "$SUITE" \
    >"$APTDIR/sources.list"

papt() {
    tool=$1
    shift
    "$tool" \
        -o Dir::Etc::SourceList="$APTDIR/sources.list" \
        -o Dir::Etc::SourceParts="$APTDIR/sources.list.d" \
        -o Dir::Etc::Preferences=/dev/null \
        -o Dir::Etc::PreferencesParts="$APTDIR/preferences.d" \
        -o Dir::State::Lists="$APTDIR/lists" \
        -o Dir::Cache="$APTDIR/cache" \
        -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= \
        -o Debug::NoLocking=1 \
        -o APT::Sandbox::User=root \
        -o Acquire::Languages=none \
        "$@"
}

say "fetching the $SUITE source index"
if ! papt apt-get -q=2 -o APT::Update::Error-Mode=any update; then
    ls "$APTDIR"/lists/*_Sources* >/dev/null 2>&1 \
        || die "apt-get update of the private $SUITE source index failed"
    say "warning: update failed, using the cached $SUITE source index"
fi

# Source version of a package in the private index (highest, if several).
src_version() {
    papt apt-cache showsrc --only-source "$1" 2>/dev/null \
        | awk '/^Version:/ { print $2 }' | sort -V | tail -n 1
}

versions=""
for pkg in $PKGS; do
    ver=$(src_version "$pkg")
    [ -n "$ver" ] || die "source package $pkg not found in $SUITE"
    versions="$versions $pkg=$ver"
done
say "sources:$versions"

say "downloading source packages"
# shellcheck disable=SC2086 # $versions is a list of pkg=version words
(cd "$SRCDIR" && papt apt-get -q=2 source --download-only --only-source $versions) \
    || die "apt-get source failed"

# --- unpack fresh trees (patches below then always apply to pristine sources)
rm -rf "$BUILDDIR"
mkdir -p "$BUILDDIR"
for pv in $versions; do
    pkg=${pv%%=*}
    ver=${pv#*=}
    ver=${ver#*:}
    dsc=$SRCDIR/${pkg}_$ver.dsc
    [ -f "$dsc" ] || die "$dsc missing after download"
    # apt verified the .dsc against the signed Release file; dpkg-source checks
    # the tarballs against the .dsc and applies Debian's patches.
    dpkg-source -x "$dsc" "$BUILDDIR/$pkg-src" >"$BUILDDIR/$pkg.unpack.log" 2>&1 \
        || { cat "$BUILDDIR/$pkg.unpack.log" >&2; die "dpkg-source -x $dsc failed"; }
done

ecm_src=$BUILDDIR/kf6-extra-cmake-modules-src
ka_src=$BUILDDIR/kf6-karchive-src

# --- patches for Qt 6.4 (Debian 12) ----------------------------------------
qt_version=$(qtpaths6 --qt-query QT_VERSION 2>/dev/null \
    || /usr/lib/qt6/bin/qtpaths --qt-query QT_VERSION 2>/dev/null || echo unknown)
say "patching KArchive for Qt $qt_version"
sed -i -E 's/^(set *\( *REQUIRED_QT_VERSION) [0-9.]+ *\)/\1 6.4.0)/' "$ka_src/CMakeLists.txt"
grep -q 'REQUIRED_QT_VERSION 6\.4\.0)' "$ka_src/CMakeLists.txt" \
    || die "could not lower REQUIRED_QT_VERSION in KArchive's CMakeLists.txt"
if ! grep -q '^#include <QStringEncoder>' "$ka_src/src/k7zip.cpp"; then
    sed -i '0,/^#include </s//#include <QStringEncoder>\n&/' "$ka_src/src/k7zip.cpp"
fi
grep -q '^#include <QStringEncoder>' "$ka_src/src/k7zip.cpp" \
    || die "could not patch k7zip.cpp"

# --- build ------------------------------------------------------------------
cmake_build() { # name srcdir [cmake args...]
    name=$1
    src=$2
    shift 2
    say "configuring $name"
    cmake -S "$src" -B "$BUILDDIR/$name" -G Ninja \
        -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_INSTALL_PREFIX="$PREFIX" \
        -DCMAKE_PREFIX_PATH="$PREFIX" \
        -DCMAKE_SKIP_INSTALL_RPATH=ON \
        -DBUILD_TESTING=OFF \
        "$@" >"$BUILDDIR/$name.configure.log" 2>&1 \
        || { tail -n 40 "$BUILDDIR/$name.configure.log" >&2; die "configuring $name failed (log: .deps/build/$name.configure.log)"; }
    say "building $name (-j$JOBS)"
    cmake --build "$BUILDDIR/$name" -j "$JOBS" >"$BUILDDIR/$name.build.log" 2>&1 \
        || { tail -n 40 "$BUILDDIR/$name.build.log" >&2; die "building $name failed (log: .deps/build/$name.build.log)"; }
    say "installing $name"
    cmake --install "$BUILDDIR/$name" >"$BUILDDIR/$name.install.log" 2>&1 \
        || { tail -n 40 "$BUILDDIR/$name.install.log" >&2; die "installing $name failed"; }
}

rm -f "$STAMP"
mkdir -p "$PREFIX"

cmake_build ecm "$ecm_src" \
    -DBUILD_HTML_DOCS=OFF -DBUILD_MAN_DOCS=OFF -DBUILD_QTHELP_DOCS=OFF

cmake_build karchive "$ka_src" \
    -DCMAKE_INSTALL_LIBDIR=lib \
    -DBUILD_QCH=OFF \
    -DKDE_INSTALL_USE_QT_SYS_PATHS=OFF \
    -DWITH_LIBZSTD=ON -DWITH_BZIP2=ON -DWITH_LIBLZMA=ON -DWITH_OPENSSL=ON

config=$(find_config)
[ -n "$config" ] || die "KF6ArchiveConfig.cmake not installed"

{
    for pv in $versions; do printf '%s\n' "$pv"; done
    printf 'qt=%s\n' "$qt_version"
} >"$STAMP"

[ "${KEEP_BUILD-0}" = 1 ] || rm -rf "$BUILDDIR"

say "done in $(($(date +%s) - start)) s: ${config#"$ROOT"/}"
