// SPDX-License-Identifier: GPL-3.0-or-later
// The XPS backend on files made at test time: Ghostscript's xpswrite device (a real producer:
// two pages of paths from a PostScript program) and packages written here part by part (text in
// Glyphs, an outline, links, core properties, OpenXPS), since no producer on Debian writes those;
// their font is the declared DejaVu Sans, found through the tests' fontconfig. Hostile packages
// (a huge page, a ZIP bomb part, a picture claiming too many pixels, deep nesting, a truncated file,
// a bad outline) are refused in time.
#include "../common/officepackages.h"
#include "../common/testpaths.h"
#include "viewer.h"

#include <QBuffer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <thread>

using namespace folio;
using folio::test::Parts;

namespace {

QString statusName(StatusCode code)
{
    return QString::fromLatin1(folio::codeName(code));
}

const QByteArray xpsNamespace = "http://schemas.microsoft.com/xps/2005/06";
const QByteArray oxpsNamespace = "http://schemas.openxps.org/oxps/v1.0";

// An XPS package: `pages` are FixedPage bodies (what goes inside <FixedPage>), each `width` ×
// `height` units; `extra` parts are added as they are.
QByteArray xpsPackage(const QList<QByteArray> &pages, const Parts &extra = {}, bool openXps = false,
    const QByteArray &size = "Width=\"400\" Height=\"300\"", const QList<QByteArray> &anchors = {})
{
    const QByteArray ns = openXps ? oxpsNamespace : xpsNamespace;
    const QByteArray relNs
        = openXps ? "http://schemas.openxps.org/oxps/v1.0" : "http://schemas.microsoft.com/xps/2005/06";
    Parts parts;
    parts.append({QStringLiteral("[Content_Types].xml"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"fdseq\" ContentType=\"application/vnd.ms-package.xps-fixeddocumentsequence+xml\"/>"
        "<Default Extension=\"fdoc\" ContentType=\"application/vnd.ms-package.xps-fixeddocument+xml\"/>"
        "<Default Extension=\"fpage\" ContentType=\"application/vnd.ms-package.xps-fixedpage+xml\"/>"
        "<Default Extension=\"ttf\" ContentType=\"application/vnd.ms-opentype\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Default Extension=\"struct\" ContentType=\"application/vnd.ms-package.xps-documentstructure+xml\"/>"
        "</Types>"});
    parts.append({QStringLiteral("_rels/.rels"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"R1\" Type=\""
            + relNs
            + "/fixedrepresentation\" Target=\"/FixedDocumentSequence.fdseq\"/>"
              "<Relationship Id=\"R2\" "
              "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
              "Target=\"/docProps/core.xml\"/>"
              "</Relationships>"});
    parts.append({QStringLiteral("FixedDocumentSequence.fdseq"),
        "<FixedDocumentSequence xmlns=\"" + ns
            + "\"><DocumentReference Source=\"/Documents/1/FixedDocument.fdoc\"/></FixedDocumentSequence>"});
    QByteArray fdoc = "<FixedDocument xmlns=\"" + ns + "\">";
    for (int i = 0; i < pages.size(); ++i) {
        fdoc += "<PageContent Source=\"Pages/" + QByteArray::number(i + 1) + ".fpage\">";
        if (i < anchors.size())
            fdoc += "<PageContent.LinkTargets><LinkTarget Name=\"" + anchors[i] + "\"/></PageContent.LinkTargets>";
        fdoc += "</PageContent>";
    }
    fdoc += "</FixedDocument>";
    parts.append({QStringLiteral("Documents/1/FixedDocument.fdoc"), fdoc});
    for (int i = 0; i < pages.size(); ++i)
        parts.append({QStringLiteral("Documents/1/Pages/%1.fpage").arg(i + 1),
            "<FixedPage " + size + " xmlns=\"" + ns + "\" xml:lang=\"en-US\">" + pages[i] + "</FixedPage>"});
    parts += extra;
    return folio::test::zipParts(parts);
}

QByteArray glyphs(const QByteArray &text, double x, double y, const QByteArray &more = {})
{
    return "<Glyphs Fill=\"#FF000000\" FontUri=\"/Resources/font.ttf\" FontRenderingEmSize=\"12\" OriginX=\""
        + QByteArray::number(x) + "\" OriginY=\"" + QByteArray::number(y) + "\" UnicodeString=\"" + text + "\" " + more
        + "/>";
}

quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xffffffff;
    for (const char byte : data) {
        crc ^= quint8(byte);
        for (int k = 0; k < 8; ++k)
            crc = crc & 1 ? (crc >> 1) ^ 0xedb88320 : crc >> 1;
    }
    return ~crc;
}

// The start of a PNG whose header claims `width`×`height` pixels.
QByteArray pngHeader(quint32 width, quint32 height)
{
    QByteArray ihdr("IHDR");
    ihdr += QByteArray(13, '\0');
    qToBigEndian(width, ihdr.data() + 4);
    qToBigEndian(height, ihdr.data() + 8);
    ihdr[12] = 8; // bit depth
    ihdr[13] = 2; // RGB
    const QByteArray png = QByteArray::fromHex("89504e470d0a1a0a");
    const auto chunk = [](const QByteArray &typeAndData) {
        QByteArray length(4, '\0');
        qToBigEndian(quint32(typeAndData.size() - 4), length.data());
        QByteArray crc(4, '\0');
        qToBigEndian(crc32(typeAndData), crc.data());
        return length + typeAndData + crc;
    };
    // The picture's data never comes: the header is all a reader needs to know its size.
    return png + chunk(ihdr) + chunk("IDAT") + chunk("IEND");
}

} // namespace

class TestXpsBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void detection();
    void ghostscriptPages();
    void ghostscriptRender();
    void text();
    void textBoxes();
    void renderGlyphs();
    void outline();
    void links();
    void metadata();
    void openXps();
    void microsoftOpenXps();
    void fromBuffer();
    void hugePageRefused();
    void zipBombRefused();
    void pictureBombRefused();
    void deepNestingRefused();
    void badOutlineLevels();
    void truncated();
    void notXps();
    void cancelledRender();
    void cancelledOpen();

private:
    QString write(const QString &name, const QByteArray &bytes);

    QTemporaryDir m_dir;
    QString m_ghostscript;
    QString m_handmade;
    QByteArray m_font;
};

QString TestXpsBackend::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestXpsBackend::initTestCase()
{
    QVERIFY(m_dir.isValid());

    // DejaVu Sans (fonts-dejavu-core, a declared font) as the tests' fontconfig finds it.
    QProcess match;
    match.start(
        QStringLiteral("fc-match"), {QStringLiteral("-f"), QStringLiteral("%{file}"), QStringLiteral("DejaVu Sans")});
    if (match.waitForFinished(30'000) && match.exitCode() == 0) {
        QFile file(QString::fromLocal8Bit(match.readAllStandardOutput()));
        if (file.fileName().endsWith(QLatin1String(".ttf")) && file.open(QIODevice::ReadOnly))
            m_font = file.readAll();
    }
    if (m_font.isEmpty())
        QSKIP("DejaVu Sans is not found through fontconfig (fc-match, fonts-dejavu-core)");

    const QByteArray page1 = glyphs("Hello XPS", 20, 40, "Indices=\";;;;;;;;\"") + glyphs("world", 90, 40)
        + "<Canvas RenderTransform=\"1,0,0,1,0,100\">" + glyphs("{}{Second} line", 20, 0) + "</Canvas>"
        + "<Path FixedPage.NavigateUri=\"https://example.org/\" Fill=\"#FF0000FF\" Data=\"M 20,200 L 120,200 120,240 "
          "20,240 Z\"/>"
        + "<Path FixedPage.NavigateUri=\"../FixedDocument.fdoc#second\" Fill=\"#FF00FF00\" Data=\"M 200,200 L 300,200 "
          "300,240 200,240 Z\"/>";
    const QByteArray page2 = "<Canvas Name=\"second\">" + glyphs("Page two", 20, 40) + "</Canvas>";
    const Parts extra = {
        {QStringLiteral("Resources/font.ttf"), m_font},
        {QStringLiteral("Documents/1/_rels/FixedDocument.fdoc.rels"),
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            "<Relationship Id=\"S\" Type=\"http://schemas.microsoft.com/xps/2005/06/documentstructure\" "
            "Target=\"Structure/DocStructure.struct\"/></Relationships>"},
        {QStringLiteral("Documents/1/Structure/DocStructure.struct"),
            "<DocumentStructure xmlns=\"http://schemas.microsoft.com/xps/2005/06/documentstructure\">"
            "<DocumentStructure.Outline><DocumentOutline xml:lang=\"en-US\">"
            "<OutlineEntry OutlineLevel=\"1\" Description=\"Introduction\" "
            "OutlineTarget=\"../FixedDocument.fdoc#intro\"/>"
            "<OutlineEntry OutlineLevel=\"2\" Description=\"Details\" OutlineTarget=\"../FixedDocument.fdoc#second\"/>"
            "<OutlineEntry OutlineLevel=\"1\" Description=\"Nowhere\" OutlineTarget=\"../FixedDocument.fdoc#none\"/>"
            "</DocumentOutline></DocumentStructure.Outline></DocumentStructure>"},
        {QStringLiteral("docProps/core.xml"),
            "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
            "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            "<dc:title>Folio test</dc:title><dc:creator>The Folio tests</dc:creator>"
            "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-05-06T07:08:09Z</dcterms:created>"
            "</cp:coreProperties>"},
    };
    // The anchors of the FixedDocument: "intro" on page 1, "second" on page 2 (as PageContent
    // children, where XPS writers list them).
    const QByteArray package
        = xpsPackage({page1, page2}, extra, false, "Width=\"400\" Height=\"300\"", {"intro", "second"});
    m_handmade = write(QStringLiteral("handmade.xps"), package);

    if (QStandardPaths::findExecutable(QStringLiteral("gs")).isEmpty())
        return; // the Ghostscript tests skip themselves
    write(QStringLiteral("two.ps"),
        "%!PS\n<< /PageSize [612 792] >> setpagedevice\n0 0 1 setrgbcolor 72 72 144 144 rectfill\nshowpage\n"
        "<< /PageSize [300 400] >> setpagedevice\n1 0 0 setrgbcolor 0 0 150 200 rectfill\nshowpage\n");
    QProcess gs;
    gs.setWorkingDirectory(m_dir.path());
    gs.start(QStringLiteral("gs"),
        {QStringLiteral("-q"), QStringLiteral("-dSAFER"), QStringLiteral("-dBATCH"), QStringLiteral("-dNOPAUSE"),
            QStringLiteral("-sDEVICE=xpswrite"), QStringLiteral("-sOutputFile=ghostscript.xps"),
            QStringLiteral("two.ps")});
    QVERIFY(gs.waitForFinished(60'000));
    if (gs.exitCode() != 0)
        QSKIP("this Ghostscript has no xpswrite device");
    m_ghostscript = m_dir.filePath(QStringLiteral("ghostscript.xps"));
}

void TestXpsBackend::detection()
{
    // By content: the names say nothing (a .zip, a .bin).
    for (const QString &source : {m_handmade, m_ghostscript}) {
        if (source.isEmpty())
            continue;
        for (const char *name : {"renamed.zip", "renamed.bin"}) {
            const QString path = m_dir.filePath(QString::fromLatin1(name));
            QFile::remove(path);
            QVERIFY(QFile::copy(source, path));
            Viewer viewer;
            const Status status = viewer.open(path, OpenOptions {}, CancellationToken {});
            QVERIFY2(status, qPrintable(status.message()));
            QCOMPARE(viewer.document()->formatId(), QStringLiteral("xps"));
            QCOMPARE(viewer.document()->mimeType(), QStringLiteral("application/vnd.ms-xpsdocument"));
        }
    }
}

void TestXpsBackend::ghostscriptPages()
{
    if (m_ghostscript.isEmpty())
        QSKIP("Ghostscript (gs with xpswrite) is not installed");
    Viewer viewer;
    QVERIFY(viewer.open(m_ghostscript, OpenOptions {}, CancellationToken {}));
    Document &document = *viewer.document();
    QCOMPARE(document.pageCount(), 2);
    // xpswrite writes whole 1/96 inch units: 816 × 1056 and 400 × 533.
    QCOMPARE(document.pageSize(0), QSizeF(612, 792));
    QCOMPARE(document.pageSize(1), QSizeF(300, 399.75));
    QCOMPARE(document.text(0, CancellationToken {}).value(), QString()); // xpswrite draws text as paths
}

void TestXpsBackend::ghostscriptRender()
{
    if (m_ghostscript.isEmpty())
        QSKIP("Ghostscript (gs with xpswrite) is not installed");
    Viewer viewer;
    QVERIFY(viewer.open(m_ghostscript, OpenOptions {}, CancellationToken {}));
    RenderRequest request;
    request.dpi = 72;
    const Result<QImage> first = viewer.render(0, request, CancellationToken {});
    QVERIFY2(first, qPrintable(first.status().message()));
    QCOMPARE(first->size(), QSize(612, 792));
    // The blue square: 72..216 pt from the left and from the bottom.
    QCOMPARE(first->pixelColor(144, 792 - 144), QColor(Qt::blue));
    QCOMPARE(first->pixelColor(300, 300), QColor(Qt::white));

    request.dpi = 144;
    const Result<QImage> second = viewer.render(1, request, CancellationToken {});
    QVERIFY2(second, qPrintable(second.status().message()));
    QCOMPARE(second->size(), QSize(600, 800));
    QCOMPARE(second->pixelColor(100, 700), QColor(Qt::red));
    QCOMPARE(second->pixelColor(500, 100), QColor(Qt::white));

    // Rotation is the base class's.
    request.rotation = 90;
    const Result<QImage> turned = viewer.render(1, request, CancellationToken {});
    QVERIFY(turned);
    QCOMPARE(turned->size(), QSize(800, 600));
}

void TestXpsBackend::text()
{
    Viewer viewer;
    QVERIFY(viewer.open(m_handmade, OpenOptions {}, CancellationToken {}));
    Document &document = *viewer.document();
    QCOMPARE(document.pageCount(), 2);
    QCOMPARE(document.pageSize(0), QSizeF(300, 225));
    QVERIFY(document.capabilities().testFlag(Capability::Text));
    // Runs on one baseline joined with a space; the Canvas's transform moves the third run down a
    // line; "{}" escapes a leading brace.
    QCOMPARE(document.text(0, CancellationToken {}).value(), QStringLiteral("Hello XPS world\n{Second} line\n"));
    QCOMPARE(document.text(1, CancellationToken {}).value(), QStringLiteral("Page two\n"));
}

void TestXpsBackend::textBoxes()
{
    Viewer viewer;
    QVERIFY(viewer.open(m_handmade, OpenOptions {}, CancellationToken {}));
    QVERIFY(viewer.document()->capabilities().testFlag(Capability::TextLayout));
    const Result<QList<TextBox>> boxes = viewer.document()->textBoxes(0, CancellationToken {});
    QVERIFY2(boxes, qPrintable(boxes.status().message()));
    QStringList words;
    for (const TextBox &box : *boxes)
        words.append(box.text);
    QCOMPARE(words,
        QStringList({QStringLiteral("Hello"), QStringLiteral("XPS"), QStringLiteral("world"),
            QStringLiteral("{Second}"), QStringLiteral("line")}));
    // "Hello" at 20 units from the left on a baseline 40 units down, 12 units high: 15 pt and 30 pt;
    // DejaVu Sans's advances make it 2.54 em wide (22.8 pt).
    const QRectF hello = boxes->at(0).rect;
    QCOMPARE(hello.left(), 15.0);
    QVERIFY2(
        hello.top() < 30 && hello.bottom() > 30 && hello.bottom() < 33, qPrintable(QString::number(hello.bottom())));
    QVERIFY2(qAbs(hello.width() - 22.8) < 0.5, qPrintable(QString::number(hello.width())));
    QVERIFY(boxes->at(1).rect.left() > hello.right());
    QVERIFY(boxes->at(0).spaceAfter && !boxes->at(0).lineEnd);
    QVERIFY(boxes->at(2).lineEnd);
    // The Canvas moves its run to a baseline at 100 units: 60 units (45 pt) below the first.
    QCOMPARE(boxes->at(3).rect.left(), 15.0);
    QCOMPARE(boxes->at(3).rect.top(), hello.top() + 45);
    QVERIFY(boxes->at(4).lineEnd);
}

void TestXpsBackend::renderGlyphs()
{
    Viewer viewer;
    QVERIFY(viewer.open(m_handmade, OpenOptions {}, CancellationToken {}));
    RenderRequest request;
    request.dpi = 96; // one pixel per unit
    const Result<QImage> image = viewer.render(0, request, CancellationToken {});
    QVERIFY2(image, qPrintable(image.status().message()));
    QCOMPARE(image->size(), QSize(400, 300));
    // The blue and green link areas.
    QCOMPARE(image->pixelColor(70, 220), QColor(Qt::blue));
    QCOMPARE(image->pixelColor(250, 220), QColor(Qt::green));
    // Some ink where "Hello" is drawn, none far from it.
    int dark = 0;
    for (int y = 28; y < 42; ++y)
        for (int x = 20; x < 60; ++x)
            dark += image->pixelColor(x, y).lightness() < 128;
    QVERIFY2(dark > 20, qPrintable(QString::number(dark)));
    QCOMPARE(image->pixelColor(380, 150), QColor(Qt::white));
}

void TestXpsBackend::outline()
{
    Viewer viewer;
    QVERIFY(viewer.open(m_handmade, OpenOptions {}, CancellationToken {}));
    const Result<QList<OutlineItem>> outline = viewer.document()->outline(CancellationToken {});
    QVERIFY2(outline, qPrintable(outline.status().message()));
    QCOMPARE(outline->size(), 2);
    QCOMPARE(outline->at(0).title, QStringLiteral("Introduction"));
    QCOMPARE(outline->at(0).page, 0);
    QCOMPARE(outline->at(0).children.size(), 1);
    QCOMPARE(outline->at(0).children.at(0).title, QStringLiteral("Details"));
    QCOMPARE(outline->at(0).children.at(0).page, 1);
    QCOMPARE(outline->at(1).title, QStringLiteral("Nowhere"));
    QCOMPARE(outline->at(1).page, -1);
}

void TestXpsBackend::links()
{
    Viewer viewer;
    QVERIFY(viewer.open(m_handmade, OpenOptions {}, CancellationToken {}));
    QVERIFY(viewer.document()->capabilities().testFlag(Capability::Links));
    const Result<QList<Link>> links = viewer.document()->links(0, CancellationToken {});
    QVERIFY2(links, qPrintable(links.status().message()));
    QCOMPARE(links->size(), 2);
    QCOMPARE(int(links->at(0).kind), int(Link::Kind::Uri));
    QCOMPARE(links->at(0).uri, QStringLiteral("https://example.org/"));
    // 20,200 – 120,240 units in points.
    QCOMPARE(links->at(0).rect, QRectF(15, 150, 75, 30));
    QCOMPARE(int(links->at(1).kind), int(Link::Kind::GoTo));
    QCOMPARE(links->at(1).page, 1);
}

void TestXpsBackend::metadata()
{
    Viewer viewer;
    QVERIFY(viewer.open(m_handmade, OpenOptions {}, CancellationToken {}));
    const Metadata metadata = viewer.document()->metadata();
    const auto value = [&metadata](const char *key) {
        for (const auto &[k, v] : metadata)
            if (k == QLatin1String(key))
                return v;
        return QString();
    };
    QCOMPARE(value("Title"), QStringLiteral("Folio test"));
    QCOMPARE(value("Author"), QStringLiteral("The Folio tests"));
    QCOMPARE(value("CreationDate"), QStringLiteral("2024-05-06T07:08:09Z"));
}

void TestXpsBackend::openXps()
{
    const QString path = write(QStringLiteral("open.bin"),
        xpsPackage({glyphs("Open XPS", 20, 40)}, {{QStringLiteral("Resources/font.ttf"), m_font}}, true));
    Viewer viewer;
    const Status status = viewer.open(path, OpenOptions {}, CancellationToken {});
    QVERIFY2(status, qPrintable(status.message()));
    QCOMPARE(viewer.document()->mimeType(), QStringLiteral("application/oxps"));
    QCOMPARE(viewer.document()->formatName(), QStringLiteral("OpenXPS document"));
    QCOMPARE(viewer.document()->text(0, CancellationToken {}).value(), QStringLiteral("Open XPS\n"));
    RenderRequest request;
    request.dpi = 48;
    const Result<QImage> image = viewer.render(0, request, CancellationToken {});
    QVERIFY2(image, qPrintable(image.status().message()));
    QCOMPARE(image->size(), QSize(200, 150));
}

void TestXpsBackend::microsoftOpenXps()
{
    // Microsoft's XPS writer (MXDC) from the corpus: ZIP64 local headers that libarchive's
    // streaming reader (libgxps's) refuses, an obfuscated font, core properties with
    // cp:category (which libgxps's reader refuses).
    const QString path = folio::test::corpusDir() + QStringLiteral("/archives/zip64_extra_zip64_localheader.oxps");
    if (!QFile::exists(path))
        QSKIP("no corpus");
    Viewer viewer;
    const Status status = viewer.open(path, OpenOptions {}, CancellationToken {});
    QVERIFY2(status, qPrintable(status.message()));
    Document &document = *viewer.document();
    QCOMPARE(document.mimeType(), QStringLiteral("application/oxps"));
    QCOMPARE(document.pageCount(), 1);
    QCOMPARE(document.pageSize(0).toSize(), QSize(595, 842)); // A4
    QCOMPARE(document.text(0, CancellationToken {}).value(), QStringLiteral("KFileMetadata XPS Test\n"));
    QVERIFY(document.metadata().contains({QStringLiteral("Title"), QStringLiteral("Title")}));
    // Its obfuscated font gives the boxes their widths.
    const Result<QList<TextBox>> boxes = document.textBoxes(0, CancellationToken {});
    QVERIFY(boxes);
    QCOMPARE(boxes->size(), 3);
    QCOMPARE(boxes->at(2).text, QStringLiteral("Test"));
    QVERIFY(boxes->at(0).rect.width() > 0 && boxes->at(0).rect.right() < boxes->at(1).rect.left());
    QVERIFY(document.metadata().contains({QStringLiteral("Category"), QStringLiteral("Category 1; Category 2")}));
    RenderRequest request;
    request.dpi = 72;
    const Result<QImage> image = viewer.render(0, request, CancellationToken {});
    QVERIFY2(image, qPrintable(image.status().message()));
    int dark = 0;
    for (int y = 0; y < 120; ++y)
        for (int x = 0; x < 300; ++x)
            dark += image->pixelColor(x, y).lightness() < 128;
    QVERIFY2(dark > 50, qPrintable(QString::number(dark)));
}

void TestXpsBackend::fromBuffer()
{
    // Not a plain file: copied for libgxps first.
    QFile file(m_handmade);
    QVERIFY(file.open(QIODevice::ReadOnly));
    auto buffer = std::make_unique<QBuffer>();
    buffer->setData(file.readAll());
    buffer->open(QIODevice::ReadOnly);
    Viewer viewer;
    const Status status
        = viewer.open(std::move(buffer), QStringLiteral("download"), OpenOptions {}, CancellationToken {});
    QVERIFY2(status, qPrintable(status.message()));
    QCOMPARE(viewer.document()->pageCount(), 2);
    RenderRequest request;
    request.dpi = 24;
    QVERIFY(viewer.render(1, request, CancellationToken {}));
}

void TestXpsBackend::hugePageRefused()
{
    // 100000 × 100000 units (over a kilometre a side): it opens, its size is what it says, and a
    // render over the pixel limit is refused before anything is allocated.
    const QString path = write(QStringLiteral("huge.xps"),
        xpsPackage({"<Path Fill=\"#FF000000\" Data=\"M 0,0 L 100000,100000 0,100000 Z\"/>"}, {}, false,
            "Width=\"100000\" Height=\"100000\""));
    Viewer viewer;
    QVERIFY(viewer.open(path, OpenOptions {}, CancellationToken {}));
    QCOMPARE(viewer.document()->pageSize(0), QSizeF(75000, 75000));
    RenderRequest request;
    const Result<QImage> image = viewer.render(0, request, CancellationToken {});
    QVERIFY(!image);
    QCOMPARE(statusName(image.status().code()), statusName(StatusCode::LimitExceeded));
    // A thumbnail is fine.
    request.dpi = 0.1;
    QVERIFY(viewer.render(0, request, CancellationToken {}));
}

void TestXpsBackend::zipBombRefused()
{
    // 16 MiB of zeros in one part deflate about a thousand to one: over the ratio limit, refused
    // before libgxps would read it whole.
    const QString path = write(QStringLiteral("bomb.xps"),
        xpsPackage({glyphs("x", 1, 1)},
            {{QStringLiteral("Resources/font.ttf"), m_font},
                {QStringLiteral("Resources/zeros.bin"), QByteArray(16 << 20, '\0')}}));
    Viewer viewer;
    const Status status = viewer.open(path, OpenOptions {}, CancellationToken {});
    QCOMPARE(statusName(status.code()), statusName(StatusCode::LimitExceeded));
    QVERIFY2(status.message().contains(QLatin1String("zeros.bin")), qPrintable(status.message()));
}

void TestXpsBackend::pictureBombRefused()
{
    const QString path = write(QStringLiteral("picture.xps"),
        xpsPackage({"<Path Data=\"M 0,0 L 10,0 10,10 Z\"><Path.Fill><ImageBrush ImageSource=\"/Resources/big.png\" "
                    "Viewbox=\"0,0,10,10\" ViewboxUnits=\"Absolute\" Viewport=\"0,0,10,10\" "
                    "ViewportUnits=\"Absolute\"/></Path.Fill></Path>"},
            {{QStringLiteral("Resources/big.png"), pngHeader(60000, 60000)}}));
    Viewer viewer;
    const Status status = viewer.open(path, OpenOptions {}, CancellationToken {});
    QCOMPARE(statusName(status.code()), statusName(StatusCode::LimitExceeded));
    QVERIFY2(status.message().contains(QLatin1String("60000")), qPrintable(status.message()));
}

void TestXpsBackend::deepNestingRefused()
{
    QByteArray body;
    for (int i = 0; i < 5000; ++i)
        body += "<Canvas>";
    for (int i = 0; i < 5000; ++i)
        body += "</Canvas>";
    const QString path = write(QStringLiteral("deep.xps"), xpsPackage({body}));
    Viewer viewer;
    QVERIFY(viewer.open(path, OpenOptions {}, CancellationToken {}));
    RenderRequest request;
    request.dpi = 24;
    const Result<QImage> image = viewer.render(0, request, CancellationToken {});
    QCOMPARE(statusName(image.status().code()), statusName(StatusCode::LimitExceeded));
    const Result<QString> text = viewer.text(0, CancellationToken {});
    QCOMPARE(statusName(text.status().code()), statusName(StatusCode::LimitExceeded));
}

void TestXpsBackend::badOutlineLevels()
{
    // An outline starting at level 3 and going back to 0: libgxps's own parser would crash on it.
    const QString path = write(QStringLiteral("outline.xps"),
        xpsPackage({"<Canvas Name=\"a\"/>"},
            {{QStringLiteral("Documents/1/_rels/FixedDocument.fdoc.rels"),
                 "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                 "<Relationship Id=\"S\" Type=\"http://schemas.microsoft.com/xps/2005/06/documentstructure\" "
                 "Target=\"Structure/DocStructure.struct\"/></Relationships>"},
                {QStringLiteral("Documents/1/Structure/DocStructure.struct"),
                    "<DocumentStructure xmlns=\"http://schemas.microsoft.com/xps/2005/06/documentstructure\">"
                    "<DocumentStructure.Outline><DocumentOutline>"
                    "<OutlineEntry OutlineLevel=\"3\" Description=\"Deep\" OutlineTarget=\"#a\"/>"
                    "<OutlineEntry OutlineLevel=\"0\" Description=\"Zero\" OutlineTarget=\"#a\"/>"
                    "<OutlineEntry OutlineLevel=\"9\" Description=\"Child\" OutlineTarget=\"#a\"/>"
                    "</DocumentOutline></DocumentStructure.Outline></DocumentStructure>"}},
            false, "Width=\"400\" Height=\"300\"", {"a"}));
    Viewer viewer;
    QVERIFY(viewer.open(path, OpenOptions {}, CancellationToken {}));
    const Result<QList<OutlineItem>> outline = viewer.document()->outline(CancellationToken {});
    QVERIFY2(outline, qPrintable(outline.status().message()));
    QCOMPARE(outline->size(), 2);
    QCOMPARE(outline->at(0).title, QStringLiteral("Deep"));
    QCOMPARE(outline->at(0).page, 0);
    QCOMPARE(outline->at(1).children.size(), 1);
}

void TestXpsBackend::truncated()
{
    QFile file(m_handmade);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    for (const qsizetype length : {bytes.size() / 2, bytes.size() - 30, qsizetype(100)}) {
        const QString path = write(QStringLiteral("cut.xps"), bytes.left(length));
        Viewer viewer;
        const Status status = viewer.open(path, OpenOptions {}, CancellationToken {});
        QVERIFY(!status);
        QVERIFY2(!status.message().isEmpty(), qPrintable(status.message()));
    }
}

void TestXpsBackend::notXps()
{
    // A ZIP named .xps without the fixed representation: refused with the reason.
    const QString path = write(QStringLiteral("plain.xps"),
        folio::test::zipParts(
            {{QStringLiteral("_rels/.rels"),
                 "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>"},
                {QStringLiteral("readme.txt"), "hello"}}));
    Viewer viewer;
    const Status status = viewer.open(path, OpenOptions {}, CancellationToken {});
    QCOMPARE(statusName(status.code()), statusName(StatusCode::Corrupt));
    QVERIFY2(status.message().contains(QLatin1String("FixedDocumentSequence")), qPrintable(status.message()));
}

void TestXpsBackend::cancelledRender()
{
    // A page of 40,000 paths at 300 dpi takes libgxps a while; a cancel from another thread while
    // it runs returns Canceled (the render goes on detached and ends by itself).
    QByteArray body;
    for (int i = 0; i < 40'000; ++i) {
        const int x = i % 200 * 4;
        const int y = i / 200 * 4;
        body += "<Path Fill=\"#80" + QByteArray::number(0x100000 + i * 37 % 0xefffff, 16) + "\" Data=\"M "
            + QByteArray::number(x) + "," + QByteArray::number(y) + " L " + QByteArray::number(x + 40) + ","
            + QByteArray::number(y + 3) + " " + QByteArray::number(x + 7) + "," + QByteArray::number(y + 40) + " Z\"/>";
    }
    const QString path
        = write(QStringLiteral("heavy.xps"), xpsPackage({body}, {}, false, "Width=\"800\" Height=\"800\""));
    Viewer viewer;
    QVERIFY(viewer.open(path, OpenOptions {}, CancellationToken {}));
    RenderRequest request;
    request.dpi = 300;
    CancellationSource source;
    std::thread canceller([&source] {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        source.cancel();
    });
    const Result<QImage> image = viewer.render(0, request, source.token());
    canceller.join();
    if (image)
        QSKIP("the page was rendered before the cancel came");
    QCOMPARE(statusName(image.status().code()), statusName(StatusCode::Canceled));

    // The document is still usable: the next render waits for the abandoned one.
    request.dpi = 12;
    const Result<QImage> again = viewer.render(0, request, CancellationToken {});
    QVERIFY2(again, qPrintable(again.status().message()));
    QCOMPARE(again->size(), QSize(100, 100));
}

void TestXpsBackend::cancelledOpen()
{
    CancellationSource source;
    source.cancel();
    Viewer viewer;
    const Status status = viewer.open(m_handmade, OpenOptions {}, source.token());
    QCOMPARE(statusName(status.code()), statusName(StatusCode::Canceled));
    QVERIFY(!viewer.isOpen());
}

QTEST_MAIN(TestXpsBackend)
#include "tst_xpsbackend.moc"
