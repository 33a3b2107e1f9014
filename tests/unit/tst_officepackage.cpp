// SPDX-License-Identifier: GPL-3.0-or-later
// The pieces the Office readers share: the package (parts, relationships, metadata, limits),
// units and value parsers, and telling OOXML packages apart from plain ZIPs by content.
#include "../common/officepackages.h"
#include "backends/office/officepackage.h"
#include "backends/office/officeunits.h"
#include "formatdetector.h"

#include <QBuffer>
#include <QPainter>
#include <QTest>

using namespace folio;
using namespace folio::office;
using namespace folio::test;

namespace {

std::unique_ptr<Package> openPackage(const QByteArray &zip, const Limits &limits = {})
{
    auto device = std::make_unique<QBuffer>();
    device->setData(zip);
    device->open(QIODevice::ReadOnly);
    auto package = Package::open(std::move(device), QStringLiteral("test.docx"), limits, CancellationToken());
    return package ? std::move(package).value() : nullptr;
}

QByteArray pngBytes(QSize size, QColor color)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// moc (Qt 6.4) cannot read raw string literals: fixtures use plain ones.
QByteArray strictRelsXml()
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\n"
           "<Relationship Id=\"rId1\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument\" "
           "Target=\"word/document.xml\"/>\n"
           "</Relationships>";
}

QByteArray laughsXml()
{
    return "<?xml version=\"1.0\"?>\n"
           "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
           "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\n"
           "<Relationship Id=\"rId1\" Type=\"x/officeDocument\" Target=\"&b;\"/></Relationships>";
}

QByteArray coreXml()
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\"\n"
           " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\">\n"
           "<dc:title>Quarterly report</dc:title><dc:creator>Ada</dc:creator>\n"
           "<dcterms:created>2024-01-02T03:04:05Z</dcterms:created></cp:coreProperties>";
}

QByteArray appXml()
{
    return "<?xml version=\"1.0\"?><Properties "
           "xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>Microsoft "
           "Office Word</Application></Properties>";
}

QByteArray metaXml()
{
    return "<?xml version=\"1.0\"?><office:document-meta "
           "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
           "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "
           "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><office:meta><dc:title>Minutes</"
           "dc:title><meta:initial-creator>Grace</meta:initial-creator><meta:generator>LibreOffice/7.4</"
           "meta:generator></office:meta></office:document-meta>";
}

} // namespace

class TestOfficePackage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resolve_data()
    {
        QTest::addColumn<QString>("part");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("expected");
        QTest::newRow("sibling folder") << "word/document.xml"
                                        << "media/image1.png"
                                        << "word/media/image1.png";
        QTest::newRow("absolute") << "ppt/slides/slide1.xml"
                                  << "/ppt/media/a.png"
                                  << "ppt/media/a.png";
        QTest::newRow("parent") << "ppt/slides/slide1.xml"
                                << "../slideLayouts/slideLayout1.xml"
                                << "ppt/slideLayouts/slideLayout1.xml";
        QTest::newRow("package root") << ""
                                      << "word/document.xml"
                                      << "word/document.xml";
        QTest::newRow("dot segments") << "word/document.xml"
                                      << "./media/../media/x.png"
                                      << "word/media/x.png";
        QTest::newRow("escape") << "word/document.xml"
                                << "../../etc/passwd"
                                << "";
        QTest::newRow("percent-encoded") << "word/document.xml"
                                         << "media/a%20b.png"
                                         << "word/media/a b.png";
        QTest::newRow("fragment") << "content.xml"
                                  << "Pictures/p.png#x"
                                  << "Pictures/p.png";
        QTest::newRow("backslashes") << "word/document.xml"
                                     << "media\\img.png"
                                     << "word/media/img.png";
    }
    void resolve()
    {
        QFETCH(QString, part);
        QFETCH(QString, target);
        QFETCH(QString, expected);
        QCOMPARE(Package::resolve(part, target), expected);
    }

    void lengths_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("points"); // negative: not a length
        QTest::newRow("cm") << "2.54cm" << 72.0;
        QTest::newRow("in") << "1in" << 72.0;
        QTest::newRow("mm") << "25.4mm" << 72.0;
        QTest::newRow("pt") << "12pt" << 12.0;
        QTest::newRow("pc") << "1pc" << 12.0;
        QTest::newRow("px") << "96px" << 72.0;
        QTest::newRow("bare") << "10" << 10.0;
        QTest::newRow("percent") << "50%" << -1.0;
        QTest::newRow("garbage") << "abc" << -1.0;
        QTest::newRow("unknown unit") << "3furlong" << -1.0;
    }
    void lengths()
    {
        QFETCH(QString, text);
        QFETCH(double, points);
        const std::optional<double> parsed = parseLength(text);
        QCOMPARE(parsed.has_value(), points >= 0);
        if (parsed)
            QCOMPARE(*parsed, points);
    }

    void unitsAndValues()
    {
        QCOMPARE(emuToPoints(914400), 72.0);
        QCOMPARE(twipsToPoints(1440), 72.0);
        QCOMPARE(halfPointsToPoints(24), 12.0);
        QCOMPARE(parseHexColor(u"FF0000")->name(), QStringLiteral("#ff0000"));
        QCOMPARE(parseHexColor(u"#00ff00")->name(), QStringLiteral("#00ff00"));
        QVERIFY(!parseHexColor(u"auto"));
        QVERIFY(!parseHexColor(u"12345"));
        const QString zero = QStringLiteral("0"), empty, falseText = QStringLiteral("false");
        QVERIFY(parseOnOff(nullptr));
        QVERIFY(!parseOnOff(nullptr, false));
        QVERIFY(parseOnOff(&empty));
        QVERIFY(!parseOnOff(&zero));
        QVERIFY(!parseOnOff(&falseText));
        QCOMPARE(*parsePercentage(u"50000"), 0.5);
        QCOMPARE(*parsePercentage(u"25%"), 0.25);
        QCOMPARE(columnIndex(u"A1"), 0);
        QCOMPARE(columnIndex(u"Z9"), 25);
        QCOMPARE(columnIndex(u"AB12"), 27);
        QCOMPARE(columnIndex(u"XFD1048576"), 16383);
        QCOMPARE(columnIndex(u"12"), -1);
        QCOMPARE(columnIndex(u"ZZZZZZZZ1"), -1); // far past the last column: refused, no overflow
        QCOMPARE(rowIndex(u"AB12"), 11);
        QCOMPARE(rowIndex(u"A0"), -1);
        QCOMPARE(columnName(0), QStringLiteral("A"));
        QCOMPARE(columnName(25), QStringLiteral("Z"));
        QCOMPARE(columnName(26), QStringLiteral("AA"));
        QCOMPARE(columnName(16383), QStringLiteral("XFD"));
    }

    void relationshipsAndParts()
    {
        // Strict OOXML names relationship types under another namespace: typeIs() accepts both.
        const QByteArray strictRels = strictRelsXml();
        const QByteArray zip = zipParts({
            {QStringLiteral("[Content_Types].xml"),
                contentTypes(QStringLiteral("word/document.xml"), QStringLiteral("x"))},
            {QStringLiteral("_rels/.rels"), strictRels},
            {QStringLiteral("word/document.xml"), "<w:document/>"},
            {QStringLiteral("word/_rels/document.xml.rels"),
                relationships({{QStringLiteral("rId5"), QStringLiteral("image"), QStringLiteral("media/Image1.PNG")},
                    {QStringLiteral("rId6"), QStringLiteral("hyperlink"), QStringLiteral("https://example.org/")},
                    {QStringLiteral("rId7"), QStringLiteral("image"), QStringLiteral("media/missing.png")}})},
            {QStringLiteral("word/media/image1.png"), pngBytes(QSize(40, 20), Qt::red)},
        });
        auto package = openPackage(zip);
        QVERIFY(package);
        const CancellationToken token;
        const auto main = package->relationshipOfType(QString(), u"officeDocument", token);
        QVERIFY(main);
        QCOMPARE(package->targetPath(QString(), *main), QStringLiteral("word/document.xml"));
        const auto rels = package->relationships(QStringLiteral("word/document.xml"), token);
        QVERIFY(rels);
        QCOMPARE(rels->size(), 3);
        // A target that differs in case from the part still finds it; external and dangling ones give "".
        QCOMPARE(package->targetPath(QStringLiteral("word/document.xml"), rels->at(0)).toLower(),
            QStringLiteral("word/media/image1.png"));
        QVERIFY(rels->at(1).external);
        QCOMPARE(package->targetPath(QStringLiteral("word/document.xml"), rels->at(1)), QString());
        QCOMPARE(package->targetPath(QStringLiteral("word/document.xml"), rels->at(2)), QString());
        // Parts without relationships have none; a missing part is a Corrupt error naming it.
        QVERIFY(package->relationships(QStringLiteral("word/media/image1.png"), token)->isEmpty());
        const auto missing = package->read(QStringLiteral("word/styles.xml"), token);
        QCOMPARE(missing.status().code(), StatusCode::Corrupt);
        QVERIFY(missing.status().message().contains(QLatin1String("word/styles.xml")));

        // Pictures: size from the header, pixels at the requested size, placeholders for the rest.
        ImageStore images(*package);
        QCOMPARE(images.pixelSize(QStringLiteral("word/media/image1.png"), token), QSize(40, 20));
        const QImage drawn = images.image(QStringLiteral("word/media/image1.png"), QSize(80, 40), token);
        QCOMPARE(drawn.size(), QSize(80, 40));
        QCOMPARE(QColor(drawn.pixel(40, 20)), QColor(Qt::red));
        QVERIFY(!images.isUsable(QStringLiteral("word/media/missing.png"), token));
        const QImage placeholder = images.image(QStringLiteral("word/media/missing.png"), QSize(30, 30), token);
        QCOMPARE(placeholder.size(), QSize(30, 30));
        QVERIFY(QColor(placeholder.pixel(15, 2)) != QColor(Qt::red));
    }

    void hostileRelationships()
    {
        // Entities in a .rels part are refused, never expanded.
        const QByteArray laughs = laughsXml();
        auto package = openPackage(zipParts({{QStringLiteral("_rels/.rels"), laughs}}));
        QVERIFY(package);
        const auto rels = package->relationships(QString(), CancellationToken());
        QVERIFY(!rels);
        QCOMPARE(rels.status().code(), StatusCode::LimitExceeded);

        // A part that inflates past the ratio limit is refused by the package.
        Limits limits;
        limits.compressionRatioMinSize = 1024;
        limits.maxCompressionRatio = 10;
        auto bomb = openPackage(zipParts({{QStringLiteral("word/document.xml"), QByteArray(1 << 20, ' ')}}), limits);
        QVERIFY(bomb);
        const auto read = bomb->read(QStringLiteral("word/document.xml"), CancellationToken());
        QCOMPARE(read.status().code(), StatusCode::LimitExceeded);

        // Not a ZIP at all.
        QVERIFY(!openPackage(QByteArray("PK\x03\x04 not really a zip")));
    }

    void metadata()
    {
        const QByteArray core = coreXml();
        const QByteArray app = appXml();
        auto package = openPackage(
            zipParts({{QStringLiteral("docProps/core.xml"), core}, {QStringLiteral("docProps/app.xml"), app}}));
        QVERIFY(package);
        const Metadata metadata = package->metadata(CancellationToken());
        QVERIFY(metadata.contains({QStringLiteral("Title"), QStringLiteral("Quarterly report")}));
        QVERIFY(metadata.contains({QStringLiteral("Author"), QStringLiteral("Ada")}));
        QVERIFY(metadata.contains({QStringLiteral("CreationDate"), QStringLiteral("2024-01-02T03:04:05Z")}));
        QVERIFY(metadata.contains({QStringLiteral("Creator"), QStringLiteral("Microsoft Office Word")}));

        const QByteArray meta = metaXml();
        auto odf = openPackage(zipParts({{QStringLiteral("mimetype"), "application/vnd.oasis.opendocument.text"},
            {QStringLiteral("meta.xml"), meta}}));
        QVERIFY(odf);
        QCOMPARE(odf->odfMimeType(CancellationToken()), QStringLiteral("application/vnd.oasis.opendocument.text"));
        const Metadata odfMetadata = odf->metadata(CancellationToken());
        QVERIFY(odfMetadata.contains({QStringLiteral("Title"), QStringLiteral("Minutes")}));
        QVERIFY(odfMetadata.contains({QStringLiteral("Author"), QStringLiteral("Grace")}));
        QVERIFY(odfMetadata.contains({QStringLiteral("Creator"), QStringLiteral("LibreOffice/7.4")}));
    }

    // A DOCX, XLSX or PPTX saved under a .zip name (or none) is still recognised by its main part.
    void detectsOoxmlByContent_data()
    {
        QTest::addColumn<QString>("mainPart");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("mimeType");
        QTest::newRow("docx as zip") << "word/document.xml"
                                     << "download.zip"
                                     << "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        QTest::newRow("xlsx nameless") << "xl/workbook.xml"
                                       << ""
                                       << "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        QTest::newRow("pptx as bin") << "ppt/presentation.xml"
                                     << "file.bin"
                                     << "application/vnd.openxmlformats-officedocument.presentationml.presentation";
        QTest::newRow("plain zip") << "readme.txt"
                                   << "files.zip"
                                   << "application/zip";
    }
    void detectsOoxmlByContent()
    {
        QFETCH(QString, mainPart);
        QFETCH(QString, name);
        QFETCH(QString, mimeType);
        QBuffer buffer;
        buffer.setData(zipParts({{QStringLiteral("[Content_Types].xml"), "<Types/>"}, {mainPart, "<x/>"}}));
        buffer.open(QIODevice::ReadOnly);
        const Detection detection = FormatDetector::detect(buffer, name);
        QCOMPARE(detection.mimeType.name(), mimeType);
        QCOMPARE(buffer.pos(), 0);
    }
};

QTEST_GUILESS_MAIN(TestOfficePackage)
#include "tst_officepackage.moc"
