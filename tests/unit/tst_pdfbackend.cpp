// SPDX-License-Identifier: GPL-3.0-or-later
#include "../common/heavypdf.h"
#include "viewer.h"

#include <QBuffer>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTest>

using namespace folio;
using namespace std::chrono_literals;

namespace {

QString dataFile(const char *name)
{
    return QFINDTESTDATA(QStringLiteral("../data/") + QLatin1String(name));
}

// Counts pixels clearly darker than the white paper.
int darkPixels(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    int dark = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            dark += qGray(line[x]) < 128;
    }
    return dark;
}

} // namespace

class TestPdfBackend : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void opensAndDescribes()
    {
        Viewer viewer;
        QVERIFY2(viewer.open(dataFile("two-pages.pdf"), {}, {}).isOk(), "open failed");
        const auto info = viewer.info({});
        QVERIFY(info.isOk());
        QCOMPARE(info->format, QStringLiteral("pdf"));
        QCOMPARE(info->mimeType, QStringLiteral("application/pdf"));
        QCOMPARE(info->pageCount, 2);
        QCOMPARE(info->pageSizes.at(0), QSizeF(612, 792));
        QCOMPARE(info->pageSizes.at(1), QSizeF(842, 595));
        QVERIFY(!info->encrypted);
        QVERIFY(info->metadata.contains({QStringLiteral("Title"), QStringLiteral("Folio test")}));
        QVERIFY(info->metadata.contains({QStringLiteral("Author"), QStringLiteral("Folio")}));
    }

    void outline()
    {
        Viewer viewer;
        QVERIFY(viewer.open(dataFile("two-pages.pdf"), {}, {}).isOk());
        const auto outline = viewer.outline({});
        QVERIFY(outline.isOk());
        QCOMPARE(outline->size(), 2);
        QCOMPARE(outline->at(0).title, QStringLiteral("Introduction"));
        QCOMPARE(outline->at(0).page, 0);
        QCOMPARE(outline->at(1).title, QStringLiteral("Landscape"));
        QCOMPARE(outline->at(1).page, 1);
    }

    void text()
    {
        Viewer viewer;
        QVERIFY(viewer.open(dataFile("two-pages.pdf"), {}, {}).isOk());
        QCOMPARE(viewer.text(0, {}).value().trimmed(), QStringLiteral("Hello Folio page one"));
        QCOMPARE(viewer.text(1, {}).value().trimmed(), QStringLiteral("Second page landscape"));
        const auto missing = viewer.text(2, {});
        QCOMPARE(missing.status().code(), StatusCode::InvalidArgument);
    }

    void renderSizes_data()
    {
        QTest::addColumn<int>("page");
        QTest::addColumn<double>("dpi");
        QTest::addColumn<int>("rotation");
        QTest::addColumn<QSize>("size");
        QTest::newRow("72 dpi") << 0 << 72.0 << 0 << QSize(612, 792);
        QTest::newRow("144 dpi") << 0 << 144.0 << 0 << QSize(1224, 1584);
        QTest::newRow("rotated") << 0 << 72.0 << 90 << QSize(792, 612);
        QTest::newRow("landscape page") << 1 << 72.0 << 0 << QSize(842, 595);
        QTest::newRow("upside down") << 1 << 36.0 << 180 << QSize(421, 298);
    }
    void renderSizes()
    {
        QFETCH(int, page);
        QFETCH(double, dpi);
        QFETCH(int, rotation);
        QFETCH(QSize, size);
        Viewer viewer;
        QVERIFY(viewer.open(dataFile("two-pages.pdf"), {}, {}).isOk());
        RenderRequest request;
        request.dpi = dpi;
        request.rotation = rotation;
        const auto image = viewer.render(page, request, {});
        QVERIFY2(image.isOk(), qPrintable(image.status().message()));
        QCOMPARE(image->size(), size);
        QCOMPARE(viewer.document()->renderSize(page, request), size);
        QVERIFY(darkPixels(image.value()) > 50); // the text is there
    }

    void rotationMovesContent()
    {
        Viewer viewer;
        QVERIFY(viewer.open(dataFile("two-pages.pdf"), {}, {}).isOk());
        RenderRequest request;
        request.dpi = 36;
        const QImage upright = viewer.render(0, request, {}).value();
        request.rotation = 90;
        const QImage turned = viewer.render(0, request, {}).value();
        // The text sits in the top band of the upright page, so in the right band once turned.
        const auto band = [](const QImage &image, QRect rect) { return darkPixels(image.copy(rect)); };
        QVERIFY(band(upright, QRect(0, 0, upright.width(), upright.height() / 4)) > 0);
        QCOMPARE(band(upright, QRect(0, upright.height() / 2, upright.width(), upright.height() / 2)), 0);
        QVERIFY(band(turned, QRect(turned.width() * 3 / 4, 0, turned.width() / 4, turned.height())) > 0);
        QCOMPARE(band(turned, QRect(0, 0, turned.width() / 2, turned.height())), 0);
    }

    void backgroundColour()
    {
        Viewer viewer;
        QVERIFY(viewer.open(dataFile("two-pages.pdf"), {}, {}).isOk());
        RenderRequest request;
        request.dpi = 18;
        request.background = QColor(255, 255, 200);
        const QImage image = viewer.render(0, request, {}).value();
        QCOMPARE(QColor(image.pixel(2, image.height() - 2)), QColor(255, 255, 200));
    }

    void passwords_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("none") << QString() << int(StatusCode::NeedsPassword)
                              << QStringLiteral("encrypted-secret.pdf: The PDF is encrypted and needs a password");
        QTest::newRow("wrong") << QStringLiteral("guess") << int(StatusCode::NeedsPassword)
                               << QStringLiteral("encrypted-secret.pdf: The password is not correct for this PDF");
        QTest::newRow("user") << QStringLiteral("secret") << int(StatusCode::Ok) << QString();
        QTest::newRow("owner") << QStringLiteral("owner") << int(StatusCode::Ok) << QString();
    }
    void passwords()
    {
        QFETCH(QString, password);
        QFETCH(int, code);
        QFETCH(QString, message);
        Viewer viewer;
        OpenOptions options;
        options.password = password;
        const Status status = viewer.open(dataFile("encrypted-secret.pdf"), options, {});
        QCOMPARE(int(status.code()), code);
        if (!status) {
            QVERIFY2(status.message().endsWith(message), qPrintable(status.message()));
            QVERIFY(!viewer.isOpen());
            return;
        }
        QVERIFY(viewer.document()->isEncrypted());
        QCOMPARE(viewer.text(0, {}).value().trimmed(), QStringLiteral("Hello Folio page one"));
    }

    void attachments()
    {
        Viewer viewer;
        QVERIFY(viewer.open(dataFile("with-attachment.pdf"), {}, {}).isOk());
        const QList<AttachmentInfo> list = viewer.attachments();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].name, QStringLiteral("notes.txt"));
        QCOMPARE(list[0].size, 15);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        qint64 reported = 0;
        QVERIFY(viewer.saveAttachment(0, buffer, {}, [&](qint64 done, qint64) { reported = done; }).isOk());
        QCOMPARE(buffer.data(), QByteArray("attached notes\n"));
        QCOMPARE(reported, 15);
        QCOMPARE(viewer.saveAttachment(1, buffer, {}).code(), StatusCode::InvalidArgument);
    }

    void notAPdf_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("header only") << QByteArray("%PDF-1.7\n");
        QTest::newRow("garbage body") << QByteArray("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 9 R >> garbage");
        QByteArray truncated;
        QFile file(dataFile("two-pages.pdf"));
        if (file.open(QIODevice::ReadOnly))
            truncated = file.read(200);
        QTest::newRow("truncated") << truncated;
    }
    void notAPdf()
    {
        QFETCH(QByteArray, bytes);
        const QString path = m_dir.filePath(QStringLiteral("broken.pdf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
        file.close();
        Viewer viewer;
        const Status status = viewer.open(path, {}, {});
        QCOMPARE(status.code(), StatusCode::Corrupt);
        QVERIFY2(status.message().startsWith(path + QStringLiteral(": ")), qPrintable(status.message()));
    }

    void pixelLimit()
    {
        Viewer viewer;
        OpenOptions options;
        options.limits.maxImageMegapixels = 1;
        QVERIFY(viewer.open(dataFile("two-pages.pdf"), options, {}).isOk());
        RenderRequest request;
        request.dpi = 300; // 2550 × 3300 pixels
        const auto image = viewer.render(0, request, {});
        QCOMPARE(image.status().code(), StatusCode::LimitExceeded);
        QVERIFY(image.status().message().contains(QStringLiteral("limit of 1 megapixels")));
    }

    void cancelledBeforeStart()
    {
        Viewer viewer;
        QVERIFY(viewer.open(dataFile("two-pages.pdf"), {}, {}).isOk());
        CancellationSource source;
        source.cancel(CancelReason::User);
        QCOMPARE(viewer.render(0, {}, source.token()).status().code(), StatusCode::Canceled);
        QCOMPARE(viewer.text(0, source.token()).status().code(), StatusCode::Canceled);
        Viewer other;
        QCOMPARE(other.open(dataFile("two-pages.pdf"), {}, source.token()).code(), StatusCode::Canceled);
    }

    // A page heavy enough that rendering takes a while: cancelling it returns a status, and the
    // document renders normally afterwards although the abandoned render may still be running.
    void cancelDuringRenderKeepsDocumentUsable()
    {
        const QString path = m_dir.filePath(QStringLiteral("heavy.pdf"));
        test::writeHeavyPdf(path);
        Viewer viewer;
        QVERIFY(viewer.open(path, {}, {}).isOk());
        RenderRequest request;
        request.dpi = 150;
        for (int round = 0; round < 3; ++round) {
            CancellationSource source;
            source.cancelAfter(5ms);
            const auto cancelled = viewer.render(0, request, source.token());
            QCOMPARE(cancelled.status().code(), StatusCode::TimedOut);
            QCOMPARE(cancelled.status().message(), QStringLiteral("Timed out after 5 ms"));
        }
        request.dpi = 10;
        const auto image = viewer.render(0, request, {});
        QVERIFY2(image.isOk(), qPrintable(image.status().message()));
        QVERIFY(darkPixels(image.value()) > 0 || image->pixel(0, 0) != 0);
    }

    void contentBeatsExtension()
    {
        const QString path = m_dir.filePath(QStringLiteral("actually-a-pdf.txt"));
        QVERIFY(QFile::copy(dataFile("two-pages.pdf"), path));
        Viewer viewer;
        QVERIFY(viewer.open(path, {}, {}).isOk());
        QCOMPARE(viewer.document()->formatId(), QStringLiteral("pdf"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestPdfBackend)
#include "tst_pdfbackend.moc"
