#!/usr/bin/env python3
# Fixtures of the screenshots (run by take.sh): python3 fixtures.py KIND PATH, KIND one of
# links (a page mostly covered by a web link), annotated (a PDF with annotations by several
# authors), form (an AcroForm), slides (a 16:9 PDF),
# manga (a CBZ whose ComicInfo.xml reads right to left; ImageMagick draws its pages).
import sys
def pdf(objects, path):
    out = b"%PDF-1.7\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    open(path, "wb").write(out)

def stream(text):
    return b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream"

kind, path = sys.argv[1], sys.argv[2]
if kind == "links":
    text = b"BT /F1 28 Tf 90 430 Td (Folio on the web: a link) Tj ET BT /F1 16 Tf 90 390 Td (Hover to see where it goes; a click asks first.) Tj ET"
    pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
         b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
         b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /Annots [6 0 R] >>",
         stream(text),
         b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
         b"<< /Type /Annot /Subtype /Link /Rect [60 150 552 700] /Border [0 0 0] /A << /S /URI /URI (https://example.org/folio/manual) >> >>"], path)
elif kind == "annotated":
    text = (b"BT /F1 24 Tf 72 700 Td (Quarterly report) Tj ET "
            b"BT /F1 12 Tf 72 660 Td (Revenue grew in every region but one; the north kept its level.) Tj ET "
            b"BT /F1 12 Tf 72 640 Td (The board asks for a plan before the next meeting.) Tj ET "
            b"BT /F1 12 Tf 72 600 Td (Costs fell by four per cent, mostly in logistics.) Tj ET")
    annots = [
        b"<< /Type /Annot /Subtype /Highlight /Rect [70 655 420 674] /QuadPoints [70 674 420 674 70 655 420 655] /C [1 0.9 0] /T (Ada Lovelace) /Contents (Which region? Say so here.) /M (D:20261201093000Z) /NM (h1) >>",
        b"<< /Type /Annot /Subtype /Text /Rect [440 630 464 654] /C [1 0.8 0] /T (Grace Hopper) /Contents (Bring the plan to Tuesday's meeting.) /M (D:20261202140500Z) /Name /Comment /NM (n1) >>",
        b"<< /Type /Annot /Subtype /StrikeOut /Rect [70 596 330 612] /QuadPoints [70 612 330 612 70 596 330 596] /C [0.85 0.1 0.1] /T (Alan Turing) /Contents (Three, not four.) /M (D:20261203101500Z) /NM (s1) >>",
        b"<< /Type /Annot /Subtype /Square /Rect [66 690 270 730] /C [0.2 0.4 0.9] /BS << /W 2 >> /T (Ada Lovelace) /Contents (A better title?) /M (D:20261203111000Z) /NM (q1) >>",
    ]
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /Annots [6 0 R 7 0 R 8 0 R 9 0 R] >>",
               stream(text),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"] + annots
    pdf(objects, path)
elif kind == "form":
    text = (b"BT /F1 22 Tf 72 720 Td (Membership form) Tj ET "
            b"BT /F1 12 Tf 72 676 Td (Name) Tj ET BT /F1 12 Tf 72 636 Td (E-mail) Tj ET "
            b"BT /F1 12 Tf 72 596 Td (Membership) Tj ET BT /F1 12 Tf 200 596 Td (Yearly) Tj ET BT /F1 12 Tf 300 596 Td (Monthly) Tj ET "
            b"BT /F1 12 Tf 72 556 Td (Newsletter) Tj ET BT /F1 12 Tf 72 516 Td (Country) Tj ET")
    da = b"/DA (/Helv 12 Tf 0 g)"
    w = b"/Type /Annot /Subtype /Widget /P 3 0 R /F 4"

    fields = [
        b"<< " + w + b" /FT /Tx /T (name) /Rect [160 670 420 690] " + da + b" /V () /TU (Your full name) >>",
        b"<< " + w + b" /FT /Tx /T (email) /Rect [160 630 420 650] " + da + b" /V () >>",
        b"<< /FT /Btn /Ff 49152 /T (plan) /V /yearly /Kids [8 0 R 9 0 R] >>",
        b"<< " + w + b" /Parent 7 0 R /Rect [180 592 194 606] /AS /yearly /MK << /CA (l) >> /AP << /N << /yearly 12 0 R /Off 13 0 R >> >> >>",
        b"<< " + w + b" /Parent 7 0 R /Rect [280 592 294 606] /AS /Off /MK << /CA (l) >> /AP << /N << /monthly 12 0 R /Off 13 0 R >> >> >>",
        b"<< " + w + b" /FT /Btn /T (newsletter) /Rect [160 552 174 566] /V /Off /AS /Off /AP << /N << /Yes 12 0 R /Off 13 0 R >> >> >>",
        b"<< " + w + b" /FT /Ch /Ff 131072 /T (country) /Rect [160 510 300 530] " + da + b" /Opt [(France) (Germany) (Italy) (Spain)] /V (France) >>",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 14 14] /Length 22 >>\nstream\n0 g 3 3 8 8 re f\nendstream",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 14 14] /Length 0 >>\nstream\n\nendstream",
    ]
    objects = [b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R 6 0 R 7 0 R 10 0 R 11 0 R] /DA (/Helv 12 Tf 0 g) /DR << /Font << /Helv 14 0 R >> >> /NeedAppearances true >> >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 14 0 R >> >> /Annots [5 0 R 6 0 R 8 0 R 9 0 R 10 0 R 11 0 R] >>",
               stream(text)] + fields + [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    pdf(objects, path)
if kind == "slides":
    slides = [
        (b"Folio in presentation mode", [b"F5 or Ctrl+Shift+P starts it, Esc ends it", b"Space, arrows, wheel and clicks turn the slides", b"B and W blank the screen; T hides the clock"]),
        (b"The next slide is already made", [b"rendered right after the one shown", b"so a turn shows it at once"]),
        (b"Questions?", [b"folio --help"]),
    ]
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for title, bullets in slides:
        body = b"0.16 0.32 0.62 rg 0 440 960 100 re f 1 g BT /F1 40 Tf 60 472 Td (" + title + b") Tj ET 0.15 g"
        y = 360
        for bullet in bullets:
            body += b" BT /F2 30 Tf 80 %d Td (- " % y + bullet + b") Tj ET"
            y -= 60
        objects.append(stream(body))
        content = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 960 540] /Contents %d 0 R /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>" % content)
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids)
    pdf(objects, path)
elif kind == "manga":
    import zipfile, subprocess, os
    folder = path + ".pages"
    os.makedirs(folder, exist_ok=True)
    colours = ["#f6d7b0", "#cfe3f7", "#f7cfd9", "#d6f0d0", "#e8dcf5", "#fff0c2"]
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("ComicInfo.xml", '<?xml version="1.0"?>\n<ComicInfo><Title>Right to left</Title><Manga>YesAndRightToLeft</Manga></ComicInfo>\n')
        for i, colour in enumerate(colours, 1):
            page = os.path.join(folder, "%02d.png" % i)
            subprocess.run(["convert", "-size", "600x900", "xc:" + colour, "-fill", "#333333", "-pointsize", "220",
                            "-gravity", "center", "-annotate", "0", str(i), "-pointsize", "36", "-gravity", "south",
                            "-annotate", "+0+60", "page %d" % i, page], check=True)
            z.write(page, "%02d.png" % i)
