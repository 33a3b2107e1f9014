// SPDX-License-Identifier: GPL-3.0-or-later
// The base class contract every backend inherits: argument checks, limits, token handling and
// rotation happen in Document, around the backend's do*() hooks.
#include "document.h"

#include <QBuffer>
#include <QTest>

using namespace folio;

namespace {

// Two pages: a red 100×50 pt page and a 40×40 pt page. Counts hook calls.
class FakeDocument final : public Document
{
public:
    explicit FakeDocument(const Limits &limits = {})
        : Document(limits)
    {
        setFormat(QStringLiteral("fake"), QStringLiteral("Fake"), QStringLiteral("application/x-fake"));
    }

    int renders = 0;
    bool cancelDuringRender = false;
    CancellationSource *source = nullptr;

protected:
    int doPageCount() const override { return 2; }
    QSizeF doPageSize(int index) const override { return index == 0 ? QSizeF(100, 50) : QSizeF(40, 40); }
    Result<QImage> doRender(int index, const RenderRequest &request, const CancellationToken &) override
    {
        ++renders;
        if (cancelDuringRender && source)
            source->cancel(CancelReason::Superseded); // the backend returns a "partial" image anyway
        QImage image(renderSize(index, RenderRequest {request.dpi, 0, request.background, request.options}),
            QImage::Format_RGB32);
        image.fill(Qt::red);
        image.setPixel(0, 0, qRgb(0, 0, 255)); // a blue marker in the top-left corner
        return image;
    }
    Result<QString> doText(int index, const CancellationToken &) override
    {
        return QStringLiteral("page %1").arg(index + 1);
    }
};

} // namespace

class TestDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void renderSizeFollowsDpiAndRotation_data()
    {
        QTest::addColumn<double>("dpi");
        QTest::addColumn<int>("rotation");
        QTest::addColumn<QSize>("size");
        QTest::newRow("72") << 72.0 << 0 << QSize(100, 50);
        QTest::newRow("144") << 144.0 << 0 << QSize(200, 100);
        QTest::newRow("90") << 72.0 << 90 << QSize(50, 100);
        QTest::newRow("270") << 72.0 << 270 << QSize(50, 100);
        QTest::newRow("tiny never zero") << 0.1 << 0 << QSize(1, 1);
    }
    void renderSizeFollowsDpiAndRotation()
    {
        QFETCH(double, dpi);
        QFETCH(int, rotation);
        QFETCH(QSize, size);
        FakeDocument document;
        RenderRequest request;
        request.dpi = dpi;
        request.rotation = rotation;
        QCOMPARE(document.renderSize(0, request), size);
        const auto image = document.render(0, request, {});
        QVERIFY(image.isOk());
        QCOMPARE(image->size(), size);
    }

    void rotationTurnsClockwise()
    {
        FakeDocument document;
        RenderRequest request;
        request.dpi = 72;
        request.rotation = 90;
        const QImage image = document.render(0, request, {}).value();
        // The top-left marker of the upright page ends in the top-right corner.
        QCOMPARE(QColor(image.pixel(image.width() - 1, 0)), QColor(Qt::blue));
        QCOMPARE(QColor(image.pixel(0, 0)), QColor(Qt::red));
    }

    void invalidArguments()
    {
        FakeDocument document;
        QCOMPARE(document.render(2, {}, {}).status().code(), StatusCode::InvalidArgument);
        QCOMPARE(document.render(2, {}, {}).status().message(),
            QStringLiteral("Page 3 does not exist (the document has 2 pages)"));
        QCOMPARE(document.render(-1, {}, {}).status().code(), StatusCode::InvalidArgument);
        RenderRequest bad;
        bad.dpi = 0;
        QCOMPARE(document.render(0, bad, {}).status().code(), StatusCode::InvalidArgument);
        bad.dpi = 72;
        bad.rotation = 45;
        QCOMPARE(document.render(0, bad, {}).status().code(), StatusCode::InvalidArgument);
        QCOMPARE(document.text(5, {}).status().code(), StatusCode::InvalidArgument);
        QVERIFY(document.pageSize(7).isEmpty());
        QCOMPARE(document.renders, 0);
    }

    void pixelLimitIsCheckedBeforeRendering()
    {
        Limits limits;
        limits.maxImageMegapixels = 1;
        FakeDocument document(limits);
        RenderRequest request;
        request.dpi = 72 * 20; // 2000 × 1000 pixels
        const auto image = document.render(0, request, {});
        QCOMPARE(image.status().code(), StatusCode::LimitExceeded);
        QCOMPARE(image.status().message(),
            QStringLiteral("Page 1 at 1440 dpi would be 2000×1000 pixels, over the limit of 1 megapixels"));
        QCOMPARE(document.renders, 0); // refused before any allocation
    }

    void cancelledTokenSkipsTheBackend()
    {
        FakeDocument document;
        CancellationSource source;
        source.cancel(CancelReason::User);
        QCOMPARE(document.render(0, {}, source.token()).status().code(), StatusCode::Canceled);
        QCOMPARE(document.text(0, source.token()).status().code(), StatusCode::Canceled);
        QCOMPARE(document.renders, 0);
    }

    void partialResultOfACancelledRenderIsDropped()
    {
        FakeDocument document;
        CancellationSource source;
        document.cancelDuringRender = true;
        document.source = &source;
        const auto image = document.render(0, {}, source.token());
        QCOMPARE(document.renders, 1);
        QCOMPARE(image.status().code(), StatusCode::Canceled);
        QCOMPARE(image.status().message(), QStringLiteral("Cancelled by a newer request"));
    }

    void defaultsForOptionalFeatures()
    {
        FakeDocument document;
        QVERIFY(document.isPageCountFinal());
        QVERIFY(document.ensurePages(-1, {}).isOk());
        QVERIFY(document.outline({}).value().isEmpty());
        QVERIFY(document.attachments().isEmpty());
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QCOMPARE(document.saveAttachment(0, buffer, {}).code(), StatusCode::InvalidArgument);
        QCOMPARE(document.text(1, {}).value(), QStringLiteral("page 2"));
    }
};

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
