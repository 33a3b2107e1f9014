// SPDX-License-Identifier: GPL-3.0-or-later
// Night modes and paper colours (PageColors): the pixel arithmetic of each mode, pictures left as
// they are, and Document::render() applying them on the upright page before it turns.
#include "document.h"
#include "pagecolors.h"

#include <QTest>

using namespace folio;

namespace {

QImage filled(QColor colour, QImage::Format format = QImage::Format_RGB32)
{
    QImage image(8, 8, format);
    image.fill(colour);
    return image;
}

QColor turned(QColor colour, const PageColors &colors)
{
    QImage image = filled(colour);
    applyPageColors(image, colors);
    return image.pixelColor(3, 3);
}

PageColors mode(PageColors::Mode mode)
{
    PageColors colors;
    colors.mode = mode;
    return colors;
}

// One 200×100 pt page, white, with a picture (a red square) at (20, 20)–(60, 60) pt that the
// document reports when asked for pictures.
class PicturedPage final : public Document
{
public:
    PicturedPage()
        : Document(Limits())
    {
        setFormat(QStringLiteral("fake"), QStringLiteral("Fake"), QStringLiteral("application/x-fake"));
    }

protected:
    int doPageCount() const override { return 1; }
    QSizeF doPageSize(int) const override { return {200, 100}; }
    Result<QImage> doRender(int index, const RenderRequest &request, const CancellationToken &) override
    {
        RenderRequest upright = request;
        upright.rotation = 0;
        QImage image(renderSize(index, upright), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        const double scale = request.dpi / 72;
        for (int y = int(20 * scale); y < int(60 * scale); ++y) {
            for (int x = int(20 * scale); x < int(60 * scale); ++x)
                image.setPixelColor(x, y, Qt::red);
        }
        return image;
    }
    QList<QRectF> doPictureRects(int, const CancellationToken &) const override { return {QRectF(20, 20, 40, 40)}; }
};

} // namespace

class TestPageColors : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void invert()
    {
        const PageColors colors = mode(PageColors::Mode::Invert);
        QCOMPARE(turned(Qt::white, colors), QColor(Qt::black));
        QCOMPARE(turned(Qt::black, colors), QColor(Qt::white));
        QCOMPARE(turned(QColor(10, 200, 30), colors), QColor(245, 55, 225));
    }

    // Lightness turns, hue and saturation stay: pink becomes dark red, not cyan.
    void invertLightnessKeepsHue_data()
    {
        QTest::addColumn<QColor>("colour");
        QTest::newRow("white") << QColor(Qt::white);
        QTest::newRow("black") << QColor(Qt::black);
        QTest::newRow("pink") << QColor(255, 200, 200);
        QTest::newRow("navy") << QColor(0, 0, 128);
        QTest::newRow("highlighter yellow") << QColor(255, 240, 60);
        QTest::newRow("grey") << QColor(90, 90, 90);
    }

    void invertLightnessKeepsHue()
    {
        QFETCH(QColor, colour);
        const QColor result = turned(colour, mode(PageColors::Mode::InvertLightness));
        QCOMPARE(result.hslHue(), colour.hslHue());
        QVERIFY2(qAbs(result.hslSaturation() - colour.hslSaturation()) <= 2,
            qPrintable(QStringLiteral("%1 -> %2").arg(colour.name(), result.name())));
        QVERIFY2(qAbs(result.lightness() - (255 - colour.lightness())) <= 1,
            qPrintable(QStringLiteral("%1 -> %2").arg(colour.name(), result.name())));
    }

    void sepiaAndCustomMapPaperAndInk()
    {
        const PageColors sepia = mode(PageColors::Mode::Sepia);
        QCOMPARE(turned(Qt::white, sepia), SepiaPaper);
        QCOMPARE(turned(Qt::black, sepia), SepiaInk);
        QCOMPARE(sepia.paperColor(), SepiaPaper);
        PageColors custom = mode(PageColors::Mode::Custom);
        custom.paper = QColor(0x10, 0x20, 0x30);
        custom.ink = QColor(0xe0, 0xd0, 0xc0);
        QCOMPARE(turned(Qt::white, custom), custom.paper);
        QCOMPARE(turned(Qt::black, custom), custom.ink);
        // Half-way grey lands half-way between them.
        const QColor middle = turned(QColor(128, 128, 128), custom);
        QVERIFY(qAbs(middle.red() - (0x10 + 0xe0) / 2) <= 1);
    }

    void normalChangesNothing()
    {
        QImage image = filled(QColor(12, 34, 56));
        const QImage before = image;
        QVERIFY(applyPageColors(image, PageColors()));
        QCOMPARE(image, before);
    }

    // A translucent pixel turns like an opaque one of its colour; the format stays premultiplied.
    void premultipliedStaysPremultiplied()
    {
        QImage image = filled(QColor(255, 255, 255, 128), QImage::Format_ARGB32_Premultiplied);
        QVERIFY(applyPageColors(image, mode(PageColors::Mode::Invert)));
        QCOMPARE(image.format(), QImage::Format_ARGB32_Premultiplied);
        const QColor pixel = image.pixelColor(1, 1);
        QCOMPARE(pixel.alpha(), 128);
        QVERIFY(pixel.red() <= 2 && pixel.green() <= 2 && pixel.blue() <= 2);
    }

    void picturesAreLeftAlone()
    {
        QImage image = filled(Qt::white);
        image.setPixelColor(5, 5, Qt::red);
        QVERIFY(applyPageColors(image, mode(PageColors::Mode::Invert), {QRect(4, 4, 3, 3)}));
        QCOMPARE(image.pixelColor(5, 5), QColor(Qt::red));
        QCOMPARE(image.pixelColor(4, 4), QColor(Qt::white));
        QCOMPARE(image.pixelColor(0, 0), QColor(Qt::black));
        QCOMPARE(image.pixelColor(7, 7), QColor(Qt::black));
    }

    void cancelledMidwayReportsIt()
    {
        QImage image(64, 256, QImage::Format_RGB32);
        image.fill(Qt::white);
        CancellationSource source;
        source.cancel(CancelReason::User);
        QVERIFY(!applyPageColors(image, mode(PageColors::Mode::Invert), {}, source.token()));
    }

    void namesRoundTrip()
    {
        for (const QString &name : PageColors::names())
            QCOMPARE(PageColors::name(*PageColors::modeFromName(name)), name);
        QCOMPARE(PageColors::modeFromName(QStringLiteral("INVERT-LIGHTNESS")), PageColors::Mode::InvertLightness);
        QVERIFY(!PageColors::modeFromName(QStringLiteral("dark")));
    }

    // Document::render() turns the page and, with keepPictures, leaves the document's pictures
    // as they are, also on a rotated page.
    void renderTurnsThePageAroundItsPictures()
    {
        PicturedPage document;
        RenderRequest request;
        request.dpi = 72; // one pixel per point
        request.colors = mode(PageColors::Mode::Invert);
        Result<QImage> page = document.render(0, request, {});
        QVERIFY(page);
        QCOMPARE(page->pixelColor(5, 5), QColor(Qt::black));
        QCOMPARE(page->pixelColor(40, 40), QColor(Qt::cyan)); // the picture turned too

        request.colors.keepPictures = true;
        page = document.render(0, request, {});
        QVERIFY(page);
        QCOMPARE(page->pixelColor(5, 5), QColor(Qt::black));
        QCOMPARE(page->pixelColor(40, 40), QColor(Qt::red));

        request.rotation = 90; // the upright (40, 40) is at (100 - 40, 40) once turned
        page = document.render(0, request, {});
        QVERIFY(page);
        QCOMPARE(page->size(), QSize(100, 200));
        QCOMPARE(page->pixelColor(59, 40), QColor(Qt::red));
        QCOMPARE(page->pixelColor(5, 150), QColor(Qt::black));
    }
};

QTEST_GUILESS_MAIN(TestPageColors)
#include "tst_pagecolors.moc"
