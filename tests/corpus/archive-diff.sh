#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Differential test of folio-cli's archive extraction against libarchive's bsdtar (ctest
# archives_bsdtar, label corpus). Every archive of CORPUS_DIR/archives and CORPUS_DIR/archives-more
# (COPYING* aside), and archives generated into WORK_DIR at run time, is extracted twice:
#     bsdtar -xf ARCHIVE -C A                                   (no special options)
#     FOLIO_CLI extract ARCHIVE --all --out B --quiet            (exit 0 = everything was written)
# and the REGULAR files of A and B (find -type f) are compared by relative path, size and sha256.
# One line per archive: "ok", "skipped (reason)" or "DIFF: details". Exit 0 when no archive
# differs, 1 when one does, 77 (ctest's SKIP_RETURN_CODE) without bsdtar or the corpus folder.
#
# usage: archive-diff.sh FOLIO_CLI CORPUS_DIR WORK_DIR     (WORK_DIR is emptied first)
#
# The contract (the normalisation applied before comparing):
#  - Names are compared after bsdtar's own normalisation: a leading "/" and "./" are dropped,
#    "a//b" and "a/./b" are "a/b"; in a ZIP made on DOS/Windows "\" is a folder separator (bsdtar
#    turns dir\file.txt into dir/file.txt). Entries whose name is empty after that (an ar
#    archive's "/" and "//" tables) are expected in neither folder.
#  - A name that is not valid UTF-8 in bsdtar's output (a ZIP name in a legacy code page without
#    the UTF-8 flag, which bsdtar writes as raw bytes) matches folio's name when the bytes are
#    equal or when folio's name is the strict decoding of those bytes in one of cp437 (the ZIP
#    default), cp850, cp852, cp866, cp1250, cp1251, cp1252, shift_jis or gbk (needs python3;
#    without it the bytes must be equal). A name with U+FFFD in it never matches.
#  - Symbolic links are never created by folio and are not regular files in bsdtar's output: no
#    file is expected for them (folio writing one shows as "extra"). Hard links are regular
#    files in both: folio writes them as copies, with the content of their target.
#  - The same path more than once: bsdtar keeps the last, folio keeps each occurrence as "name",
#    "name (2)", "name (3)"... with " (n)" before the extension ("report (2).pdf"; for a name with
#    several dots before the first or the last one, "a (2).tar.gz" or "a.tar (2).gz", and a name
#    starting with a dot may take it before or after: " (2).rels" or ".rels (2)"). folio must hold
#    one file per occurrence (counted among bsdtar -tvf's lines of that path), each of the size
#    listed for that occurrence, and its highest-numbered one must equal bsdtar's file.
#  - folio also keeps names distinct ignoring case (for case-insensitive file systems), which
#    bsdtar does not: a file expected as "name" that is not there may be "name (k)" (k = 2..9)
#    when that file has the entry's content.
#  - A path that is both a file and a folder (a file "a" and an entry "a/b"): bsdtar writes
#    whichever comes first and reports an error for the other (that error is not a "cannot
#    read"). folio must keep both: the folder under the name and the file as "a (2)", or the file
#    under the name and the folder as "a (2)/"; either is accepted. The file and the folder's
#    files must have the content of their entries (read with bsdtar -xOf for what bsdtar could not
#    write).
#  - A path bsdtar refuses for safety (a ".." component: "Path contains '..'"; an absolute path
#    is only made relative, like any other name) is expected either absent from folio's output or
#    present under its sanitised relative name, with the entry's content: the components "", "."
#    and ".." dropped ("a/../../up.txt" -> "a/up.txt") or resolved, a ".." above the top being
#    dropped ("a/../../up.txt" -> "up.txt"); "../evil.txt" is "evil.txt" either way.
#    folio-cli today writes it under that sanitised name (README: "an attachment named ../../x
#    is saved as DIR/x").
#  - An entry bsdtar reports a bad CRC for (a corrupt archive): the expectation is reversed.
#    folio must exit non-zero and no file of that entry may remain in B; any other file folio
#    wrote must match bsdtar's (an all-or-nothing run that wrote nothing is fine).
#  - Any other error of bsdtar -xf, or bsdtar -tvf failing: "skipped (bsdtar cannot read: ...)";
#    bsdtar writing a file over 128 MiB (a zip bomb): "skipped" too.
#  - A file folio-cli opens as a document rather than an archive (folio-cli info's "format" is not
#    "archive": an EPUB, a DOCX) would have its attachments extracted, not its entries: skipped.
#  - Otherwise (bsdtar -xf exit 0, or only the errors above): folio must exit 0 ("exit N where
#    bsdtar succeeded" otherwise), and B must hold exactly the expected files: "missing",
#    "extra", "differs" (size or sha256) name the files that do not.
#  - Not handled: names with a tab or a newline in them.
# Generated cases need bsdtar, GNU tar, gzip, bzip2, xz, zstd or python3; a case whose tool is
# missing is reported as "skipped (no TOOL)".
set -u

if [ $# -ne 3 ]; then
    echo "usage: $0 FOLIO_CLI CORPUS_DIR WORK_DIR" >&2
    exit 2
fi
cli=$1
corpus=$2
work=$3

skip_all() {
    echo "archives_bsdtar: SKIP: $*"
    exit 77
}
command -v bsdtar >/dev/null 2>&1 || skip_all "bsdtar is not installed (Debian: libarchive-tools)"
[ -d "$corpus/archives" ] || skip_all "no corpus at $corpus"
if [ ! -x "$cli" ]; then
    echo "archives_bsdtar: FAIL: $cli is not an executable" >&2
    exit 1
fi
case $work in
    "" | / | . | "$corpus" | "$corpus"/*) echo "archives_bsdtar: refusing WORK_DIR '$work'" >&2; exit 2 ;;
    /*) ;;
    *) work=$(pwd)/$work ;;
esac
case $cli in
    /*) ;;
    *) cli=$(pwd)/$cli ;;
esac

LC_ALL=C.UTF-8
TZ=UTC
export LC_ALL TZ
tab=$(printf '\t')
have() { command -v "$1" >/dev/null 2>&1; }

rm -rf "$work"
mkdir -p "$work/generated" "$work/run" || exit 1
# Everything below writes into WORK_DIR only; a stray relative path lands here too.
cd "$work" || exit 1
started=$(date +%s)

# --- Generated archives ------------------------------------------------------------------------
gen=$work/generated
genskip=$work/generated-skipped.txt
: >"$genskip"
gen_skip() { # NAME REASON
    printf '%s\t%s\n' "$1" "$2" >>"$genskip"
}

# Multi-stream compressed tars: one tar of several files, compressed as one stream, and as two
# streams concatenated (its first 20 blocks, then the rest), so that a reader stopping after the
# first stream loses entries.
mkdir -p "$gen/payload"
for n in 1 2 3 4 5; do
    awk -v n="$n" 'BEGIN { for (i = 0; i < 700 * n; i++) printf "file %d line %d %s\n", n, i, (i % 7 ? "" : "lorem ipsum") }' \
        >"$gen/payload/part$n.txt"
done
(cd "$gen/payload" && bsdtar -cf ../base.tar part1.txt part2.txt part3.txt part4.txt part5.txt)
for codec in gzip:gz bzip2:bz2 xz:xz zstd:zst; do
    tool=${codec%%:*}
    ext=${codec#*:}
    if ! have "$tool"; then
        gen_skip "single-$tool.tar.$ext" "no $tool"
        gen_skip "multistream-$tool.tar.$ext" "no $tool"
        continue
    fi
    case $tool in
        gzip) z="gzip -1 -n -c" ;;
        bzip2) z="bzip2 -1 -c" ;;
        xz) z="xz -0 -c" ;;
        zstd) z="zstd -1 -q -c" ;;
    esac
    $z <"$gen/base.tar" >"$gen/single-$tool.tar.$ext"
    {
        dd if="$gen/base.tar" bs=512 count=20 2>/dev/null | $z
        dd if="$gen/base.tar" bs=512 skip=20 2>/dev/null | $z
    } >"$gen/multistream-$tool.tar.$ext"
done
rm -rf "$gen/payload" "$gen/base.tar"

# Sparse files (GNU tar's own format and pax), each followed by an empty file.
if tar --version 2>/dev/null | grep -q 'GNU tar'; then
    mkdir -p "$gen/sparse"
    dd if=/dev/null of="$gen/sparse/big.bin" bs=1 count=0 seek=5242880 2>/dev/null
    printf data >>"$gen/sparse/big.bin"
    : >"$gen/sparse/empty.txt"
    (cd "$gen/sparse" && tar --sparse --format=gnu -cf ../sparse-gnu.tar big.bin empty.txt \
        && tar --sparse --format=pax -cf ../sparse-pax.tar big.bin empty.txt)
    rm -rf "$gen/sparse"
else
    gen_skip sparse-gnu.tar "no GNU tar"
    gen_skip sparse-pax.tar "no GNU tar"
fi

# The same path several times (tar -r appends): notes.txt three times, README twice.
mkdir -p "$gen/dup"
(
    cd "$gen/dup" || exit 1
    echo "first notes" >notes.txt
    echo "first readme" >README
    bsdtar -cf ../duplicates.tar notes.txt README
    echo "second notes, longer" >notes.txt
    bsdtar -rf ../duplicates.tar notes.txt
    echo "third notes, the longest of them" >notes.txt
    echo "second readme" >README
    bsdtar -rf ../duplicates.tar notes.txt README
)
rm -rf "$gen/dup"

# Names starting with a dot (as in OOXML packages and macOS's AppleDouble files).
mkdir -p "$gen/dots/_rels" "$gen/dots/docs"
for f in .hidden _rels/.rels ._file docs/readme.txt; do
    echo "content of $f" >"$gen/dots/$f"
done
(cd "$gen/dots" && bsdtar -cf ../dots.tar .hidden _rels ._file docs)
rm -rf "$gen/dots"

# What python3 writes: tars with a file and a folder of one name, unsafe paths, links; ZIPs
# with dots, duplicates, legacy code page names (no UTF-8 flag), a backslash separator, a bad CRC.
if have python3; then
    python3 - "$gen" <<'EOF' || echo "archives_bsdtar: generating with python3 failed" >&2
import io, os, struct, sys, tarfile, warnings, zipfile, zlib
out = sys.argv[1]

def tar(name, entries):  # (path, kind f|d|h|s, data or link target)
    with tarfile.open(os.path.join(out, name), 'w', format=tarfile.GNU_FORMAT) as t:
        for path, kind, data in entries:
            info = tarfile.TarInfo(path)
            info.mtime = 1700000000
            if kind == 'f':
                info.size = len(data)
                t.addfile(info, io.BytesIO(data))
                continue
            if kind == 'd':
                info.type, info.mode = tarfile.DIRTYPE, 0o755
            else:
                info.type = tarfile.LNKTYPE if kind == 'h' else tarfile.SYMTYPE
                info.linkname = data
            t.addfile(info)

def rawzip(name, entries):  # (name bytes, data, crc xor): deflated, no flags, made by MS-DOS
    body, central = b'', b''
    for fname, data, bad in entries:
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        comp = c.compress(data) + c.flush()
        crc = (zlib.crc32(data) ^ bad) & 0xffffffff
        common = struct.pack('<HHHHHIIIHH', 20, 0, 8, 0, 0x5821, crc, len(comp), len(data), len(fname), 0)
        central += b'PK\1\2' + struct.pack('<H', 20) + common + struct.pack('<HHHII', 0, 0, 0, 0, len(body)) + fname
        body += b'PK\3\4' + common + fname + comp
    end = b'PK\5\6' + struct.pack('<HHHHIIH', 0, 0, len(entries), len(entries), len(central), len(body), 0)
    with open(os.path.join(out, name), 'wb') as f:
        f.write(body + central + end)

tar('file-then-folder.tar', [('a', 'f', b'the file a\n'), ('a/b', 'f', b'b inside the folder a\n')])
tar('folder-then-file.tar', [('c/', 'd', None), ('c/d.txt', 'f', b'd inside the folder c\n'),
    ('c', 'f', b'the file c\n')])
tar('unsafe-paths.tar', [('safe.txt', 'f', b'safe\n'), ('../evil.txt', 'f', b'one up\n'),
    ('/abs/x.txt', 'f', b'absolute\n'), ('a/../../up.txt', 'f', b'two up\n')])
tar('links.tar', [('target.txt', 'f', b'linked content\n'), ('hard.txt', 'h', 'target.txt'),
    ('soft.txt', 's', 'target.txt')])
with zipfile.ZipFile(os.path.join(out, 'dots.zip'), 'w') as z:
    for n in ('.hidden', '_rels/.rels', '._file', 'docs/readme.txt'):
        z.writestr(n, 'content of ' + n + '\n')
warnings.simplefilter('ignore')  # zipfile warns about the duplicate name
with zipfile.ZipFile(os.path.join(out, 'duplicates.zip'), 'w') as z:
    z.writestr('notes.txt', 'first notes\n')
    z.writestr('other.txt', 'other\n')
    z.writestr('notes.txt', 'second notes, longer\n')
# One code page per archive, as the tools that write them do (the OEM code page of the writer's
# system): Russian DOS/Windows, Western DOS, Japanese Windows.
rawzip('legacy-cp866.zip', [('Привет.txt'.encode('cp866'), b'cp866 name\n', 0),
    ('Документы/отчёт.txt'.encode('cp866'), b'cp866 folder\n', 0), (b'plain.txt', b'ascii\n', 0)])
rawzip('legacy-cp437.zip', [('Ärger/Übel.txt'.encode('cp437'), b'cp437 name\n', 0),
    ('Café crème.txt'.encode('cp437'), b'cp437 accents\n', 0), (b'plain.txt', b'ascii\n', 0)])
rawzip('legacy-shift_jis.zip', [('日本語のファイル.txt'.encode('shift_jis'), b'shift_jis name\n', 0),
    ('フォルダ/文書.txt'.encode('shift_jis'), b'shift_jis folder\n', 0)])
rawzip('backslash.zip', [(b'dir\\file.txt', b'backslash separator\n', 0), (b'top.txt', b'top\n', 0)])
rawzip('bad-crc.zip', [(b'good.txt', b'good data\n', 0), (b'bad.txt', b'data whose stored CRC is wrong\n', 1)])
EOF
else
    for f in file-then-folder.tar folder-then-file.tar unsafe-paths.tar links.tar dots.zip duplicates.zip \
        legacy-cp866.zip legacy-cp437.zip legacy-shift_jis.zip backslash.zip bad-crc.zip; do
        gen_skip "$f" "no python3"
    done
fi

# --- Comparison --------------------------------------------------------------------------------
# awk works on bytes (LC_ALL=C); names travel as tab-separated fields.
common_awk='
function norm(n) {
    while (substr(n, 1, 1) == "/") n = substr(n, 2)
    gsub(/\/\/+/, "/", n)
    while (substr(n, 1, 2) == "./") n = substr(n, 3)
    while (n ~ /\/\.\//) sub(/\/\.\//, "/", n)
    sub(/\/\.$/, "", n)
    sub(/\/$/, "", n)
    if (n == ".") n = ""
    return n
}
function dotdot(n) { return ("/" n "/") ~ /\/\.\.\// }
function utf8(s) {
    return s ~ /^([\001-\177]|[\302-\337][\200-\277]|[\340-\357][\200-\277][\200-\277]|[\360-\364][\200-\277][\200-\277][\200-\277])*$/
}
'

# bsdtar -tvf lines -> "L<TAB>type<TAB>size<TAB>name" (type f: file or hard link, d, l: symlink,
# o: other; size "-" for hard links), names unescaped (bsdtar prints \ooo and \\) and normalised.
list_awk=$common_awk'
function unescape(s,   out, i, c) {
    out = ""
    while ((i = index(s, "\\")) > 0) {
        out = out substr(s, 1, i - 1)
        c = substr(s, i + 1, 1)
        if (c ~ /[0-7]/) {
            out = out sprintf("%c", (substr(s, i + 1, 1) * 64) + (substr(s, i + 2, 1) * 8) + substr(s, i + 3, 1))
            s = substr(s, i + 4)
            continue
        }
        if (c == "n") c = "\n"; else if (c == "t") c = "\t"; else if (c == "r") c = "\r"
        out = out c
        s = substr(s, i + 2)
    }
    return out s
}
{
    if (!match($0, /^[^ ]+ +[0-9]+ +([^ ]+ +)?([^ ]+ +)?[0-9]+ +[A-Z][a-z][a-z] +[0-9]+ +[0-9:]+ /)) next
    k = split(substr($0, 1, RLENGTH), f, / +/)
    size = f[k - 4]
    name = substr($0, RLENGTH + 1)
    t = substr($0, 1, 1)
    # A hard link: "h" in tars, "-" with a link count in ISO images.
    if ((t == "h" || t == "-") && sub(/ link to .*/, "", name)) { size = "-"; t = "f" }
    else if (t == "l") sub(/ -> .*/, "", name)
    else if (t == "-") t = "f"
    else if (t != "d") t = "o"
    name = norm(unescape(name))
    if (name != "" && name !~ /[\t\n]/) printf "L\t%s\t%s\t%s\n", t, size, name
}'

# sha256sum and find -printf output -> "TAG<TAB>sha<TAB>size<TAB>name".
manifest() { # DIR TAG
    (
        cd "$1" || exit 1
        find . -type f -printf 'S\t%s\t%P\n'
        find . -type f -exec sha256sum {} +
    ) | LC_ALL=C awk -v tag="$2" '
        /^S\t/ { sub(/^S\t/, ""); i = index($0, "\t"); size[substr($0, i + 1)] = substr($0, 1, i - 1); next }
        {
            esc = substr($0, 1, 1) == "\\"
            if (esc) $0 = substr($0, 2)
            sha = substr($0, 1, 64)
            name = substr($0, 69)
            if (esc) { gsub(/\\\\/, "\001", name); gsub(/\\n/, "\n", name); gsub(/\\r/, "\r", name); gsub(/\001/, "\\", name) }
            sums[name] = sha
        }
        END { for (n in sums) printf "%s\t%s\t%s\t%s\n", tag, sums[n], size[n], n }'
}

# Reads the listing (L lines), the A manifest and bsdtar -x's messages (R lines); prints the
# category ("cat<TAB>normal|corrupt|skip<TAB>reason"), the refused and corrupt entries
# ("E<TAB>refused|corrupt<TAB>name"), the files to read with bsdtar -xOf ("xo<TAB>name": listed,
# not written by bsdtar) and the names that are not UTF-8 ("raw<TAB>name").
plan_awk=$common_awk'
BEGIN { FS = "\t"; other = "" }
$1 == "L" {
    if ($2 == "f") { if (!($4 in file)) order[++count] = $4; file[$4] = 1 }
    else if ($2 == "d") folder[$4] = 1
    p = $4
    while ((i = match(p, /\/[^\/]*$/)) > 0) { p = substr(p, 1, i - 1); folder[p] = 1 }
    next
}
$1 == "A" { written[$4] = 1; next }
$1 == "R" {
    line = substr($0, 3)
    if (line ~ /^bsdtar: (Error exit delayed from previous errors|Removing leading .\/. from member names)/) next
    if (match(line, /: Path contains .\.\../)) { refused[norm(substr(line, 1, RSTART - 1))] = 1; known++; next }
    if (match(line, /: [^:]*CRC/)) { corrupt[norm(substr(line, 1, RSTART - 1))] = 1; known++; next }
    if (match(line, /: (Could not stat .*: Not a directory|Can.t replace existing directory with non-directory|Is a directory|File exists)/)) {
        n = norm(substr(line, 1, RSTART - 1))
        known++
        if (n == "") next
        clash[n] = line
        next
    }
    if (other == "") other = line
    next
}
END {
    for (n in clash) {
        ok = (n in file) && (n in folder)
        p = n
        while (!ok && (i = match(p, /\/[^\/]*$/)) > 0) { p = substr(p, 1, i - 1); ok = (p in file) && (p in folder) }
        if (!ok && other == "") other = clash[n]
    }
    if (other == "" && status != 0 && !known) other = "exit " status
    if (other != "") { gsub(/\t/, " ", other); printf "cat\tskip\tbsdtar cannot read: %s\n", other; exit }
    for (n in corrupt) { printf "E\tcorrupt\t%s\n", n; c = 1 }
    printf "cat\t%s\t\n", c ? "corrupt" : "normal"
    for (n in refused) printf "E\trefused\t%s\n", n
    for (k = 1; k <= count; k++) {
        n = order[k]
        if (!(n in written) && !(n in corrupt)) printf "xo\t%s\n", n
        if (!utf8(n)) printf "raw\t%s\n", n
    }
}'

# Reads the listing, the E lines, A and B manifests, X (contents read with bsdtar -xOf) and N
# (other spellings of a raw name: "N<TAB>name<TAB>decoded"); prints one finding a line:
# "missing|extra|differs|kept|refused-differs<TAB>name<TAB>detail".
compare_awk=$common_awk'
BEGIN { FS = "\t" }
$1 == "L" {
    n = $4
    if ($2 == "f") { if (!(n in cnt)) order[++norder] = n; cnt[n]++; lsize[n, cnt[n]] = $3 }
    else if ($2 == "d") folder[n] = 1
    p = n
    while ((i = match(p, /\/[^\/]*$/)) > 0) { p = substr(p, 1, i - 1); folder[p] = 1 }
    next
}
$1 == "E" { if ($2 == "refused") refused[$3] = 1; else corrupt[$3] = 1; next }
$1 == "A" { ash[$4] = $2; asz[$4] = $3; next }
$1 == "X" { if (!($4 in ash)) { ash[$4] = $2; asz[$4] = $3 } next }
$1 == "B" { bsh[$4] = $2; bsz[$4] = $3; left[$4] = 1; next }
$1 == "N" { alias[$2] = ($2 in alias) ? alias[$2] SUBSEP $3 : $3; next }
function dirname(p,   i) { return (i = match(p, /\/[^\/]*$/)) > 0 ? substr(p, 1, i - 1) : "" }
function basename(p,   i) { return (i = match(p, /\/[^\/]*$/)) > 0 ? substr(p, i + 1) : p }
# The names of occurrence k of x, SUBSEP-separated (just x for k = 1).
function variants(x, k,   d, b, i, j, out, tag) {
    if (k == 1) return x
    d = dirname(x); b = basename(x); d = d == "" ? "" : d "/"; tag = " (" k ")"
    out = d b tag
    if ((i = index(b, ".")) > 0) out = out SUBSEP d substr(b, 1, i - 1) tag substr(b, i)
    if (i == 1 && (j = index(substr(b, 2), ".")) > 0) out = out SUBSEP d substr(b, 1, j) tag substr(b, j + 1)
    if (match(b, /\.[^.]*$/) && RSTART > 1) out = out SUBSEP d substr(b, 1, RSTART - 1) tag substr(b, RSTART)
    return out
}
# The name in B of occurrence k of entry n found at mapped name m (or an alias of n), or "".
function findb(m, n, k,   c, v, nv, i, j, a, na) {
    c = m
    if (n in alias) c = c SUBSEP alias[n]
    na = split(c, a, SUBSEP)
    for (i = 1; i <= na; i++) {
        nv = split(variants(a[i], k), v, SUBSEP)
        for (j = 1; j <= nv; j++) if (v[j] in left) return v[j]
    }
    return ""
}
# n with its folders renamed where a file took the folder name (remap).
function mapname(n,   parts, np, i, orig, out) {
    np = split(n, parts, "/")
    orig = ""; out = ""
    for (i = 1; i <= np; i++) {
        orig = orig (i > 1 ? "/" : "") parts[i]
        out = out (i > 1 ? "/" : "") (i < np && (orig in remap) ? basename(remap[orig]) : parts[i])
    }
    return out
}
function hasprefix(p,   b) { for (b in left) if (index(b, p "/") == 1) return 1; return 0 }
function sanitise(n,   parts, np, i, out) {
    np = split(n, parts, "/"); out = ""
    for (i = 1; i <= np; i++) if (parts[i] != "" && parts[i] != "." && parts[i] != "..") out = out (out == "" ? "" : "/") parts[i]
    return out
}
# A refused path made relative the other way: ".." removes the folder before it.
function resolve(n,   parts, np, i, out) {
    np = split(n, parts, "/"); out = ""
    for (i = 1; i <= np; i++) {
        if (parts[i] == "" || parts[i] == ".") continue
        if (parts[i] != "..") out = out (out == "" ? "" : "/") parts[i]
        else if (match(out, /\/[^\/]*$/)) out = substr(out, 1, RSTART - 1)
        else out = ""
    }
    return out
}
function same(n, b) {
    if (!(n in ash)) return
    if (ash[n] != bsh[b]) printf "differs\t%s\tsize %s, folio %s%s\n", n, asz[n], bsz[b], (asz[n] == bsz[b] ? " (other sha256)" : "")
}
END {
    for (n in ash) if (!(n in cnt)) { order[++norder] = n; cnt[n] = 1; lsize[n, 1] = asz[n] }
    # A path both a file and a folder: where folio put the file and the folder.
    for (k = 1; k <= norder; k++) {
        n = order[k]
        if (!(n in folder) || (n in refused) || (n in corrupt) || dotdot(n)) continue
        m = mapname(n)
        if (m in left && !hasprefix(m)) {
            fileat[n] = m
            nv = split(variants(m, 2), v, SUBSEP)
            for (j = 1; j <= nv; j++) if (hasprefix(v[j])) remap[n] = v[j]
        } else {
            b = findb(m, n, 2)
            if (b != "") fileat[n] = b
        }
    }
    for (k = 1; k <= norder; k++) {
        n = order[k]
        c = cnt[n]
        if ((n in refused) || dotdot(n)) {
            s = sanitise(n)
            if (!(s in left)) s = resolve(n)
            if (s != "" && (s in left)) {
                if ((n in ash) && ash[n] != bsh[s]) printf "refused-differs\t%s\tas %s\n", n, s
                delete left[s]
            }
            continue
        }
        if (n in corrupt) {
            m = mapname(n)
            for (i = 1; i <= c; i++) if ((b = findb(m, n, i)) != "") { printf "kept\t%s\t\n", b; delete left[b] }
            continue
        }
        if (n in fileat) { b = fileat[n]; delete left[b]; same(n, b); continue }
        m = mapname(n)
        for (i = 1; i <= c; i++) {
            b = findb(m, n, i)
            # Another entry took the name ignoring case: "name (k)" with this content.
            for (j = 2; b == "" && c == 1 && j <= 9 && (n in ash); j++)
                if ((b = findb(m, n, j)) != "" && bsh[b] != ash[n]) b = ""
            if (b == "") { printf "missing\t%s\t%s\n", n, (c > 1 ? "occurrence " i " of " c : ""); continue }
            delete left[b]
            if (i == c) same(n, b)
            else if (lsize[n, i] != "-" && lsize[n, i] != bsz[b]) printf "differs\t%s\tsize %s, folio %s\n", b, lsize[n, i], bsz[b]
        }
    }
    for (b in left) printf "extra\t%s\t\n", b
}'

# Findings -> "missing: a, b; extra: c (+2 more)"; names not UTF-8 shown with \ooo escapes.
summary_awk=$common_awk'
BEGIN { FS = "\t" }
function show(s,   out, i, c) {
    if (utf8(s)) return s
    out = ""
    for (i = 1; i <= length(s); i++) { c = substr(s, i, 1); out = out (c ~ /[ -~]/ ? c : sprintf("\\%03o", ord[c])) }
    return out
}
BEGIN { for (i = 1; i < 256; i++) ord[sprintf("%c", i)] = i }
{
    item = show($2) ($3 != "" ? " (" $3 ")" : "")
    if (!($1 in n)) kinds[++nk] = $1
    n[$1]++
    if (n[$1] <= 3) list[$1] = list[$1] (n[$1] > 1 ? ", " : "") item
}
END {
    out = ""
    for (k = 1; k <= nk; k++) {
        key = kinds[k]
        label = key == "kept" ? "corrupt entry kept" : key == "refused-differs" ? "refused entry written with other content" : key
        out = out (out == "" ? "" : "; ") label ": " list[key] (n[key] > 3 ? " (+" n[key] - 3 " more)" : "")
    }
    print out
}'

# python3 (when there): other spellings of names that are not UTF-8.
aliases() { # FILE of raw names
    have python3 || return 0
    python3 -c '
import sys
for raw in open(sys.argv[1], "rb").read().split(b"\n"):
    if not raw:
        continue
    seen = set()
    for cp in ("cp437", "cp850", "cp852", "cp866", "cp1250", "cp1251", "cp1252", "shift_jis", "gbk"):
        try:
            alt = raw.decode(cp).encode("utf-8")
        except (UnicodeError, LookupError):
            continue
        if alt not in seen:
            seen.add(alt)
            sys.stdout.buffer.write(b"N\t" + raw + b"\t" + alt + b"\n")
' "$1"
}

total=0
okc=0
diffc=0
skipc=0
report() { # LABEL RESULT
    printf '%-58s %s\n' "$1" "$2"
    total=$((total + 1))
    case $2 in
        ok) okc=$((okc + 1)) ;;
        DIFF*) diffc=$((diffc + 1)) ;;
        *) skipc=$((skipc + 1)) ;;
    esac
}

check() { # ARCHIVE LABEL
    archive=$1
    label=$2
    total_cases=$((total + 1))
    dir=$work/run/$total_cases
    mkdir -p "$dir/a" "$dir/b"
    if ! bsdtar -tvf "$archive" >"$dir/list.txt" 2>"$dir/list.err"; then
        report "$label" "skipped (bsdtar cannot read: $(head -n 1 "$dir/list.err"))"
        rm -rf "$dir"
        return
    fi
    # At most 128 MiB a file (ulimit -f counts 512-byte blocks): a zip bomb stops bsdtar, not the run.
    (
        ulimit -f 262144 2>/dev/null
        bsdtar -xf "$archive" -C "$dir/a" 2>"$dir/bsdtar.err"
        exit $? # not exec'ed by the subshell: its shell, not the script, reports the signal
    ) 2>/dev/null
    bx=$?
    if [ "$bx" -gt 128 ]; then
        report "$label" "skipped (bsdtar stopped by signal $((bx - 128)): a file over the test's 128 MiB)"
        rm -rf "$dir"
        return
    fi
    "$cli" extract "$archive" --all --out "$dir/b" --quiet --timeout 60s >"$dir/folio.out" 2>"$dir/folio.err"
    fx=$?

    LC_ALL=C awk "$list_awk" "$dir/list.txt" >"$dir/facts"
    manifest "$dir/a" A >>"$dir/facts"
    manifest "$dir/b" B >"$dir/b.facts"
    sed "s/^/R$tab/" "$dir/bsdtar.err" | cat "$dir/facts" - | LC_ALL=C awk -v status="$bx" "$plan_awk" >"$dir/plan"
    category=$(sed -n "s/^cat$tab\\([^$tab]*\\)$tab.*/\\1/p" "$dir/plan")
    if [ "$category" = skip ]; then
        report "$label" "skipped ($(sed -n "s/^cat${tab}skip$tab//p" "$dir/plan" | cut -c1-90))"
        rm -rf "$dir"
        return
    fi
    grep "^E$tab" "$dir/plan" >>"$dir/facts"
    sed -n "s/^raw$tab//p" "$dir/plan" >"$dir/raw"
    [ -s "$dir/raw" ] && aliases "$dir/raw" >>"$dir/facts"
    # Entries bsdtar did not write (a file and a folder of one name, refused paths): their
    # content from bsdtar -xOf, the name as a pattern without its folder's files.
    sed -n "s/^xo$tab//p" "$dir/plan" | while IFS= read -r name; do
        pattern=$(printf '%s\n' "$name" | sed 's/[][*?\\]/\\&/g')
        bsdtar -xOf "$archive" --exclude "$pattern/?*" "$pattern" >"$dir/xo" 2>/dev/null
        printf 'X\t%s\t%s\t%s\n' "$(sha256sum <"$dir/xo" | cut -c1-64)" "$(wc -c <"$dir/xo" | tr -d ' ')" "$name"
    done >>"$dir/facts"
    rm -f "$dir/xo"
    cat "$dir/b.facts" >>"$dir/facts"
    LC_ALL=C awk "$compare_awk" "$dir/facts" | sort >"$dir/findings"

    # folio-cli's first message, without its prefix and the archive's path.
    folio_error=$(grep -v '^kf\.' "$dir/folio.err" | head -n 1 \
        | awk -v path="$archive" -v name="${archive##*/}" '{
            sub(/^folio-cli: /, "")
            if ((i = index($0, path ": ")) > 0) $0 = substr($0, 1, i - 1) substr($0, i + length(path) + 2)
            else if ((i = index($0, path)) > 0) $0 = substr($0, 1, i - 1) name substr($0, i + length(path))
            print
        }' \
        | cut -c1-110)
    result=""
    if [ "$category" = corrupt ]; then
        bad=$(sed -n "s/^E${tab}corrupt$tab//p" "$dir/plan" | head -n 3 | tr '\n' ' ')
        [ "$fx" -eq 0 ] && result="exit 0 although bsdtar reports a bad CRC (${bad% })"
        if [ "$fx" -ne 0 ]; then
            # After a failed run, files folio did not write are not missing.
            grep -v "^missing$tab" "$dir/findings" >"$dir/f2"
            mv "$dir/f2" "$dir/findings"
        fi
    elif [ "$fx" -ne 0 ]; then
        result="exit $fx where bsdtar succeeded${folio_error:+ ($folio_error)}"
        # All or nothing: with an empty B every expected file is missing; say so once.
        if [ -z "$(find "$dir/b" -type f | head -n 1)" ]; then
            n=$(grep -c "^missing$tab" "$dir/findings")
            [ "$n" -gt 0 ] && result="$result; no file written ($n expected)"
            grep -v "^missing$tab" "$dir/findings" >"$dir/f2"
            mv "$dir/f2" "$dir/findings"
        fi
    fi
    details=$(LC_ALL=C awk "$summary_awk" "$dir/findings")
    [ -n "$details" ] && result="${result:+$result; }$details"
    if [ -z "$result" ]; then
        report "$label" ok
        rm -rf "$dir"
        return
    fi
    # An EPUB, a DOCX...: folio opens it as a document, whose attachments are not its entries.
    format=$("$cli" info "$archive" --json --quiet --timeout 60s 2>/dev/null \
        | sed -n 's/^ *"format": *"\([^"]*\)".*/\1/p' | head -n 1)
    if [ -n "$format" ] && [ "$format" != archive ]; then
        report "$label" "skipped (folio opens it as a document ($format), not as an archive)"
        rm -rf "$dir"
        return
    fi
    report "$label" "DIFF: $result"
}

echo "folio-cli extract --all against bsdtar -xf (work folder $work)"
for archive in "$corpus"/archives/* "$corpus"/archives-more/*; do
    [ -f "$archive" ] || continue
    name=${archive##*/}
    case $name in COPYING*) continue ;; esac
    folder=${archive%/*}
    check "$archive" "${folder##*/}/$name"
done
for archive in "$gen"/*; do
    [ -f "$archive" ] || continue
    check "$archive" "generated/${archive##*/}"
done
while IFS="$tab" read -r name reason; do
    report "generated/$name" "skipped ($reason)"
done <"$genskip"

elapsed=$(($(date +%s) - started))
echo "$total archives: $okc ok, $diffc DIFF, $skipc skipped (${elapsed}s)"
[ "$diffc" -eq 0 ]
