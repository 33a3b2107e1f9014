// SPDX-License-Identifier: GPL-3.0-or-later
#include "../common/annotatedpdf.h"
#include "../common/heavypdf.h"
#include "../common/inkcheck.h"
#include "../common/linkedpdf.h"
#include "../common/testfiles.h"
#include "../common/testpaths.h"
#include "viewer.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTest>
#include <QTransform>

#include <thread>

using namespace folio;
using namespace std::chrono_literals;

namespace {

QString dataFile(const char *name)
{
    return folio::test::dataFile(QLatin1String(name));
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

// A page of 400 × 300 points with "Alpha Beta" on one line and "Gamma" on another, drawn by
// QPdfWriter; returns where each word was drawn (advance × ascent + descent, in points).
QList<TextBox> writeWordsPdf(const QString &path)
{
    QPdfWriter writer(path);
    writer.setResolution(72);
    writer.setPageSize(QPageSize(QSizeF(400, 300), QPageSize::Point));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter painter(&writer);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(20); // 20 points at 72 dpi
    painter.setFont(font);
    const QFontMetricsF metrics(font, &writer);
    const auto place = [&](const QString &word, QPointF baseline) {
        return QRectF(baseline.x(), baseline.y() - metrics.ascent(), metrics.horizontalAdvance(word),
            metrics.ascent() + metrics.descent());
    };
    painter.drawText(QPointF(40, 80), QStringLiteral("Alpha Beta"));
    painter.drawText(QPointF(200, 200), QStringLiteral("Gamma"));
    const qreal betaX = 40 + metrics.horizontalAdvance(QStringLiteral("Alpha "));
    return {TextBox {QStringLiteral("Alpha"), place(QStringLiteral("Alpha"), {40, 80}), true, false},
        TextBox {QStringLiteral("Beta"), place(QStringLiteral("Beta"), {betaX, 80}), true, true},
        TextBox {QStringLiteral("Gamma"), place(QStringLiteral("Gamma"), {200, 200}), true, true}};
}

// A one-page PDF of 400 × 300 points turned by /Rotate `rotate`, with "Rotated" in Helvetica 20
// at (50, 100) from the bottom left. Written by hand: QPdfWriter cannot set /Rotate.
QByteArray rotatedPdf(int rotate)
{
    const QByteArray content = "BT /F1 20 Tf 50 100 Td (Rotated) Tj ET";
    const QList<QByteArray> objects {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Rotate " + QByteArray::number(rotate)
            + " /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "\nendstream",
    };
    return test::pdfFromObjects(objects);
}

// A page of 400 × 300 points turned by /Rotate `rotate`, on grey paper, with three orange
// pictures, all in the top-left-origin points of the unturned page:
// an image XObject drawn through a form XObject at (40, 40, 100 × 60); an inline image at
// (250, 40, 80 × 60); and a page-sized image clipped to (40, 240, 60 × 40). Page 2 is one
// page-sized image: a scan.
QByteArray picturesPdf(int rotate)
{
    const QByteArray image = "C86400C86400C86400C86400>"; // 2 × 2 RGB pixels of (200, 100, 0)
    const QByteArray content = "0.5 g 0 0 400 300 re f q 100 0 0 60 40 200 cm /Fm1 Do Q "
                               "q 80 0 0 60 250 200 cm BI /W 2 /H 2 /CS /RGB /BPC 8 /F /AHx ID "
        + image + " EI Q q 40 20 60 40 re W n 400 0 0 300 0 0 cm /Im1 Do Q";
    const QByteArray form = "/Im1 Do";
    const QByteArray scan = "400 0 0 300 0 0 cm /Im1 Do";
    const QByteArray rotation = " /Rotate " + QByteArray::number(rotate);
    const QList<QByteArray> objects {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R 7 0 R] /Count 2 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300]" + rotation
            + " /Resources << /XObject << /Im1 4 0 R /Fm1 5 0 R >> >> /Contents 6 0 R >>",
        "<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceRGB /BitsPerComponent 8"
        " /Filter /ASCIIHexDecode /Length "
            + QByteArray::number(image.size()) + " >>\nstream\n" + image + "\nendstream",
        "<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /Im1 4 0 R >> >> /Length "
            + QByteArray::number(form.size()) + " >>\nstream\n" + form + "\nendstream",
        "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "\nendstream",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300]" + rotation
            + " /Resources << /XObject << /Im1 4 0 R >> >> /Contents 8 0 R >>",
        "<< /Length " + QByteArray::number(scan.size()) + " >>\nstream\n" + scan + "\nendstream",
    };
    return test::pdfFromObjects(objects);
}

bool near(const QRectF &actual, const QRectF &expected, qreal tolerance)
{
    return std::abs(actual.left() - expected.left()) <= tolerance
        && std::abs(actual.right() - expected.right()) <= tolerance
        && std::abs(actual.top() - expected.top()) <= tolerance
        && std::abs(actual.bottom() - expected.bottom()) <= tolerance;
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

    // Words come back where QPdfWriter drew them, in reading order, with their line ends, and
    // cover the ink of the rendered page.
    void textBoxes()
    {
        const QString path = m_dir.filePath(QStringLiteral("words.pdf"));
        const QList<TextBox> drawn = writeWordsPdf(path);
        Viewer viewer;
        QVERIFY(viewer.open(path, {}, {}).isOk());
        QVERIFY(viewer.document()->capabilities() & Capability::TextLayout);
        const auto boxes = viewer.document()->textBoxes(0, {});
        QVERIFY2(boxes.isOk(), qPrintable(boxes.status().message()));
        QCOMPARE(boxes->size(), drawn.size());
        for (qsizetype i = 0; i < drawn.size(); ++i) {
            const TextBox &box = boxes->at(i);
            QCOMPARE(box.text, drawn[i].text);
            QVERIFY2(near(box.rect, drawn[i].rect, 3),
                qPrintable(QStringLiteral("%1: %2,%3 %4×%5, drawn at %6,%7 %8×%9")
                               .arg(box.text)
                               .arg(box.rect.x())
                               .arg(box.rect.y())
                               .arg(box.rect.width())
                               .arg(box.rect.height())
                               .arg(drawn[i].rect.x())
                               .arg(drawn[i].rect.y())
                               .arg(drawn[i].rect.width())
                               .arg(drawn[i].rect.height())));
            QCOMPARE(box.lineEnd, drawn[i].lineEnd);
            QVERIFY(box.spaceAfter);
        }
        QCOMPARE(viewer.text(0, {}).value(), QStringLiteral("Alpha Beta\nGamma\n"));

        RenderRequest request;
        request.dpi = 144;
        const test::InkCheck ink = test::checkInk(viewer.render(0, request, {}).value(), request.dpi, *boxes, 1);
        QVERIFY(ink.total > 500);
        QCOMPARE(ink.outside, 0);
        QCOMPARE(ink.emptyBoxes, 0);
    }

    // /Rotate turns the page; the boxes are on the upright page as render() draws it.
    void textBoxesOnRotatedPages_data()
    {
        QTest::addColumn<int>("rotate");
        QTest::newRow("0") << 0;
        QTest::newRow("90") << 90;
        QTest::newRow("180") << 180;
        QTest::newRow("270") << 270;
    }
    void textBoxesOnRotatedPages()
    {
        QFETCH(int, rotate);
        auto buffer = std::make_unique<QBuffer>();
        buffer->setData(rotatedPdf(rotate));
        QVERIFY(buffer->open(QIODevice::ReadOnly));
        Viewer viewer;
        const Status opened = viewer.open(std::move(buffer), QStringLiteral("rotated.pdf"), {}, {});
        QVERIFY2(opened.isOk(), qPrintable(opened.message()));
        const QSizeF size = viewer.document()->pageSize(0);
        QCOMPARE(size, rotate % 180 == 0 ? QSizeF(400, 300) : QSizeF(300, 400));
        const auto boxes = viewer.document()->textBoxes(0, {});
        QVERIFY2(boxes.isOk(), qPrintable(boxes.status().message()));
        QCOMPARE(boxes->size(), 1);
        QCOMPARE(boxes->at(0).text, QStringLiteral("Rotated"));

        // Unturned, from the top left: Helvetica's "Rotated" at 20 pt is 70 points wide, from its
        // ascent (0.718 em) above the baseline at y = 200 to its descent (0.207 em) below.
        const QRectF unturned(QPointF(50, 200 - 14.36), QPointF(50 + 70.04, 200 + 4.14));
        QTransform turn;
        if (rotate == 90)
            turn = QTransform(0, 1, -1, 0, 300, 0); // (x, y) -> (300 - y, x)
        else if (rotate == 180)
            turn = QTransform(-1, 0, 0, -1, 400, 300);
        else if (rotate == 270)
            turn = QTransform(0, -1, 1, 0, 0, 400); // (x, y) -> (y, 400 - x)
        const QRectF expected = turn.mapRect(unturned);
        const QRectF actual = boxes->at(0).rect;
        QVERIFY2(near(actual, expected, 3),
            qPrintable(QStringLiteral("box %1,%2 %3×%4, expected %5,%6 %7×%8")
                           .arg(actual.x())
                           .arg(actual.y())
                           .arg(actual.width())
                           .arg(actual.height())
                           .arg(expected.x())
                           .arg(expected.y())
                           .arg(expected.width())
                           .arg(expected.height())));

        RenderRequest request;
        request.dpi = 144;
        const test::InkCheck ink = test::checkInk(viewer.render(0, request, {}).value(), request.dpi, *boxes, 2);
        QVERIFY(ink.total > 200);
        QCOMPARE(ink.outside, 0);
    }

    // Text extraction of a heavy page is cancelled from another thread: the call returns Canceled
    // (without waiting for Poppler), and the document still answers afterwards.
    void cancelTextBoxes()
    {
        const QString path = m_dir.filePath(QStringLiteral("heavy-text.pdf"));
        test::writeHeavyPdf(path);
        Viewer viewer;
        QVERIFY(viewer.open(path, {}, {}).isOk());
        QElapsedTimer whole;
        whole.start();
        QVERIFY(viewer.document()->textBoxes(0, {}).isOk());
        const qint64 uncancelled = whole.elapsed();
        for (int round = 0; round < 3; ++round) {
            CancellationSource source;
            std::thread canceller([&source, uncancelled] {
                std::this_thread::sleep_for(std::chrono::milliseconds(std::max<qint64>(1, uncancelled / 10)));
                source.cancel(CancelReason::User);
            });
            const auto cancelled = viewer.document()->textBoxes(0, source.token());
            canceller.join();
            QCOMPARE(cancelled.status().code(), StatusCode::Canceled);
            QCOMPARE(cancelled.status().message(), QStringLiteral("Cancelled"));
        }
        qDebug() << "uncancelled text boxes of the heavy page:" << uncancelled << "ms";
        const auto after = viewer.document()->textBoxes(0, {});
        QVERIFY2(after.isOk(), qPrintable(after.status().message()));
    }

    void contentBeatsExtension()
    {
        const QString path = m_dir.filePath(QStringLiteral("actually-a-pdf.txt"));
        QVERIFY(QFile::copy(dataFile("two-pages.pdf"), path));
        Viewer viewer;
        QVERIFY(viewer.open(path, {}, {}).isOk());
        QCOMPARE(viewer.document()->formatId(), QStringLiteral("pdf"));
    }

    void links()
    {
        namespace linked = test::linked;
        const QString path = test::writeFile(m_dir, QStringLiteral("links.pdf"), linked::linkedPdf());
        Viewer viewer;
        QVERIFY(viewer.open(path, {}, {}).isOk());
        Document &document = *viewer.document();
        QVERIFY(document.capabilities().testFlag(Capability::Links));
        const auto links = document.links(0, {});
        QVERIFY2(links.isOk(), qPrintable(links.status().message()));
        QCOMPARE(links->size(), linked::LinkCount);
        for (int row = 0; row < linked::LinkCount; ++row)
            QVERIFY2(near(links->at(row).rect, linked::linkRect(row), 0.5), qPrintable(QString::number(row)));

        const Link &go = links->at(linked::GoToRow);
        QCOMPARE(go.kind, Link::Kind::GoTo);
        QCOMPARE(go.page, 2);
        QCOMPARE(qRound(go.top), qRound(linked::GoToTop));
        const Link &uri = links->at(linked::UriRow);
        QCOMPARE(uri.kind, Link::Kind::Uri);
        QCOMPARE(uri.uri, QStringLiteral("https://example.com/folio"));
        const Link &named = links->at(linked::NamedDestinationRow); // resolved through /Names
        QCOMPARE(named.kind, Link::Kind::GoTo);
        QCOMPARE(named.page, 3);
        QCOMPARE(qRound(named.top), qRound(linked::NamedDestinationTop));
        const Link &script = links->at(linked::JavaScriptRow);
        QCOMPARE(script.kind, Link::Kind::Uri);
        QCOMPARE(script.uri, QStringLiteral("javascript:alert(1)"));
        const Link &last = links->at(linked::LastPageRow);
        QCOMPARE(last.kind, Link::Kind::Named);
        QCOMPARE(last.action, Link::Action::LastPage);
        const Link &remote = links->at(linked::RemoteRow);
        QCOMPARE(remote.kind, Link::Kind::RemoteGoTo);
        QCOMPARE(remote.uri, QStringLiteral("other.pdf"));
        QCOMPARE(remote.page, 1);

        const auto none = document.links(1, {});
        QVERIFY(none.isOk());
        QVERIFY(none->isEmpty());
        QCOMPARE(document.links(linked::PageCount, {}).status().code(), StatusCode::InvalidArgument);
        CancellationSource cancelled;
        cancelled.cancel();
        QCOMPARE(document.links(0, cancelled.token()).status().code(), StatusCode::Canceled);
    }

    // Annotations made by Poppler and by hand, read back field by field; the turned page's square
    // was written in the unturned page's space, so its place on the upright page is independent of
    // how Poppler counts.
    void annotations()
    {
        namespace annotated = test::annotated;
        const QByteArray pdf = annotated::annotatedPdf();
        QVERIFY(!pdf.isEmpty());
        const QString path = test::writeFile(m_dir, QStringLiteral("annotated.pdf"), pdf);
        Viewer viewer;
        const Status opened = viewer.open(path, {}, {});
        QVERIFY2(opened.isOk(), qPrintable(opened.message()));
        Document &document = *viewer.document();
        QVERIFY(document.capabilities().testFlag(Capability::Annotations));
        QCOMPARE(document.pageSize(1), annotated::TurnedPageSize);
        QList<Annotation> all;
        for (int page = 0; page < annotated::PageCount; ++page) {
            const auto listed = viewer.annotations(page, {});
            QVERIFY2(listed.isOk(), qPrintable(listed.status().message()));
            all += listed.value();
        }
        const QList<Annotation> expected = annotated::expected();
        QCOMPARE(all.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const Annotation &got = all[i];
            const Annotation &want = expected[i];
            const QByteArray row = want.id.toUtf8();
            QVERIFY2(got.type == want.type,
                row + ": " + Annotation::typeName(got.type).toUtf8() + " instead of "
                    + Annotation::typeName(want.type).toUtf8());
            QCOMPARE(got.page, want.page);
            QVERIFY2(near(got.rect, want.rect, 1),
                row
                    + qPrintable(QStringLiteral(": %1,%2 %3×%4")
                                     .arg(got.rect.x())
                                     .arg(got.rect.y())
                                     .arg(got.rect.width())
                                     .arg(got.rect.height())));
            QCOMPARE(got.quads.size(), want.quads.size());
            for (qsizetype q = 0; q < want.quads.size(); ++q)
                QVERIFY2(near(got.quads[q], want.quads[q], 1), row);
            QCOMPARE(got.author, want.author);
            QCOMPARE(got.contents, want.contents);
            QCOMPARE(got.id, want.id);
            QCOMPARE(got.subject, want.subject);
            QCOMPARE(got.color, want.color);
            QCOMPARE(got.created, want.created);
            QCOMPARE(got.modified, want.modified);
        }

        // A page with links only has no annotations.
        const QString linked = test::writeFile(m_dir, QStringLiteral("links-only.pdf"), test::linked::linkedPdf());
        Viewer links;
        QVERIFY(links.open(linked, {}, {}).isOk());
        QVERIFY(links.annotations(0, {})->isEmpty());

        QCOMPARE(document.annotations(annotated::PageCount, {}).status().code(), StatusCode::InvalidArgument);
        CancellationSource cancelled;
        cancelled.cancel();
        QCOMPARE(document.annotations(0, cancelled.token()).status().code(), StatusCode::Canceled);
    }

    // What annotations() says is where Poppler draws: the turned page's note and square are
    // there, and nothing else is drawn on that page but the link's border.
    void annotationsWhereDrawn()
    {
        const QString path = test::writeFile(m_dir, QStringLiteral("drawn.pdf"), test::annotated::annotatedPdf());
        Viewer viewer;
        QVERIFY(viewer.open(path, {}, {}).isOk());
        RenderRequest request;
        request.dpi = 72;
        const QImage image = viewer.render(1, request, {}).value().convertToFormat(QImage::Format_RGB32);
        const auto annotations = viewer.annotations(1, {});
        QVERIFY(annotations.isOk());
        QCOMPARE(annotations->size(), 2);
        const QRectF link(200, 200, 50, 50);
        for (const Annotation &annotation : *annotations) {
            QRect ink;
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x) {
                    const QRectF pixel(x, y, 1, 1);
                    if (qGray(image.pixel(x, y)) < 250 && !link.adjusted(-1, -1, 1, 1).intersects(pixel)
                        && annotation.rect.adjusted(-2, -2, 2, 2).intersects(pixel))
                        ink = ink.united(QRect(x, y, 1, 1));
                }
            }
            QVERIFY2(near(QRectF(ink), annotation.rect, 2),
                qPrintable(annotation.id
                    + QStringLiteral(": drawn at %1,%2 %3×%4")
                          .arg(ink.x())
                          .arg(ink.y())
                          .arg(ink.width())
                          .arg(ink.height())));
        }
    }

    void annotationLimit()
    {
        const QString path = test::writeFile(m_dir, QStringLiteral("limit.pdf"), test::annotated::annotatedPdf());
        OpenOptions options;
        options.limits.maxAnnotationsPerPage = 3;
        Viewer viewer;
        QVERIFY(viewer.open(path, options, {}).isOk());
        const auto refused = viewer.annotations(0, {});
        QCOMPARE(refused.status().code(), StatusCode::LimitExceeded);
        QCOMPARE(refused.status().message(), QStringLiteral("Page 1 has 6 annotations, over the limit of 3"));
        QCOMPARE(viewer.annotations(1, {})->size(), 2);
    }

    void annotationTypeNames()
    {
        QCOMPARE(Annotation::typeName(Annotation::Type::Text), QStringLiteral("note"));
        QCOMPARE(Annotation::typeName(Annotation::Type::FreeText), QStringLiteral("free-text"));
        QCOMPARE(Annotation::typeName(Annotation::Type::StrikeOut), QStringLiteral("strike-out"));
        QCOMPARE(Annotation::typeName(Annotation::Type::FileAttachment), QStringLiteral("file-attachment"));
        QCOMPARE(Annotation::typeName(Annotation::Type::Other), QStringLiteral("other"));
        QCOMPARE(Annotation::typeTitle(Annotation::Type::Highlight), QStringLiteral("Highlight"));
    }

    // Night modes that keep pictures find a PDF's images through Poppler's content-stream
    // interpreter: XObjects, in forms, inline, clipped, on turned pages; a scan turns.
    void nightModesKeepPictures_data()
    {
        QTest::addColumn<int>("rotate");
        QTest::newRow("upright") << 0;
        QTest::newRow("turned") << 90;
    }

    void nightModesKeepPictures()
    {
        QFETCH(int, rotate);
        const QString path = test::writeFile(m_dir, QStringLiteral("pictures-%1.pdf").arg(rotate), picturesPdf(rotate));
        QVERIFY(!path.isEmpty());
        Viewer viewer;
        QVERIFY(viewer.open(path, {}, {}).isOk());
        // Points of the unturned page, where the viewer shows them on the upright (/Rotate) page.
        const auto shown = [rotate](QPoint p) { return rotate == 90 ? QPoint(300 - 1 - p.y(), p.x()) : p; };
        const QList<QPoint> pictures {{90, 70}, {290, 70}, {70, 260}};
        const QList<QPoint> paper {{20, 20}, {200, 150}, {150, 260}, {70, 230}};

        RenderRequest request;
        request.dpi = 72;
        const QImage normal = viewer.render(0, request, {}).value().convertToFormat(QImage::Format_RGB32);
        request.colors.mode = PageColors::Mode::Invert;
        request.colors.keepPictures = true;
        const QImage kept = viewer.render(0, request, {}).value().convertToFormat(QImage::Format_RGB32);
        request.colors.keepPictures = false;
        const QImage turned = viewer.render(0, request, {}).value().convertToFormat(QImage::Format_RGB32);
        const auto inverse = [](QRgb rgb) { return qRgb(255 - qRed(rgb), 255 - qGreen(rgb), 255 - qBlue(rgb)); };
        for (const QPoint &point : pictures) {
            const QPoint at = shown(point);
            const QColor orange(normal.pixel(at));
            QVERIFY2(orange.red() > 180 && orange.green() > 80 && orange.green() < 120 && orange.blue() < 20,
                qPrintable(orange.name()));
            QCOMPARE(kept.pixel(at), normal.pixel(at));
            QCOMPARE(turned.pixel(at), inverse(normal.pixel(at)));
        }
        for (const QPoint &point : paper) {
            const QPoint at = shown(point);
            QCOMPARE(QColor(normal.pixel(at)).red(), 128);
            QCOMPARE(kept.pixel(at), inverse(normal.pixel(at)));
        }

        // Page 2 is one page-sized picture: a scan, turned like text.
        request.colors.keepPictures = true;
        const QImage scan = viewer.render(1, request, {}).value().convertToFormat(QImage::Format_RGB32);
        QCOMPARE(QColor(scan.pixel(shown({200, 150}))), QColor(255 - 200, 255 - 100, 255));
    }

    void pageLabels()
    {
        const QString path = test::writeFile(m_dir, QStringLiteral("labels.pdf"), test::linked::linkedPdf());
        Viewer viewer;
        QVERIFY(viewer.open(path, {}, {}).isOk());
        const Document &document = *viewer.document();
        const QStringList expected {
            QStringLiteral("i"), QStringLiteral("ii"), QStringLiteral("1"), QStringLiteral("2")};
        for (int page = 0; page < test::linked::PageCount; ++page)
            QCOMPARE(document.pageLabel(page), expected[page]);
        QCOMPARE(document.pageLabel(test::linked::PageCount), QString());

        // Labels that only repeat the page numbers (no /PageLabels) are no labels.
        Viewer plain;
        QVERIFY(plain.open(dataFile("two-pages.pdf"), {}, {}).isOk());
        QCOMPARE(plain.document()->pageLabel(0), QString());
        QCOMPARE(plain.document()->pageLabel(1), QString());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestPdfBackend)
#include "tst_pdfbackend.moc"
