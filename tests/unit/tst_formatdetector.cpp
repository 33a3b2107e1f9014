// SPDX-License-Identifier: GPL-3.0-or-later
// Detection by content: the registry maps what the bytes are to a backend; the file name only
// refines a generic match.
#include "../common/officepackages.h"
#include "../common/testpaths.h"
#include "formatdetector.h"
#include "formatregistry.h"
#include "viewer.h"

#include <QBuffer>
#include <QFile>
#include <QTest>

using namespace folio;

class TestFormatDetector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void detect_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("mimeType");
        QTest::addColumn<QString>("backend"); // empty: unsupported
        const QByteArray pdf("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n");
        const QByteArray png = QByteArray::fromHex("89504e470d0a1a0a0000000d49484452");
        const QByteArray text("2026-11-25 12:00:00 INFO started\n2026-11-25 12:00:01 INFO ready\n");
        QTest::newRow("pdf") << pdf << "a.pdf"
                             << "application/pdf"
                             << "pdf";
        QTest::newRow("pdf named txt") << pdf << "a.txt"
                                       << "application/pdf"
                                       << "pdf";
        QTest::newRow("pdf without name") << pdf << ""
                                          << "application/pdf"
                                          << "pdf";
        QTest::newRow("png named pdf") << png << "b.pdf"
                                       << "image/png"
                                       << "image";
        QTest::newRow("log") << text << "server.log"
                             << "text/x-log"
                             << "text";
        QTest::newRow("plain text") << text << "notes.txt"
                                    << "text/plain"
                                    << "text";
        QTest::newRow("text without name") << text << ""
                                           << "text/plain"
                                           << "text";
        QTest::newRow("markdown") << QByteArray("# Title\n\nSome *text*.\n") << "README.md"
                                  << "text/markdown"
                                  << "text";
        QTest::newRow("csv") << QByteArray("a,b\n1,2\n") << "t.csv"
                             << "text/csv"
                             << "text";
        QTest::newRow("c++") << QByteArray("int main() { return 0; }\n") << "main.cpp"
                             << "text/x-c++src"
                             << "text";
        QTest::newRow("markdown that looks like matlab") << QByteArray("## T0\n\nfoo = bar\n") << "notes.md"
                                                         << "text/markdown"
                                                         << "text";
        QTest::newRow("svg named txt") << QByteArray(
            "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>")
                                       << "i.txt"
                                       << "image/svg+xml"
                                       << "image";
        QTest::newRow("text named pdf") << text << "fake.pdf"
                                        << "text/plain"
                                        << "text";
        QTest::newRow("svg") << QByteArray("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>")
                             << "i.svg"
                             << "image/svg+xml"
                             << "image";
        QTest::newRow("rar") << QByteArray("Rar!\x1a\x07\x00", 7) + QByteArray(32, '\1') << "x.rar"
                             << "application/vnd.rar"
                             << "archive";
        QTest::newRow("arj") << QByteArray("\x60\xea", 2) + QByteArray(64, '\x04') << "x.arj"
                             << "application/x-arj"
                             << "";
        // Poppler and MuPDF find the header within the first 1,024 bytes; so does Folio.
        const QByteArray junk = QByteArray("From: someone\r\nContent-Type: application/pdf\r\n\r\n").repeated(8);
        QTest::newRow("pdf after leading bytes") << junk + pdf << "download"
                                                 << "application/pdf"
                                                 << "pdf";
        QTest::newRow("pdf after leading bytes named txt") << junk + pdf << "download.txt"
                                                           << "application/pdf"
                                                           << "pdf";
        QTest::newRow("pdf after a byte-order mark") << QByteArray("\xef\xbb\xbf") + pdf << ""
                                                     << "application/pdf"
                                                     << "pdf";
        QTest::newRow("pdf header beyond 1024 bytes") << QByteArray(1100, 'x') + pdf << "late.txt"
                                                      << "text/plain"
                                                      << "text";
        // Leading bytes that are the magic of something else: the PDF header still wins when no
        // reader of that other type takes the file (a multipart body, a lone "PK" with no archive).
        QTest::newRow("pdf after a multipart header") << QByteArray(
                                                             "--F2B80151991097585D127FA\r\nContent-Length: 884438\r\n"
                                                             "Content-Type: application/pdf\r\n\r\n")
                + pdf << "invoice"
                                                      << "application/pdf"
                                                      << "pdf";
        QTest::newRow("pdf after zip-like garbage") << QByteArray("PK\x03\x04\x14\x00" "abcd3454", 14) + pdf << "scan.pdf"
                                                    << "application/pdf"
                                                    << "pdf";
        // XPS is told from other ZIPs by its FixedDocumentSequence and package relationships.
        const QByteArray xps = folio::test::zipParts({{QStringLiteral("_rels/.rels"), QByteArray("<Relationships/>")},
            {QStringLiteral("FixedDocumentSequence.fdseq"), QByteArray("<FixedDocumentSequence/>")}});
        QTest::newRow("xps named zip") << xps << "download.zip"
                                       << "application/vnd.ms-xpsdocument"
                                       << "xps";
        QTest::newRow("oxps") << xps << "a.oxps"
                              << "application/oxps"
                              << "xps";
        QTest::newRow("binary") << QByteArray("\x00\x01\x02\x03\xff\xfe\x00\x00", 8) << "blob"
                                << "application/octet-stream"
                                << "";
        QTest::newRow("binary named pdf") << QByteArray("\x00\x01\x02\x03\xff\xfe\x00\x00", 8) << "x.pdf"
                                          << "application/octet-stream"
                                          << "";
    }
    void detect()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, name);
        QFETCH(QString, mimeType);
        QFETCH(QString, backend);
        QBuffer buffer(&bytes);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        buffer.seek(3);
        const Detection detection = FormatDetector::detect(buffer, name);
        QCOMPARE(buffer.pos(), 3); // position restored
        QCOMPARE(detection.mimeType.name(), mimeType);
        QCOMPARE(detection.backend ? detection.backend->id() : QString(), backend);
    }

    void emptyFiles_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("code");
        QTest::newRow("empty log is a blank page") << "empty.log" << int(StatusCode::Ok);
        QTest::newRow("empty pdf is broken") << "empty.pdf" << int(StatusCode::Corrupt);
        QTest::newRow("empty unnamed is broken") << "empty" << int(StatusCode::Corrupt);
    }
    void emptyFiles()
    {
        QFETCH(QString, name);
        QFETCH(int, code);
        auto device = std::make_unique<QBuffer>();
        QVERIFY(device->open(QIODevice::ReadOnly));
        const auto document = Viewer::load(std::move(device), name, {}, {});
        QCOMPARE(int(document.status().code()), code);
        if (document)
            QCOMPARE(document.value()->pageCount(), 1);
        else
            QCOMPARE(document.status().message(), name + QStringLiteral(": the file is empty"));
    }

    // The whole way: Poppler opens a PDF whose header follows other bytes, and it is a PDF.
    void opensPdfWithLateHeader()
    {
        QFile file(test::dataFile(QStringLiteral("two-pages.pdf")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n") + file.readAll();
        auto device = std::make_unique<QBuffer>();
        device->setData(bytes);
        QVERIFY(device->open(QIODevice::ReadOnly));
        const auto document = Viewer::load(std::move(device), QStringLiteral("response.txt"), {}, {});
        QVERIFY2(document, qPrintable(document.status().message()));
        QCOMPARE(document.value()->formatId(), QStringLiteral("pdf"));
        QCOMPARE(document.value()->pageCount(), 2);
    }

    // A weak guess that cannot be opened gives way to the next candidate: a note that mentions a
    // PDF header in its first kilobyte is taken for a PDF by its magic, and Poppler refuses it.
    void weakGuessFallsBack()
    {
        QByteArray note("Every PDF starts with a header such as %PDF-1.7, then a comment with binary bytes.\n");
        auto device = std::make_unique<QBuffer>();
        device->setData(note.repeated(3));
        QVERIFY(device->open(QIODevice::ReadOnly));
        QCOMPARE(FormatDetector::detect(*device, QStringLiteral("notes.txt")).backend->id(), QStringLiteral("pdf"));
        const auto document = Viewer::load(std::move(device), QStringLiteral("notes.txt"), {}, {});
        QVERIFY2(document, qPrintable(document.status().message()));
        QCOMPARE(document.value()->formatId(), QStringLiteral("text"));

        // A real PDF that is broken stays a broken PDF: it is never shown as text.
        auto broken = std::make_unique<QBuffer>();
        broken->setData(QByteArray("%PDF-1.7\n%broken beyond repair\n").repeated(20));
        QVERIFY(broken->open(QIODevice::ReadOnly));
        const auto refused = Viewer::load(std::move(broken), QStringLiteral("broken.pdf"), {}, {});
        QCOMPARE(refused.status().code(), StatusCode::Corrupt);
    }

    // Documents inside documents end somewhere: a gzip of a gzip of ... is refused past the
    // nesting limit, with the chain of names in the message.
    void nestingIsLimited()
    {
        QByteArray data("innermost text\n");
        for (int i = 0; i < 6; ++i)
            data = test::gzip(data);
        auto device = std::make_unique<QBuffer>();
        device->setData(data);
        QVERIFY(device->open(QIODevice::ReadOnly));
        const auto refused = Viewer::load(std::move(device), QStringLiteral("x.txt.gz.gz.gz.gz.gz.gz"), {}, {});
        QCOMPARE(refused.status().code(), StatusCode::LimitExceeded);
        QVERIFY2(refused.status().message().contains(QLatin1String("nested more than 4 levels")),
            qPrintable(refused.status().message()));
        QCOMPARE(refused.status().file(), QStringLiteral("x.txt.gz.gz.gz.gz.gz.gz"));
        QCOMPARE(refused.status().entries().first(), QStringLiteral("x.txt.gz.gz.gz.gz.gz"));
        Limits limits;
        limits.maxNestingDepth = 6;
        OpenOptions options;
        options.limits = limits;
        auto again = std::make_unique<QBuffer>();
        again->setData(data);
        QVERIFY(again->open(QIODevice::ReadOnly));
        const auto opened = Viewer::load(std::move(again), QStringLiteral("x.txt.gz.gz.gz.gz.gz.gz"), options, {});
        QVERIFY2(opened, qPrintable(opened.status().message()));
        QCOMPARE(opened.value()->text(0, {}).value().trimmed(), QStringLiteral("innermost text"));
    }

    void registryHasOneBackendPerFamily()
    {
        const FormatRegistry &registry = FormatRegistry::instance();
        QVERIFY(registry.backendById(QStringLiteral("pdf")));
        QVERIFY(registry.backendById(QStringLiteral("image")));
        QVERIFY(registry.backendById(QStringLiteral("text")));
        QVERIFY(!registry.backendById(QStringLiteral("nope")));
        const QStringList globs = registry.globPatterns();
        for (const char *glob : {"*.pdf", "*.png", "*.jpg", "*.svg", "*.txt", "*.md", "*.csv", "*.log"})
            QVERIFY2(globs.contains(QLatin1String(glob)), glob);
    }
};

QTEST_MAIN(TestFormatDetector) // text layout needs fonts
#include "tst_formatdetector.moc"
