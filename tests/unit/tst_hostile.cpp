// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile inputs across the formats: truncated files of every family, PDFs that lie about their
// page tree or nest without end, and output folders that cannot be written. Each must end in a
// success or a clear error inside the token's time limit, never a crash or a partial output.
#include "../common/officepackages.h"
#include "../common/testfiles.h"
#include "../common/testpaths.h"
#include "exporters/attachmentexporter.h"
#include "exporters/exporter.h"
#include "nativefilename.h"
#include "viewer.h"

#include <QBuffer>
#include <QDataStream>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace folio;
using namespace folio::test;
using namespace std::chrono_literals;

namespace {

QByteArray picture(const char *format)
{
    QImage image(120, 90, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    for (int x = 0; x < 120; ++x)
        image.setPixel(x, x % 90, qRgb(x * 2, 0, 0));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

QByteArray minimalEpub()
{
    return zipParts({{QStringLiteral("mimetype"), QByteArray("application/epub+zip")},
        {QStringLiteral("META-INF/container.xml"),
            QByteArray(
                "<?xml version=\"1.0\"?><container version=\"1.0\" "
                "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles><rootfile "
                "full-path=\"book.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles></container>")},
        {QStringLiteral("book.opf"),
            QByteArray("<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" "
                       "unique-identifier=\"id\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                       "<dc:identifier id=\"id\">x</dc:identifier><dc:title>Hostile</dc:title></metadata><manifest>"
                       "<item id=\"c1\" href=\"c1.xhtml\" media-type=\"application/xhtml+xml\"/></manifest><spine>"
                       "<itemref idref=\"c1\"/></spine></package>")},
        {QStringLiteral("c1.xhtml"),
            QByteArray("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><h1>Chapter</h1>"
                       "<p>Some text of the chapter, long enough to be cut in the middle.</p></body></html>")}});
}

// Opens, reads page 1 (render at low resolution, text) under a 20 s token. Returns the status of
// the first step that failed; ok when all worked.
Status exercise(const QString &path, qint64 *elapsedMs)
{
    QElapsedTimer timer;
    timer.start();
    CancellationSource source;
    source.cancelAfter(20s);
    const CancellationToken token = source.token();
    Viewer viewer;
    Status status = viewer.open(path, {}, token);
    if (status) {
        Document *document = viewer.document();
        status = document->ensurePages(1, token);
        if (status && document->pageCount() > 0) {
            RenderRequest request;
            request.dpi = 24;
            const auto image = document->render(0, request, token);
            status = image ? Status() : image.status();
            if (status) {
                const auto text = document->text(0, token);
                status = text ? Status() : text.status();
            }
        }
    }
    *elapsedMs = timer.elapsed();
    return status;
}

// PNG's chunk checksum (CRC-32, ISO 3309), bit by bit: a few dozen bytes are hashed here.
quint32 crc32Of(const QByteArray &bytes)
{
    quint32 crc = 0xffffffffu;
    for (const char byte : bytes) {
        crc ^= quint8(byte);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return crc ^ 0xffffffffu;
}

// A PNG whose header claims width × height, with one tiny IDAT: a decompression bomb by header.
QByteArray pngClaiming(quint32 width, quint32 height)
{
    const auto chunk = [](const QByteArray &type, const QByteArray &data) {
        QByteArray out;
        QDataStream stream(&out, QIODevice::WriteOnly);
        stream << quint32(data.size());
        out += type + data;
        QByteArray tail;
        QDataStream tailStream(&tail, QIODevice::WriteOnly);
        tailStream << crc32Of(type + data);
        return out + tail;
    };
    QByteArray header;
    QDataStream stream(&header, QIODevice::WriteOnly);
    stream << width << height << quint8(8) << quint8(2) << quint8(0) << quint8(0) << quint8(0);
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", header)
        + chunk("IDAT", QByteArray::fromHex("789c030000000001")) + chunk("IEND", {});
}

// A 54-byte BMP header claiming width × height at 24 bits, and no pixels.
QByteArray bmpClaiming(qint32 width, qint32 height)
{
    QByteArray out;
    QDataStream stream(&out, QIODevice::WriteOnly);
    stream.setByteOrder(QDataStream::LittleEndian);
    stream.writeRawData("BM", 2);
    stream << quint32(54) << quint32(0) << quint32(54) << quint32(40) << width << height << quint16(1) << quint16(24)
           << quint32(0) << quint32(0) << qint32(2835) << qint32(2835) << quint32(0) << quint32(0);
    return out;
}

// Peak resident memory of this process so far, in MiB.
qint64 peakMemoryMiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024; // KiB on Linux
}

// The process's peak stays under 512 MiB. Not checked under AddressSanitizer, whose shadow
// memory and quarantine of freed blocks (256 MiB by default) are part of the peak there.
#if defined(__SANITIZE_ADDRESS__)
#define verifyPeakMemory() (void)peakMemoryMiB()
#else
#define verifyPeakMemory()                                                                                             \
    QVERIFY2(peakMemoryMiB() < 512, qPrintable(QStringLiteral("peak %1 MiB").arg(peakMemoryMiB())))
#endif

// Writes a file named by raw bytes (which need not be UTF-8) inside `dir`; false on failure.
bool writeNativeFile(const QString &dir, const QByteArray &name, const QByteArray &bytes)
{
    const QByteArray path = QFile::encodeName(dir) + '/' + name;
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return false;
    const bool written = ::write(fd, bytes.constData(), size_t(bytes.size())) == bytes.size();
    return ::close(fd) == 0 && written;
}

// An OOXML package: `mainPart` (content type `mainType`, holding `mainXml`) with one relationship
// of type `relType` to `target` (relative to the main part's folder), which holds `targetXml`.
QByteArray ooxmlPackage(const QString &mainPart, const QString &mainType, const QByteArray &mainXml,
    const QString &relType, const QString &target, const QByteArray &targetXml)
{
    const QString folder = mainPart.section(u'/', 0, 0);
    return zipParts({{QStringLiteral("[Content_Types].xml"), contentTypes(mainPart, mainType)},
        {QStringLiteral("_rels/.rels"),
            relationships({{QStringLiteral("rId1"), QStringLiteral("officeDocument"), mainPart}})},
        {mainPart, mainXml},
        {folder + QStringLiteral("/_rels/") + mainPart.section(u'/', 1) + QStringLiteral(".rels"),
            relationships({{QStringLiteral("rId1"), relType, target}})},
        {folder + u'/' + target, targetXml}});
}

// The main XML part of each XML-based format, replaced by `xml`: what the format's reader must
// survive, whatever the rest of the package is.
QByteArray withMainPart(const QString &format, const QByteArray &xml)
{
    if (format == QLatin1String("svg") || format == QLatin1String("fb2") || format == QLatin1String("xhtml"))
        return xml;
    if (format == QLatin1String("docx")) {
        Docx docx;
        docx.documentOverride = xml;
        return docx.bytes();
    }
    if (format == QLatin1String("xlsx"))
        return ooxmlPackage(QStringLiteral("xl/workbook.xml"),
            QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
            "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
            "<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            QStringLiteral("worksheet"), QStringLiteral("worksheets/sheet1.xml"), xml);
    if (format == QLatin1String("pptx"))
        return ooxmlPackage(QStringLiteral("ppt/presentation.xml"),
            QStringLiteral("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
            "<?xml version=\"1.0\"?><p:presentation "
            "xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\" "
            "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            "<p:sldIdLst><p:sldId id=\"256\" r:id=\"rId1\"/></p:sldIdLst>"
            "<p:sldSz cx=\"9144000\" cy=\"6858000\"/></p:presentation>",
            QStringLiteral("slide"), QStringLiteral("slides/slide1.xml"), xml);
    // OpenDocument: odt, ods, odp.
    const QString type = format == QLatin1String("odt") ? QStringLiteral("application/vnd.oasis.opendocument.text")
        : format == QLatin1String("ods") ? QStringLiteral("application/vnd.oasis.opendocument.spreadsheet")
                                         : QStringLiteral("application/vnd.oasis.opendocument.presentation");
    return zipParts({{QStringLiteral("mimetype"), type.toUtf8()},
        {QStringLiteral("META-INF/manifest.xml"), odfManifest(type, {QStringLiteral("content.xml")})},
        {QStringLiteral("content.xml"), xml}});
}

// Nine levels of entities, each ten of the one below: 10^9 "a" if expanded.
QByteArray billionLaughs(const QByteArray &root)
{
    QByteArray dtd = "<!ENTITY l0 \"aaaaaaaaaa\">";
    for (int level = 1; level <= 9; ++level)
        dtd += "<!ENTITY l" + QByteArray::number(level) + " \""
            + ("&l" + QByteArray::number(level - 1) + ";").repeated(10) + "\">";
    return "<?xml version=\"1.0\"?><!DOCTYPE " + root + " [" + dtd + "]><" + root + ">&l9;</" + root + ">";
}

QStringList everything(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

} // namespace

class TestHostile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void truncatedFilesOfEveryFamily_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("pdf") << QStringLiteral("doc.pdf") << readFile(dataFile(QStringLiteral("two-pages.pdf")));
        QTest::newRow("png") << QStringLiteral("p.png") << picture("PNG");
        QTest::newRow("jpeg") << QStringLiteral("p.jpg") << picture("JPEG");
        QTest::newRow("bmp") << QStringLiteral("p.bmp") << picture("BMP");
        QTest::newRow("svg") << QStringLiteral("p.svg")
                             << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"80\">"
                                           "<rect x=\"5\" y=\"5\" width=\"50\" height=\"40\" fill=\"red\"/>"
                                           "<text x=\"10\" y=\"70\">cut</text></svg>");
        QTest::newRow("text") << QStringLiteral("t.txt")
                              << QByteArray("line one\nline two \xc3\xa9t\xc3\xa9\n").repeated(50);
        QTest::newRow("markdown")
            << QStringLiteral("m.md")
            << QByteArray("# Title\n\n- a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n").repeated(4);
        QTest::newRow("csv") << QStringLiteral("c.csv") << QByteArray("a,b,\"c\nd\"\n1,2,3\n").repeated(30);
        QTest::newRow("docx") << QStringLiteral(
            "d.docx") << Docx {wordParagraph(QStringLiteral("Hostile paragraph")).repeated(40), {}, {}, {}}.bytes();
        QTest::newRow("epub") << QStringLiteral("b.epub") << minimalEpub();
        QTest::newRow("html") << QStringLiteral("p.html")
                              << QByteArray("<!DOCTYPE html><html><head><title>T</title></head><body>"
                                     + QByteArray("<h2>Part</h2><p>Some <b>bold</b> text &amp; more.</p>").repeated(20)
                                     + "</body></html>");
        QTest::newRow("mhtml")
            << QStringLiteral("p.mhtml")
            << QByteArray("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n"
                          "--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                   + QByteArray("<p>Some text =C3=A9t=C3=A9 in a soft=\r\nbreak</p>").repeated(20)
                   + "\r\n--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                   + picture("PNG").toBase64() + "\r\n--b--\r\n");
        QTest::newRow("fb2") << QStringLiteral("b.fb2")
                             << QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<FictionBook "
                                           "xmlns=\"http://www.gribuser.ru/xml/fictionbook/2.0\"><body>"
                                    + QByteArray("<section><title><p>Part</p></title><p>Some <emphasis>text</emphasis>"
                                                 "</p></section>")
                                          .repeated(20)
                                    + "</body></FictionBook>");
        QTest::newRow("zip") << QStringLiteral("a.zip")
                             << zipParts({{QStringLiteral("one.txt"), QByteArray("first entry\n").repeated(100)},
                                    {QStringLiteral("dir/two.txt"), QByteArray("second\n")}});
        QTest::newRow("cbz") << QStringLiteral("c.cbz")
                             << zipParts({{QStringLiteral("01.png"), picture("PNG")},
                                    {QStringLiteral("02.png"), picture("PNG")}});
        QByteArray numbers;
        for (int i = 0; i < 300; ++i)
            numbers += "line " + QByteArray::number(i * 7919 % 1000) + "\n";
        QTest::newRow("gzip") << QStringLiteral("t.txt.gz") << gzip(numbers);
    }
    void truncatedFilesOfEveryFamily()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QVERIFY(bytes.size() > 64);
        QTemporaryDir dir;
        // The whole file works; every cut either works or fails with a message, in time.
        qint64 elapsed = 0;
        const QString whole = writeFile(dir, name, bytes);
        const Status intact = exercise(whole, &elapsed);
        QVERIFY2(intact.isOk(), qPrintable(intact.message()));
        for (const double fraction : {0.05, 0.3, 0.5, 0.9, 0.99}) {
            const qsizetype cut = std::max<qsizetype>(1, qsizetype(bytes.size() * fraction));
            const QString path = writeFile(dir, QStringLiteral("cut-%1-").arg(cut) + name, bytes.left(cut));
            const Status status = exercise(path, &elapsed);
            QVERIFY2(status.isOk() || !status.message().trimmed().isEmpty(), qPrintable(path));
            QVERIFY2(status.code() != StatusCode::TimedOut, qPrintable(path + QStringLiteral(" hung")));
        }
    }

    // Pictures whose headers claim 100000 × 100000 pixels: refused from the header, at once.
    void imageBombsByHeader_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        QTest::newRow("png") << QStringLiteral("bomb.png") << pngClaiming(100000, 100000)
                             << int(StatusCode::LimitExceeded);
        // Qt's BMP reader checks the header against the file's size first: damaged, not big.
        QTest::newRow("bmp") << QStringLiteral("bomb.bmp") << bmpClaiming(100000, 100000) << int(StatusCode::Corrupt);
    }
    void imageBombsByHeader()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        QTemporaryDir dir;
        const QString path = writeFile(dir, name, bytes);
        qint64 elapsed = 0;
        const Status status = exercise(path, &elapsed);
        QCOMPARE(int(status.code()), code);
        QVERIFY2(status.message().contains(name), qPrintable(status.message()));
        verifyPeakMemory();
    }

    // A gzip of a gzip of 64 MiB of zeros: the inner one is refused by the ratio limit after a
    // chunk, however deep the nesting.
    void nestedCompressionBomb()
    {
        QTemporaryDir dir;
        const QByteArray inner = gzip(QByteArray(64 << 20, '\0'));
        const QString path = writeFile(dir, QStringLiteral("zeros.gz.gz"), gzip(inner));
        qint64 elapsed = 0;
        const Status status = exercise(path, &elapsed);
        QCOMPARE(status.code(), StatusCode::LimitExceeded);
        QVERIFY2(status.message().contains(QLatin1String("ratio")), qPrintable(status.message()));
        verifyPeakMemory();
    }

    // The page tree claims a million pages but holds one: refused at once, not walked.
    void pdfClaimingAMillionPages()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("million.pdf"),
            pdfFromObjects({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1000000 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"}));
        qint64 elapsed = 0;
        const Status status = exercise(path, &elapsed);
        if (!status.isOk())
            QVERIFY2(status.message().contains(QLatin1String("page")), qPrintable(status.message()));
        QVERIFY2(status.code() != StatusCode::TimedOut, "hung on the page tree");
        Viewer viewer;
        if (viewer.open(path, {}, {}).isOk())
            QVERIFY(viewer.document()->pageCount() <= Limits().maxPageCount);
    }

    // Nesting and loops in PDF structures: a 100,000-deep array, a page tree that contains itself.
    void pdfStructuresThatRecurse_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("deep array") << pdfFromObjects(
            {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Deep " + QByteArray(100000, '[')
                    + QByteArray(100000, ']') + " >>"});
        QTest::newRow("page tree loop") << pdfFromObjects(
            {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"});
        QTest::newRow("deep dictionary") << pdfFromObjects(
            {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Deep " + QByteArray("<< /A ").repeated(50000)
                    + QByteArray(" >>").repeated(50000) + " >>"});
    }
    void pdfStructuresThatRecurse()
    {
        QFETCH(QByteArray, bytes);
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("recurse.pdf"), bytes);
        qint64 elapsed = 0;
        const Status status = exercise(path, &elapsed);
        QVERIFY2(status.isOk() || !status.message().isEmpty(), "an error without a message");
        QVERIFY2(status.code() != StatusCode::TimedOut, "hung");
    }

    // XML attacks in the main part of every XML-based format: entity expansion, an external
    // entity naming a local file, and nesting 100,000 deep. Each is refused or read harmlessly,
    // quickly, and the local file never shows up in the text.
    void xmlAttacksInEveryFormat_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("xml");
        const QByteArray secret
            = QFile::encodeName(QFileInfo(sourceDir() + QStringLiteral("/LICENSE")).absoluteFilePath());
        for (const char *format : {"docx", "xlsx", "pptx", "odt", "ods", "odp", "svg", "fb2", "xhtml"}) {
            const QByteArray name(format);
            const QByteArray root = name == "svg" ? "svg"
                : name == "fb2"                   ? "FictionBook"
                : name == "xhtml"                 ? "html"
                                                  : "document";
            QTest::addRow("%s billion laughs", format) << QString::fromLatin1(format) << billionLaughs(root);
            QTest::addRow("%s external entity", format)
                << QString::fromLatin1(format)
                << "<?xml version=\"1.0\"?><!DOCTYPE " + root + " [<!ENTITY secret SYSTEM \"file://" + secret + "\">]><"
                    + root + " xmlns=\"http://www.w3.org/2000/svg\"><text>&secret;</text></" + root + ">";
            QTest::addRow("%s deep nesting", format)
                << QString::fromLatin1(format)
                << "<?xml version=\"1.0\"?><" + root + " xmlns=\"http://www.w3.org/2000/svg\">"
                    + QByteArray("<g>").repeated(100000) + QByteArray("</g>").repeated(100000) + "</" + root + ">";
        }
    }
    void xmlAttacksInEveryFormat()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, xml);
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("attack.") + format, withMainPart(format, xml));
        qint64 elapsed = 0;
        const Status status = exercise(path, &elapsed);
        QVERIFY2(status.isOk() || !status.message().trimmed().isEmpty(), "an error without a message");
        QVERIFY2(status.code() != StatusCode::TimedOut, "hung");
        QVERIFY2(status.message().count(QStringLiteral("attack.")) <= 1, qPrintable(status.message())); // named once
        Viewer viewer;
        if (viewer.open(path, {}, {}).isOk() && viewer.document()->pageCount() > 0) {
            const auto text = viewer.text(0, {});
            if (text)
                QVERIFY2(!text->contains(QLatin1String("GNU GENERAL PUBLIC LICENSE")), "an external entity was read");
        }
        verifyPeakMemory();
    }

    // A folder that cannot be created (procfs refuses even root): a clear error, nothing written.
    void unwritableOutputFolder_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("png") << int(ExportOptions::Format::Png);
        QTest::newRow("html") << int(ExportOptions::Format::Html);
        QTest::newRow("pdf") << int(ExportOptions::Format::Pdf);
    }
    void unwritableOutputFolder()
    {
        QFETCH(int, format);
        Viewer viewer;
        QVERIFY(viewer.open(dataFile(QStringLiteral("two-pages.pdf")), {}, {}).isOk());
        ExportOptions options;
        options.format = ExportOptions::Format(format);
        options.rotation = 90; // no byte-for-byte copy of the PDF: a real export
        options.dpi = 36;
        const QString target = QStringLiteral("/proc/folio-export-test/out");
        const auto written = Exporter::exportPages(viewer, {0, 1}, target, options, {});
        QVERIFY(!written.isOk());
        QVERIFY2(written.status().message().contains(QLatin1String("folio-export-test")),
            qPrintable(written.status().message()));
        QVERIFY(!QFileInfo::exists(target));
    }

    // A folder that exists but takes no files (sysfs refuses even root; a 0555 folder refuses
    // anyone else): a clear error naming it, nothing written.
    void readOnlyOutputFolder()
    {
        QTemporaryDir dir;
        QString target = dir.filePath(QStringLiteral("read-only"));
        QVERIFY(QDir().mkpath(target));
        QVERIFY(QFile::setPermissions(target, QFile::ReadOwner | QFile::ExeOwner));
        if (geteuid() == 0)
            target = QStringLiteral("/sys/kernel");
        if (!QFileInfo(target).isDir())
            QSKIP("no read-only folder to write into here");
        const QStringList before = everything(target);
        Viewer viewer;
        QVERIFY(viewer.open(dataFile(QStringLiteral("two-pages.pdf")), {}, {}).isOk());
        ExportOptions options;
        options.dpi = 36;
        const auto written = Exporter::exportPages(viewer, {0, 1}, target, options, {});
        QVERIFY(!written.isOk());
        QVERIFY2(written.status().message().contains(target), qPrintable(written.status().message()));
        QCOMPARE(everything(target), before);
        QFile::setPermissions(
            dir.filePath(QStringLiteral("read-only")), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    // A ZIP of ZIPs of zeros (8 × 8 × 8 MiB = 512 MiB from a few hundred KiB): the outer archive
    // lists and extracts (its entries are plain ZIPs), each inner one lists, and extracting an
    // inner entry is refused by the ratio limit with nothing left behind, in little memory.
    void nestedZipBomb()
    {
        const QByteArray zeros(8 << 20, '\0');
        Parts innerParts;
        for (int i = 0; i < 8; ++i)
            innerParts.append({QStringLiteral("zeros-%1.bin").arg(i), zeros});
        const QByteArray inner = zipParts(innerParts);
        QVERIFY(inner.size() < 512 * 1024);
        Parts outerParts;
        for (int i = 0; i < 8; ++i)
            outerParts.append({QStringLiteral("layer-%1.zip").arg(i), inner});
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("nested.zip"), zipParts(outerParts));

        qint64 elapsed = 0;
        const Status listed = exercise(path, &elapsed);
        QVERIFY2(listed.isOk(), qPrintable(listed.message()));
        Viewer outer;
        QVERIFY(outer.open(path, {}, {}).isOk());
        QCOMPARE(outer.attachments().size(), 8);
        const QString layers = dir.filePath(QStringLiteral("layers"));
        const auto extracted = AttachmentExporter::extract(*outer.document(), {0, 1}, layers, {});
        QVERIFY2(extracted.isOk(), qPrintable(extracted.status().message()));
        QCOMPARE(extracted->size(), 2);

        Viewer layer;
        QVERIFY(layer.open(extracted->first(), {}, {}).isOk());
        QCOMPARE(layer.attachments().size(), 8);
        QCOMPARE(layer.attachments().first().size, qint64(8 << 20));
        const QString out = dir.filePath(QStringLiteral("out"));
        CancellationSource source;
        source.cancelAfter(20s);
        const auto refused
            = AttachmentExporter::extract(*layer.document(), {0, 1, 2, 3, 4, 5, 6, 7}, out, source.token());
        QCOMPARE(refused.status().code(), StatusCode::LimitExceeded);
        QVERIFY2(refused.status().message().contains(QLatin1String("ratio")), qPrintable(refused.status().message()));
        QCOMPARE(everything(out), QStringList());
        verifyPeakMemory();
    }

    // A 1 GiB log: counted, its last page rendered and a middle page read, all streamed.
    void oneGibibyteTextFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("huge.log"));
        {
            QByteArray block;
            for (int line = 0; block.size() < (1 << 20) - 64; ++line)
                block += "2026-11-26 06:00:00 worker " + QByteArray::number(line).rightJustified(6, '0')
                    + " finished a step of the long job\n";
            block += QByteArray((1 << 20) - block.size() - 1, 'x') + '\n';
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            for (int i = 0; i < 1024; ++i)
                QCOMPARE(file.write(block), qint64(block.size()));
        }
        QCOMPARE(QFileInfo(path).size(), qint64(1) << 30);
        CancellationSource source;
        source.cancelAfter(120s);
        const CancellationToken token = source.token();
        Viewer viewer;
        QVERIFY(viewer.open(path, {}, token).isOk());
        const auto info = viewer.info(token);
        QVERIFY2(info.isOk(), qPrintable(info.status().message()));
        QVERIFY2(info->pageCount > 100000, qPrintable(QString::number(info->pageCount)));
        RenderRequest request;
        request.dpi = 24;
        const auto last = viewer.render(info->pageCount - 1, request, token);
        QVERIFY2(last.isOk(), qPrintable(last.status().message()));
        const auto middle = viewer.text(info->pageCount / 2, token);
        QVERIFY2(middle.isOk(), qPrintable(middle.status().message()));
        QVERIFY(middle->contains(QLatin1String("finished a step of the long job")));
        verifyPeakMemory();
    }

    // Names that are bytes, not UTF-8: shown with \xHH escapes, opened by their bytes (also by a
    // second instance, and after the file is removed), refused clearly when missing.
    void fileNamesThatAreNotUtf8()
    {
        QCOMPARE(NativeFileName::display("caf\xc3\xa9-\xe9t\xe9.pdf"), QStringLiteral("caf\u00e9-\\xE9t\\xE9.pdf"));
        QCOMPARE(NativeFileName::display("\xc0\xaf\xed\xa0\x80.txt"), QStringLiteral("\\xC0\\xAF\\xED\\xA0\\x80.txt"));
        QCOMPARE(NativeFileName::display("\xf0\x9f\x93\x84"), QStringLiteral("\U0001F4C4"));
        QVERIFY(NativeFileName::isRepresentable("caf\xc3\xa9.pdf"));
        QVERIFY(!NativeFileName::isRepresentable("caf\xe9.pdf"));

        QTemporaryDir dir;
        const QByteArray name("report-\xff\xfe-\xe9t\xe9.pdf");
        QVERIFY(writeNativeFile(dir.path(), name, readFile(dataFile(QStringLiteral("two-pages.pdf")))));
        const QByteArray native = QFile::encodeName(dir.path()) + '/' + name;
        QVERIFY(!QFile::exists(QFile::decodeName(native))); // what Qt alone would look for
        Viewer lost;
        const Status notFound = lost.open(QFile::decodeName(native), {}, {});
        QVERIFY2(notFound.message().contains(QLatin1String("not UTF-8")), qPrintable(notFound.message()));

        const auto reachable = NativeFileName::reachable(native);
        QVERIFY2(reachable.isOk(), qPrintable(reachable.status().message()));
        OpenOptions options;
        options.displayName = NativeFileName::display(native);
        Viewer viewer;
        QVERIFY(viewer.open(reachable.value(), options, {}).isOk());
        QVERIFY(viewer.fileName().endsWith(QLatin1String("report-\\xFF\\xFE-\\xE9t\\xE9.pdf")));
        QCOMPARE(viewer.document()->formatId(), QStringLiteral("pdf"));
        QVERIFY(viewer.openInstance({}).isOk());
        QVERIFY(::unlink(native.constData()) == 0);
        const auto text = viewer.text(1, {});
        QVERIFY2(text.isOk(), qPrintable(text.status().message()));
        QVERIFY(viewer.checkFileUnchanged().isOk()); // still the same file through its descriptor

        const auto missing = NativeFileName::reachable(QFile::encodeName(dir.path()) + "/gone-\xe9.txt");
        QCOMPARE(missing.status().code(), StatusCode::IoError);
        QVERIFY2(missing.status().message().contains(QLatin1String("gone-\\xE9.txt")),
            qPrintable(missing.status().message()));
    }

    // The file is deleted, truncated, rewritten or replaced while open. What is open keeps working
    // or fails with a message; a second instance and a byte-for-byte copy are refused, so an
    // export never mixes two versions; no partial output.
    void fileChangedWhileOpen_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("change");
        const QByteArray pdfBytes = readFile(dataFile(QStringLiteral("two-pages.pdf")));
        QByteArray text;
        for (int i = 0; i < 20000; ++i)
            text += "line " + QByteArray::number(i) + " of a log that is being rotated\n";
        Docx letter;
        letter.body = wordParagraph(QStringLiteral("Changed under our feet."));
        const QByteArray docx = letter.bytes();
        const QByteArray zip = zipParts({{QStringLiteral("a.txt"), text}, {QStringLiteral("b.txt"), pdfBytes}});
        for (const QString &change : {QStringLiteral("deleted"), QStringLiteral("truncated"),
                 QStringLiteral("rewritten"), QStringLiteral("replaced")}) {
            QTest::addRow("pdf %s", qPrintable(change)) << QStringLiteral("doc.pdf") << pdfBytes << change;
            QTest::addRow("text %s", qPrintable(change)) << QStringLiteral("log.txt") << text << change;
            QTest::addRow("docx %s", qPrintable(change)) << QStringLiteral("letter.docx") << docx << change;
            QTest::addRow("zip %s", qPrintable(change)) << QStringLiteral("bundle.zip") << zip << change;
        }
    }
    void fileChangedWhileOpen()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, change);
        QTemporaryDir dir;
        const QString path = writeFile(dir, name, bytes);
        Viewer viewer;
        QVERIFY(viewer.open(path, {}, {}).isOk());
        RenderRequest request;
        request.dpi = 24;
        QVERIFY(viewer.render(0, request, {}).isOk());
        const int pagesBefore = viewer.document()->pageCount();

        if (change == QLatin1String("deleted")) {
            QVERIFY(QFile::remove(path));
        } else if (change == QLatin1String("truncated")) {
            QVERIFY(QFile::resize(path, bytes.size() / 3));
        } else if (change == QLatin1String("rewritten")) { // in place, same inode, other bytes
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.write(QByteArray(bytes.size() / 2, '\x7f')) > 0);
            QVERIFY(file.resize(bytes.size() / 2));
        } else { // a new file renamed over it, as editors and downloaders save
            const QString fresh = writeFile(
                dir, QStringLiteral("fresh"), readFile(sourceDir() + QStringLiteral("/resources/sample.pdf")));
            QVERIFY(QFile::remove(path) && QFile::rename(fresh, path));
        }

        const Status unchanged = viewer.checkFileUnchanged();
        QVERIFY(!unchanged.isOk());
        QVERIFY2(unchanged.message().contains(name), qPrintable(unchanged.message()));
        QVERIFY2(unchanged.message().contains(
                     change == QLatin1String("deleted") ? QLatin1String("deleted") : QLatin1String("changed")),
            qPrintable(unchanged.message()));
        QCOMPARE(viewer.openInstance({}).status().message(), unchanged.message());

        CancellationSource source;
        source.cancelAfter(20s);
        const CancellationToken token = source.token();
        Document *document = viewer.document();
        for (int page = 0; page < std::min(pagesBefore, 4); ++page) {
            const auto image = document->render(page, request, token);
            QVERIFY2(image.isOk() || !image.status().message().isEmpty(), "an error without a message");
            const auto text = document->text(page, token);
            QVERIFY2(text.isOk() || !text.status().message().isEmpty(), "an error without a message");
        }
        QVERIFY2(!token.isCancelled(), "hung on a changed file");

        // Two threads: the second would open the file again, which is refused; the export is
        // made from the open document alone, or fails whole.
        const QString out = dir.filePath(QStringLiteral("out"));
        ExportOptions options;
        options.dpi = 24;
        options.threads = 2;
        const auto written = Exporter::exportPages(viewer, {0}, out, options, token);
        if (!written.isOk()) {
            QVERIFY(!written.status().message().isEmpty());
            QVERIFY(!QFileInfo::exists(out) || everything(out).isEmpty());
        } else {
            QCOMPARE(written->size(), 1);
            QCOMPARE(everything(out).size(), 1);
        }
        if (name.endsWith(QLatin1String(".pdf"))) {
            // All pages, nothing to change: would be a byte copy, but not of another file.
            const QString whole = dir.filePath(QStringLiteral("whole"));
            options.format = ExportOptions::Format::Pdf;
            const auto copied = Exporter::exportPages(viewer, {0, 1}, whole, options, token);
            QVERIFY2(copied.isOk(), qPrintable(copied.status().message()));
            QVERIFY(readFile(copied->first()) != readFile(path));
            Viewer check;
            QVERIFY(check.open(copied->first(), {}, {}).isOk());
            QCOMPARE(check.document()->pageCount(), 2);
        }
    }

    // A full disk, made with a file-size limit (root may write anywhere, but not past RLIMIT_FSIZE):
    // every export fails with the write error and leaves nothing behind.
    void fullOutputFolder_data() { unwritableOutputFolder_data(); }
    void fullOutputFolder()
    {
        QFETCH(int, format);
#if defined(__SANITIZE_ADDRESS__)
        // Qt's PNG writer leaks its row buffer when libpng aborts a failed write (a longjmp past
        // the delete): LeakSanitizer would fail the whole run on Qt's leak, not Folio's.
        if (format == int(ExportOptions::Format::Png))
            QSKIP("Qt's PNG writer leaks on a failed write; checked in the unsanitised build");
#endif
        Viewer viewer;
        QVERIFY(viewer.open(dataFile(QStringLiteral("two-pages.pdf")), {}, {}).isOk());
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("out"));
        QDir().mkpath(out);
        ExportOptions options;
        options.format = ExportOptions::Format(format);
        options.rotation = 90;
        options.dpi = 150;
        rlimit old {};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
        const auto previous = std::signal(SIGXFSZ, SIG_IGN);
        rlimit small = old;
        small.rlim_cur = 4096; // bytes: every page file is larger
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        const auto written = Exporter::exportPages(viewer, {0, 1}, out, options, {});
        setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, previous);
        QVERIFY(!written.isOk());
        QVERIFY2(!written.status().message().isEmpty(), "no message");
        QCOMPARE(everything(out), QStringList());
    }
};

QTEST_MAIN(TestHostile)
#include "tst_hostile.moc"
