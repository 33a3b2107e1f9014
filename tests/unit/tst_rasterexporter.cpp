// SPDX-License-Identifier: GPL-3.0-or-later
// PNG and JPEG export: sizes from DPI, width, height and their caps, rotation, watermark, quality,
// parallel workers with their own document instances, order, and all-or-nothing output. Also
// runs under ThreadSanitizer (label tsan): the workers share the run's state.
#include "../common/heavypdf.h"
#include "../common/testpaths.h"
#include "exporters/exporter.h"
#include "exporters/rasterexporter.h"
#include "viewer.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace folio;

namespace {

QString twoPages()
{
    return folio::test::dataFile(QStringLiteral("two-pages.pdf"));
}

QStringList everything(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

QSize imageSize(const QString &path)
{
    return QImageReader(path).size();
}

// A white picture, so any coloured pixel comes from the watermark.
QString whitePicture(const QTemporaryDir &dir, QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    const QString path = dir.filePath(QStringLiteral("white.png"));
    image.save(path);
    return path;
}

int reddishPixels(const QImage &image)
{
    int count = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            const QColor c = image.pixelColor(x, y);
            if (c.red() > c.green() + 20 && c.red() > c.blue() + 20)
                ++count;
        }
    }
    return count;
}

} // namespace

class TestRasterExporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sizeFollowsDpiWidthHeightAndCaps_data()
    {
        QTest::addColumn<double>("dpi");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("maxWidth");
        QTest::addColumn<int>("maxHeight");
        QTest::addColumn<int>("rotation");
        QTest::addColumn<QSize>("expected"); // page 1 is US Letter, 612 × 792 pt
        QTest::newRow("150 dpi") << 150.0 << 0 << 0 << 0 << 0 << 0 << QSize(1275, 1650);
        QTest::newRow("72 dpi") << 72.0 << 0 << 0 << 0 << 0 << 0 << QSize(612, 792);
        QTest::newRow("width") << 150.0 << 306 << 0 << 0 << 0 << 0 << QSize(306, 396);
        QTest::newRow("height") << 150.0 << 0 << 396 << 0 << 0 << 0 << QSize(306, 396);
        QTest::newRow("max width caps") << 150.0 << 0 << 0 << 612 << 0 << 0 << QSize(612, 792);
        QTest::newRow("max width above") << 72.0 << 0 << 0 << 5000 << 0 << 0 << QSize(612, 792);
        QTest::newRow("max height caps") << 300.0 << 0 << 0 << 0 << 792 << 0 << QSize(612, 792);
        QTest::newRow("rotated") << 72.0 << 0 << 0 << 0 << 0 << 90 << QSize(792, 612);
        QTest::newRow("rotated, max width") << 144.0 << 0 << 0 << 792 << 0 << 270 << QSize(792, 612);
    }
    void sizeFollowsDpiWidthHeightAndCaps()
    {
        QFETCH(double, dpi);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, maxWidth);
        QFETCH(int, maxHeight);
        QFETCH(int, rotation);
        QFETCH(QSize, expected);
        Viewer viewer;
        QVERIFY(viewer.open(twoPages(), {}, {}).isOk());
        QTemporaryDir dir;
        ExportOptions options;
        options.dpi = dpi;
        options.width = width;
        options.height = height;
        options.maxWidth = maxWidth;
        options.maxHeight = maxHeight;
        options.rotation = rotation;
        const auto written = Exporter::exportPages(viewer, {0}, dir.path(), options, {});
        QVERIFY2(written.isOk(), qPrintable(written.status().message()));
        QCOMPARE(written->size(), 1);
        const QSize size = imageSize(written->first());
        // Rounding of the derived DPI may cost a pixel.
        QVERIFY2(qAbs(size.width() - expected.width()) <= 1 && qAbs(size.height() - expected.height()) <= 1,
            qPrintable(QStringLiteral("%1×%2").arg(size.width()).arg(size.height())));
    }

    void jpegShrinksWithQuality()
    {
        QTemporaryDir dir;
        const QString heavy = dir.filePath(QStringLiteral("heavy.pdf"));
        test::writeHeavyPdf(heavy);
        Viewer viewer;
        QVERIFY(viewer.open(heavy, {}, {}).isOk());
        // 150,000 coloured strokes: JPEG's quality matters on such a page (~1 s at 36 dpi).
        qint64 sizes[2] = {};
        int i = 0;
        for (int quality : {20, 95}) {
            ExportOptions options;
            options.format = ExportOptions::Format::Jpeg;
            options.quality = quality;
            options.dpi = 36;
            const QString out = dir.filePath(QStringLiteral("q%1").arg(quality));
            const auto written = Exporter::exportPages(viewer, {0}, out, options, {});
            QVERIFY2(written.isOk(), qPrintable(written.status().message()));
            QCOMPARE(QFileInfo(written->first()).suffix(), QStringLiteral("jpg"));
            QCOMPARE(QImageReader(written->first()).format(), QByteArray("jpeg"));
            sizes[i++] = QFileInfo(written->first()).size();
        }
        QVERIFY2(sizes[0] * 2 < sizes[1], qPrintable(QStringLiteral("q20 %1, q95 %2").arg(sizes[0]).arg(sizes[1])));
    }

    void watermarkIsDrawnOnEveryPage()
    {
        QTemporaryDir dir;
        const QString white = whitePicture(dir, QSize(400, 300));
        Viewer viewer;
        QVERIFY(viewer.open(white, {}, {}).isOk());
        ExportOptions options;
        options.dpi = 72;
        auto plain = Exporter::exportPages(viewer, {0}, dir.filePath(QStringLiteral("plain")), options, {});
        QVERIFY(plain.isOk());
        QCOMPARE(reddishPixels(QImage(plain->first())), 0);

        options.watermark.text = QStringLiteral("CONFIDENTIAL");
        options.watermark.color = QColor(255, 0, 0, 160);
        auto marked = Exporter::exportPages(viewer, {0}, dir.filePath(QStringLiteral("marked")), options, {});
        QVERIFY(marked.isOk());
        const QImage image(marked->first());
        QCOMPARE(image.size(), QImage(plain->first()).size());
        QVERIFY2(reddishPixels(image) > 200, qPrintable(QString::number(reddishPixels(image))));
        // Centred: the middle band has ink, the corners have none.
        QVERIFY(reddishPixels(image.copy(100, 75, 200, 150)) > 100);
        QCOMPARE(reddishPixels(image.copy(0, 0, 40, 30)), 0);
    }

    void parallelWorkersMatchOneWorker()
    {
        Viewer viewer;
        QVERIFY(viewer.open(twoPages(), {}, {}).isOk());
        QTemporaryDir dir;
        ExportOptions options;
        options.dpi = 100;
        QStringList outputs[2];
        for (int threads : {1, 2}) {
            options.threads = threads;
            const auto written = Exporter::exportPages(
                viewer, {0, 1, 0, 1}, dir.filePath(QStringLiteral("t%1").arg(threads)), options, {});
            QVERIFY2(written.isOk(), qPrintable(written.status().message()));
            outputs[threads - 1] = written.value();
        }
        QCOMPARE(outputs[0].size(), 4);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(QImage(outputs[1][i]), QImage(outputs[0][i]));
        // The two pages differ (portrait and landscape).
        QVERIFY(QImage(outputs[0][0]).size() != QImage(outputs[0][1]).size());
    }

    void pathsComeInTheOrderAsked()
    {
        Viewer viewer;
        QVERIFY(viewer.open(twoPages(), {}, {}).isOk());
        QTemporaryDir dir;
        ExportOptions options;
        options.dpi = 36;
        const auto written = Exporter::exportPages(viewer, {1, 0}, dir.path(), options, {});
        QVERIFY(written.isOk());
        QCOMPARE(written.value(),
            QStringList({dir.filePath(QStringLiteral("page-2.png")), dir.filePath(QStringLiteral("page-1.png"))}));
        QCOMPARE(everything(dir.path()), QStringList({QStringLiteral("page-1.png"), QStringLiteral("page-2.png")}));
    }

    void cancelledExportLeavesNothing_data()
    {
        QTest::addColumn<int>("threads");
        QTest::newRow("one worker") << 1;
        QTest::newRow("two workers") << 2;
    }
    void cancelledExportLeavesNothing()
    {
        QFETCH(int, threads);
        QTemporaryDir dir;
        Viewer viewer;
        QVERIFY(viewer.open(twoPages(), {}, {}).isOk());
        const QString out = dir.filePath(QStringLiteral("out"));
        QDir().mkpath(out);
        CancellationSource source;
        ExportOptions options;
        options.dpi = 100;
        options.threads = threads;
        std::atomic<int> progressCalls = 0;
        // The first page written cancels the rest: the page already written must go too.
        const auto written
            = Exporter::exportPages(viewer, {0, 1}, out, options, source.token(), [&](qint64 done, qint64) {
                  ++progressCalls;
                  if (done == 1)
                      source.cancel();
              });
        QVERIFY(!written.isOk());
        QCOMPARE(written.status().code(), StatusCode::Canceled);
        QVERIFY(progressCalls >= 1);
        QCOMPARE(everything(out), QStringList());

        // Cancelled before it starts: nothing at all, not even the folder.
        CancellationSource early;
        early.cancel();
        const QString fresh = dir.filePath(QStringLiteral("fresh"));
        const auto none = Exporter::exportPages(viewer, {0, 1}, fresh, options, early.token());
        QCOMPARE(none.status().code(), StatusCode::Canceled);
        QVERIFY(!QFileInfo::exists(fresh));
    }

    void failedExportLeavesNothing()
    {
        Viewer viewer;
        QVERIFY(viewer.open(twoPages(), {}, {}).isOk());
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("new"));
        ExportOptions options;
        // A page that cannot be rendered (over the pixel limit) fails the whole run.
        options.dpi = 4800;
        const auto written = Exporter::exportPages(viewer, {0, 1}, out, options, {});
        QVERIFY(!written.isOk());
        QCOMPARE(written.status().code(), StatusCode::LimitExceeded);
        QVERIFY2(!QFileInfo::exists(out), "the folder it created is removed again");

        const auto missing = Exporter::exportPages(viewer, {5}, out, {}, {});
        QCOMPARE(missing.status().code(), StatusCode::InvalidArgument);
        QVERIFY(!QFileInfo::exists(out));
    }
};

QTEST_MAIN(TestRasterExporter)
#include "tst_rasterexporter.moc"
