#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A freshly installed, minimal Debian of this machine's release in a folder, for checks that must
# not see what this machine has installed (packaging/check-fresh.sh, tests/bench/first-run.sh).
# Needs root and debootstrap. The pristine root is made once with debootstrap from the archive
# the system's apt sources name and cached as .deps/fresh-root/<codename>-minbase.tar; every
# `create` unpacks a new copy of it.
#
#   freshroot.sh create DIR      a new fresh root in DIR (DIR must not exist)
#   freshroot.sh run DIR CMD...  CMD inside DIR (chroot, with /proc, /sys, /dev and DNS)
#   freshroot.sh destroy DIR     unmount and remove DIR
set -eu

ROOT=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
CACHE_DIR=$ROOT/.deps/fresh-root

say() { printf '[fresh-root] %s\n' "$*" >&2; }
die() {
    printf '[fresh-root] error: %s\n' "$*" >&2
    exit 1
}

# shellcheck source=packaging/aptmirror.sh
. "$ROOT/packaging/aptmirror.sh"

[ "$(id -u)" -eq 0 ] || die "needs root (chroot, mount)"

pristine() {
    cache=$CACHE_DIR/$codename-minbase.tar
    if [ -f "$cache" ]; then
        printf '%s\n' "$cache"
        return 0
    fi
    command -v debootstrap >/dev/null 2>&1 || die "debootstrap not installed (apt-get install debootstrap)"
    mirror=$(system_mirror)
    [ -n "$mirror" ] || die "no Debian archive in the apt sources"
    tmp=$CACHE_DIR/debootstrap.$$
    rm -rf "$tmp"
    mkdir -p "$tmp"
    say "debootstrap --variant=minbase $codename (once; cached in $cache)"
    debootstrap --variant=minbase "$codename" "$tmp" "$mirror" >"$CACHE_DIR/debootstrap.log" 2>&1 \
        || {
            tail -n 20 "$CACHE_DIR/debootstrap.log" >&2
            rm -rf "$tmp"
            die "debootstrap failed"
        }
    # The security updates too, as on an installed system.
    if ! grep -q -- "-security" "$tmp/etc/apt/sources.list" 2>/dev/null; then
        security=$(system_mirrors | grep -- '-security' | head -n 1 || true)
        if [ -n "$security" ]; then
            printf 'deb %s %s-security main\n' "$security" "$codename" >>"$tmp/etc/apt/sources.list"
        fi
    fi
    rm -rf "$tmp/var/cache/apt/archives/"*.deb
    tar -C "$tmp" -cf "$cache.part" . && mv "$cache.part" "$cache"
    rm -rf "$tmp"
    printf '%s\n' "$cache"
}

mounted() { # dir: mount points under it, deepest first
    awk -v d="$(cd "$1" && pwd -P)" '$2 == d || index($2, d "/") == 1 { print $2 }' /proc/mounts | sort -r
}

unmount_all() {
    for m in $(mounted "$1"); do
        umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
    done
}

cmd=${1-}
[ $# -ge 2 ] || die "usage: freshroot.sh create|run|destroy DIR [CMD...]"
dir=$2
shift 2
case $cmd in
    create)
        [ ! -e "$dir" ] || die "$dir exists"
        mkdir -p "$CACHE_DIR"
        cache=$(pristine)
        mkdir -p "$dir"
        tar -C "$dir" -xf "$cache"
        ;;
    run)
        [ -d "$dir/etc" ] || die "$dir is not a fresh root"
        trap 'unmount_all "$dir"' EXIT INT TERM
        mount -t proc proc "$dir/proc"
        mount --rbind /sys "$dir/sys"
        mount --rbind /dev "$dir/dev"
        cp /etc/resolv.conf "$dir/etc/resolv.conf" 2>/dev/null || true
        status=0
        chroot "$dir" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
            HOME=/root LANG=C.UTF-8 TERM=dumb DEBIAN_FRONTEND=noninteractive "$@" || status=$?
        unmount_all "$dir"
        trap - EXIT INT TERM
        exit $status
        ;;
    destroy)
        if [ -d "$dir" ]; then
            unmount_all "$dir"
            [ -z "$(mounted "$dir")" ] || die "cannot unmount everything under $dir"
            rm -rf "$dir"
        fi
        ;;
    *) die "usage: freshroot.sh create|run|destroy DIR [CMD...]" ;;
esac
