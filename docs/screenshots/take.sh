#!/bin/sh
# Takes the README's screenshots of the real window under Xvfb (run by `./dev screenshots`, which
# builds first and installs xvfb, xdotool and imagemagick). Writes docs/screenshots/*.png.
#
#   continuous.png   a PDF in continuous mode with the thumbnails sidebar
#   night-mode.png   the sample in View > Colours > Inverted Lightness (hues kept on dark pages)
#   find-results.png the find bar and the sidebar's Results list (find "page" in the sample)
#   find-progress.png a search running through a large log: progress and Stop in the find bar
#   print-preview.png File > Print Preview
#   link.png         the pointer over a PDF link: the hand and the tool tip naming the target
#   attachments.png  the attachments panel
#   export.png       the Export dialog (File > Export...)
#   comic-cbr.png    a CBR comic book (RAR, read through libarchive)
#   archive-iso.png  an ISO 9660 image, its listing and entries
#   dark-window.png  Preferences > Window colours > Dark: the window and its icons in dark colours
#   presentation.png presentation mode (F5) on a 16:9 PDF, the clock in its corner
#   manga-spread.png a manga CBZ (ComicInfo.xml: right to left) opened as a right-to-left spread
#   annotations.png  the Annotations panel beside a PDF annotated by several people
#   filled-form.png  a PDF form with its fields filled in, highlighted
#   djvu.png         a two-page DjVu bundle made by cjb2, c44, djvm and djvused
#   email.png        an HTML email (Python's email package) with its picture and attachments
# ONLY="name ..." takes only those shots.
set -eu
cd -- "$(dirname -- "$0")/../.."
ROOT=$(pwd -P)
BIN=$ROOT/build/bin/folio
OUT=$ROOT/docs/screenshots
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
[ -x "$BIN" ] || { echo "take.sh: build folio first (./dev build)" >&2; exit 1; }

WIDTH=1280
HEIGHT=860

# One shot: a fresh settings folder (seeded with $2), folio on $3..., keys typed after a pause
# (type:TEXT types TEXT, an underscore for a space; mouse:X,Y moves the pointer; click clicks).
# usage: shot NAME SETTINGS DELAY KEYS FILE...
shot() {
    name=$1 settings=$2 delay=$3 keys=$4
    shift 4
    case " ${ONLY:-$name} " in *" $name "*) ;; *) return 0 ;; esac
    config=$WORK/config-$name
    mkdir -p "$config/Folio"
    printf '%b' "$settings" >"$config/Folio/folio.conf"
    XDG_CONFIG_HOME=$config xvfb-run -a -s "-screen 0 ${WIDTH}x${HEIGHT}x24" sh -c '
        "$@" &
        app=$!
        window=$(xdotool search --sync --onlyvisible --name "Folio" | head -n 1)
        xdotool windowmove "$window" 0 0 windowsize "$window" '"$WIDTH"' '"$HEIGHT"'
        sleep 3
        if [ -n "'"$keys"'" ]; then
            xdotool windowfocus --sync "$window" 2>/dev/null || true
            for key in '"$keys"'; do
                case $key in
                    type:*) xdotool type --delay 60 "$(printf %s "${key#type:}" | tr _ " ")" ;;
                    mouse:*) xy=${key#mouse:}; xdotool mousemove "${xy%,*}" "${xy#*,}" ;;
                    click) xdotool click 1 ;;
                    *) xdotool key "$key" ;;
                esac
                sleep 0.3
            done
        fi
        sleep '"$delay"'
        import -window root "'"$OUT/$name.png"'"
        kill $app
    ' sh "$BIN" "$@"
    echo "take.sh: $OUT/$name.png"
}

shot continuous '[sidebar]\nvisible=true\npage=0\n' 2 "" "$ROOT/resources/sample.pdf"
shot night-mode '[sidebar]\nvisible=true\npage=0\n[view]\ncolors=invert-lightness\n' 2 "" "$ROOT/resources/sample.pdf"
shot dark-window '[sidebar]\nvisible=true\npage=0\n[view]\nwindowTheme=dark\n' 2 "" "$ROOT/resources/sample.pdf"
shot attachments '[sidebar]\nvisible=true\npage=2\n' 2 "" "$ROOT/tests/data/with-attachment.pdf"
# A neutral destination (remembered for this document), so no build path shows in the picture.
shot export "[sidebar]\\nvisible=true\\npage=0\\n[export]\\nformat=pdf\\nwatermark=true\\nwatermarkText=DRAFT\\ndocument=$ROOT/resources/sample.pdf\\nfolder=/home/ada/Documents/Exports\\n" \
    1.5 "ctrl+shift+e" "$ROOT/resources/sample.pdf"

shot find-results '[sidebar]\nvisible=true\npage=0\n' 1.5 "ctrl+f type:page Return" "$ROOT/resources/sample.pdf"
shot print-preview '[sidebar]\nvisible=true\npage=0\n' 4 "alt+f v" "$ROOT/resources/sample.pdf"

# A one-page PDF whose link covers most of the page, so the pointer in the window's middle is on it.
python3 "$ROOT/docs/screenshots/fixtures.py" links "$WORK/links.pdf"
shot link '[sidebar]\nvisible=false\n' 2.5 "ctrl+2 mouse:600,400 mouse:620,415" "$WORK/links.pdf"

# A log big enough that the search is still running when the picture is taken: a regular
# expression (no byte filter) that matches rarely.
log=$WORK/server.log
line='2026-11-25T10:00:00Z worker[4242] INFO request handled in 12 ms: GET /api/v1/documents?page=3'
yes "$line" | head -n 2000000 >"$log"
shot find-progress '[sidebar]\nvisible=true\npage=0\n' 1.5 "ctrl+f Tab Tab Tab Tab Tab space shift+Tab shift+Tab shift+Tab shift+Tab shift+Tab type:handled.in.99.ms Return" "$log"

# A CBR comic (RAR 4, stored pages: no RAR writer is free software, so python3 writes one from
# pages of the sample rendered by folio-cli) and an ISO 9660 image from the corpus, when present.
if command -v python3 >/dev/null 2>&1; then
    "$ROOT/build/bin/folio-cli" render "$ROOT/resources/sample.pdf" --out "$WORK/pages" --dpi 60 --quiet
    python3 - "$WORK/pages" "$WORK/comic.cbr" <<'PY'
import glob, struct, sys, zlib
def block(body):  # a RAR 4 block: CRC-16 (low half of the CRC-32) of what follows it
    return struct.pack('<H', zlib.crc32(body) & 0xffff) + body
rar = b'Rar!\x1a\x07\x00' + block(struct.pack('<BHHHI', 0x73, 0, 13, 0, 0))
for path in sorted(glob.glob(sys.argv[1] + '/*.png')):
    data, name = open(path, 'rb').read(), ('comic/' + path.split('/')[-1]).encode()
    rar += block(struct.pack('<BHHIIBIIBBHI', 0x74, 0x8000, 32 + len(name), len(data), len(data), 2,
                             zlib.crc32(data), 0x5A210000, 20, 0x30, len(name), 0x20) + name) + data
open(sys.argv[2], 'wb').write(rar + bytes.fromhex('c43d7b00400700'))
PY
    shot comic-cbr '[sidebar]\nvisible=true\npage=0\n' 2 "" "$WORK/comic.cbr"
fi
ISO=$ROOT/../shared/corpus/archives-more/test_read_format_iso_joliet_rockridge.iso
if [ -f "$ISO" ]; then
    shot archive-iso '[sidebar]\nvisible=true\npage=2\n' 2 "" "$ISO"
fi

# Presentation mode, a manga spread, annotations and a form, on files made here.
FIXTURES=$ROOT/docs/screenshots/fixtures.py
python3 "$FIXTURES" slides "$WORK/slides.pdf"
shot presentation '[sidebar]\nvisible=false\n' 2.5 "F5" "$WORK/slides.pdf"
python3 "$FIXTURES" manga "$WORK/manga.cbz"
shot manga-spread '[sidebar]\nvisible=false\n' 2 "" "$WORK/manga.cbz"
python3 "$FIXTURES" annotated "$WORK/report.pdf"
shot annotations '[sidebar]\nvisible=true\npage=3\nwidth=380\n' 2 "" "$WORK/report.pdf"
python3 "$FIXTURES" form "$WORK/membership.pdf"
shot filled-form '[sidebar]\nvisible=false\n' 1.5 "Tab Tab type:Grace_Hopper Tab type:grace@example.org Tab Tab Tab space" "$WORK/membership.pdf"

# A two-page DjVu bundle made by djvulibre's own tools: a bilevel page (cjb2) and a colour page
# (c44) of the same picture, with a hidden text layer and an outline added by djvused.
if command -v cjb2 >/dev/null 2>&1 && command -v convert >/dev/null 2>&1; then
    convert -size 1275x1650 xc:white -fill black -pointsize 64 -annotate +150+250 'Folio reads DjVu' \
        -pointsize 36 -annotate +150+360 'A page made with cjb2 from a bilevel scan,' \
        -annotate +150+420 'with its hidden text layer added by djvused.' \
        -fill '#1a5fb4' -draw 'rectangle 150,520 1125,900' "$WORK/djvu.png"
    convert "$WORK/djvu.png" -monochrome "$WORK/djvu.pbm"
    convert "$WORK/djvu.png" "$WORK/djvu.ppm"
    cjb2 -dpi 150 "$WORK/djvu.pbm" "$WORK/bilevel.djvu"
    c44 -dpi 150 "$WORK/djvu.ppm" "$WORK/colour.djvu"
    djvm -c "$WORK/book.djvu" "$WORK/bilevel.djvu" "$WORK/colour.djvu"
    printf '%s\n' 'select 1' 'set-txt' \
        '(page 0 0 1275 1650 (line 150 1350 700 1420 (word 150 1350 340 1420 "Folio") (word 360 1350 520 1420 "reads") (word 540 1350 700 1420 "DjVu")))' \
        '.' 'select' 'set-outline' '(bookmarks ("Bilevel page" "#1") ("Colour page" "#2"))' '.' 'save' |
        djvused "$WORK/book.djvu"
    shot djvu '[sidebar]\nvisible=true\npage=0\n' 2 "" "$WORK/book.djvu"
fi

# An HTML email written by Python's email package: a picture shown through cid:, a PDF, a
# spreadsheet-like CSV and a forwarded message as attachments, in the attachments panel.
if command -v python3 >/dev/null 2>&1; then
    python3 - "$WORK/email.eml" "$ROOT/resources/sample.pdf" <<'PY'
import sys
from email.message import EmailMessage
from email.policy import SMTP
from email.headerregistry import Address

def png(width, height):
    import struct, zlib
    rows = b"".join(b"\x00" + b"".join(bytes((30 + 200 * x // width, 95, 180 - 120 * y // height))
                                        for x in range(width)) for y in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))

forwarded = EmailMessage(policy=SMTP)
forwarded["From"] = Address("Grace Hopper", addr_spec="grace@example.org")
forwarded["To"] = Address("Ada Lovelace", addr_spec="ada@example.org")
forwarded["Subject"] = "Figures for the report"
forwarded["Date"] = "Mon, 30 Nov 2026 16:05:00 +0000"
forwarded.set_content("Ada,\n\nthe figures are in the attached table.\n\nGrace\n")

message = EmailMessage(policy=SMTP)
message["From"] = Address("Ada Lovelace", addr_spec="ada@example.org")
message["To"] = Address("Charles Babbage", addr_spec="charles@example.org")
message["Cc"] = Address("Grace Hopper", addr_spec="grace@example.org")
message["Subject"] = "Quarterly report — draft for review"
message["Date"] = "Tue, 01 Dec 2026 09:30:00 +0100"
message.set_content("Charles, the draft of the quarterly report is attached.")
message.add_alternative(
    "<html><body><p>Charles,</p><p>the <b>draft of the quarterly report</b> is attached, with the "
    "figures Grace sent last week. The chart below sums them up:</p>"
    '<p><img src="cid:chart@example.org" alt="chart"></p>'
    "<ul><li>report.pdf: the draft</li><li>figures.csv: the numbers behind the chart</li>"
    "<li>Grace's message with the figures</li></ul><p>Kind regards,<br>Ada</p></body></html>",
    subtype="html")
message.get_payload()[1].add_related(png(360, 120), "image", "png", cid="<chart@example.org>",
                                     filename="chart.png")
with open(sys.argv[2], "rb") as pdf:
    message.add_attachment(pdf.read(), maintype="application", subtype="pdf", filename="report.pdf")
message.add_attachment("quarter,revenue\nQ1,120\nQ2,135\nQ3,150\n", subtype="csv", filename="figures.csv")
message.add_attachment(forwarded)
with open(sys.argv[1], "wb") as out:
    out.write(message.as_bytes(policy=SMTP))
PY
    shot email '[sidebar]\nvisible=true\npage=1\n' 2 "" "$WORK/email.eml"
fi
