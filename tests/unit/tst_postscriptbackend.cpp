// SPDX-License-Identifier: GPL-3.0-or-later
#include "../common/testpaths.h"
#include "backends/postscript/postscriptdocument.h"
#include "formatregistry.h"
#include "viewer.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace folio;

namespace {

QString dataFile(const char *name)
{
    return folio::test::dataFile(QLatin1String(name));
}

QString metadataValue(const Document &document, const QString &key)
{
    for (const auto &[k, v] : document.metadata())
        if (k == key)
            return v;
    return {};
}

// Dark pixels of `image` inside `rect` (in points) rendered at `dpi`.
int inkIn(const QImage &image, double dpi, const QRectF &rect)
{
    const double scale = dpi / 72.0;
    const QRect pixels = QRectF(rect.topLeft() * scale, rect.size() * scale).toRect() & image.rect();
    int dark = 0;
    for (int y = pixels.top(); y <= pixels.bottom(); ++y)
        for (int x = pixels.left(); x <= pixels.right(); ++x)
            dark += qGray(image.pixel(x, y)) < 128;
    return dark;
}

} // namespace

class TestPostScriptBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void detectsByContent()
    {
        const FormatRegistry &registry = FormatRegistry::instance();
        QVERIFY(registry.backendById(QStringLiteral("postscript")));
        Viewer viewer;
        // Content, not the name: a DSC file named .txt is still PostScript.
        const QString renamed = m_dir.filePath(QStringLiteral("letter.txt"));
        QVERIFY(QFile::copy(dataFile("letter-dsc.ps"), renamed));
        QVERIFY(viewer.open(renamed, OpenOptions {}, {}));
        QCOMPARE(viewer.document()->formatId(), QStringLiteral("postscript"));
        QCOMPARE(viewer.document()->mimeType(), QStringLiteral("application/postscript"));
    }

    void letterPagesSizesAndMetadata()
    {
        Viewer viewer;
        QVERIFY(viewer.open(dataFile("letter-dsc.ps"), OpenOptions {}, {}));
        Document &document = *viewer.document();
        QCOMPARE(document.pageCount(), 2);
        QCOMPARE(document.pageSize(0), QSizeF(612, 792));
        QCOMPARE(document.pageSize(1), QSizeF(612, 792));
        QCOMPARE(metadataValue(document, QStringLiteral("Title")), QStringLiteral("Folio Letter test"));
        QCOMPARE(metadataValue(document, QStringLiteral("Creator")), QStringLiteral("hand-written for Folio's tests"));
        QCOMPARE(metadataValue(document, QStringLiteral("For")), QStringLiteral("Folio"));
        QCOMPARE(metadataValue(document, QStringLiteral("CreationDate")), QStringLiteral("2026-12-07T21:00:00"));
    }

    void rendersInkWhereThePageDraws()
    {
        Viewer viewer;
        QVERIFY(viewer.open(dataFile("letter-dsc.ps"), OpenOptions {}, {}));
        RenderRequest request;
        request.dpi = 36;
        Result<QImage> page = viewer.document()->render(0, request, {});
        QVERIFY2(page, qPrintable(page.status().message()));
        QCOMPARE(page.value().size(), QSize(306, 396));
        // Page 1 fills 200 × 100 pt at (72, 648) from the bottom left: (72, 44) from the top left.
        QVERIFY(inkIn(page.value(), 36, QRectF(80, 52, 180, 80)) > 0.9 * 90 * 40);
        QCOMPARE(inkIn(page.value(), 36, QRectF(300, 300, 200, 400)), 0);
        Result<QImage> second = viewer.document()->render(1, request, {});
        QVERIFY(second);
        // Page 2: 100 × 100 pt at (400, 72): (400, 620) from the top left; nothing where page 1 drew.
        QVERIFY(inkIn(second.value(), 36, QRectF(410, 630, 80, 80)) > 0);
        QCOMPARE(inkIn(second.value(), 36, QRectF(80, 52, 180, 80)), 0);
    }

    void a4Size()
    {
        Viewer viewer;
        QVERIFY(viewer.open(dataFile("a4-dsc.ps"), OpenOptions {}, {}));
        QCOMPARE(viewer.document()->pageCount(), 1);
        QCOMPARE(viewer.document()->pageSize(0), QSizeF(595, 842));
        QCOMPARE(metadataValue(*viewer.document(), QStringLiteral("Title")), QStringLiteral("Folio A4 test"));
    }

    void epsTakesItsBoundingBox()
    {
        Viewer viewer;
        QVERIFY(viewer.open(dataFile("box.eps"), OpenOptions {}, {}));
        Document &document = *viewer.document();
        QCOMPARE(document.mimeType(), QStringLiteral("image/x-eps"));
        QCOMPARE(document.pageCount(), 1);
        QCOMPARE(document.pageSize(0), QSizeF(100, 50));
        RenderRequest request;
        request.dpi = 72;
        Result<QImage> page = document.render(0, request, {});
        QVERIFY2(page, qPrintable(page.status().message()));
        QCOMPARE(page.value().size(), QSize(100, 50));
        QVERIFY(inkIn(page.value(), 72, QRectF(10, 10, 80, 30)) == 80 * 30);
    }

    // DOS EPS: a 30-byte binary header (C5 D0 D3 C6, the PostScript's offset and length, no
    // WMF or TIFF preview) in front of the EPS.
    void dosEpsHeader()
    {
        QFile eps(dataFile("box.eps"));
        QVERIFY(eps.open(QIODevice::ReadOnly));
        const QByteArray body = eps.readAll();
        QByteArray header("\xC5\xD0\xD3\xC6", 4);
        for (const quint32 value : {30u, quint32(body.size()), 0u, 0u, 0u, 0u})
            for (int shift = 0; shift < 32; shift += 8)
                header.append(char((value >> shift) & 0xff));
        header.append("\xff\xff", 2);
        QCOMPARE(header.size(), 30);
        const QString path = m_dir.filePath(QStringLiteral("dos.eps"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(header + body);
        file.close();
        Viewer viewer;
        QVERIFY(viewer.open(path, OpenOptions {}, {}));
        QCOMPARE(viewer.document()->mimeType(), QStringLiteral("image/x-eps"));
        QCOMPARE(viewer.document()->pageSize(0), QSizeF(100, 50));
        RenderRequest request;
        request.dpi = 72;
        Result<QImage> page = viewer.document()->render(0, request, {});
        QVERIFY2(page, qPrintable(page.status().message()));
        QCOMPARE(inkIn(page.value(), 72, QRectF(10, 10, 80, 30)), 80 * 30);
    }

    // groff writes multi-page DSC PostScript, as a real producer does.
    void groffOutput()
    {
        const QString groff = QStandardPaths::findExecutable(QStringLiteral("groff"));
        if (groff.isEmpty())
            QSKIP("groff is not installed (groff-base)");
        QProcess process;
        process.start(groff, {QStringLiteral("-Tps")});
        QVERIFY(process.waitForStarted());
        process.write(".TL\nFirst page\n.PP\nHello from groff.\n.bp\n.PP\nSecond page.\n.bp\n.PP\nThird page.\n");
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished());
        const QByteArray ps = process.readAllStandardOutput();
        QVERIFY(ps.startsWith("%!PS"));
        const QString path = m_dir.filePath(QStringLiteral("groff.ps"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(ps);
        file.close();

        Viewer viewer;
        QVERIFY(viewer.open(path, OpenOptions {}, {}));
        Document &document = *viewer.document();
        QCOMPARE(document.pageCount(), 3);
        QVERIFY(metadataValue(document, QStringLiteral("Creator")).contains(QStringLiteral("groff")));
        const QSizeF size = document.pageSize(0);
        QVERIFY(size == QSizeF(612, 792) || size == QSizeF(595, 842));
        RenderRequest request;
        request.dpi = 50;
        Result<QImage> page = document.render(0, request, {});
        QVERIFY2(page, qPrintable(page.status().message()));
        // Text in the top half of the page, nothing in the bottom third.
        QVERIFY(inkIn(page.value(), 50, QRectF(0, 0, size.width(), size.height() / 2)) > 0);
        QCOMPARE(inkIn(page.value(), 50, QRectF(0, size.height() * 2 / 3, size.width(), size.height() / 3 - 2)), 0);

        // Its text, page by page, through Ghostscript's txtwrite.
        QVERIFY(document.capabilities().testFlag(Capability::Text));
        const Result<QString> first = document.text(0, {});
        QVERIFY2(first, qPrintable(first.status().message()));
        QVERIFY2(first->contains(QStringLiteral("Hello from groff.")), qPrintable(*first));
        QVERIFY(!first->contains(QStringLiteral("Second")));
        const Result<QString> third = document.text(2, {});
        QVERIFY(third);
        QVERIFY2(third->contains(QStringLiteral("Third page.")), qPrintable(*third));
        QVERIFY(!third->contains(QStringLiteral("Hello")));
    }

    // Words and their places: two lines a known distance apart on page 1, one word on page 2.
    void textAndWordBoxes()
    {
        const QString path = m_dir.filePath(QStringLiteral("words.ps"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("%!PS-Adobe-3.0\n%%Pages: 2\n%%BoundingBox: 0 0 612 792\n%%EndComments\n"
                   "%%Page: 1 1\n/Helvetica findfont 20 scalefont setfont\n"
                   "100 700 moveto (Top word) show\n100 100 moveto (Bottom) show\nshowpage\n"
                   "%%Page: 2 2\n/Helvetica findfont 20 scalefont setfont\n300 400 moveto (Caf\\351) show\n"
                   "showpage\n%%EOF\n");
        file.close();
        Viewer viewer;
        QVERIFY(viewer.open(path, OpenOptions {}, {}));
        Document &document = *viewer.document();
        QCOMPARE(document.pageCount(), 2);
        const Result<QString> text = document.text(0, {});
        QVERIFY2(text, qPrintable(text.status().message()));
        QCOMPARE(*text, QStringLiteral("Top word\nBottom\n"));
        const Result<QList<TextBox>> boxes = document.textBoxes(0, {});
        QVERIFY(boxes);
        QCOMPARE(boxes->size(), 3);
        QCOMPARE(boxes->at(0).text, QStringLiteral("Top"));
        QVERIFY(!boxes->at(0).lineEnd);
        QVERIFY(boxes->at(1).lineEnd);
        // Baselines 92 and 692 points from the top; words start at x = 100.
        QVERIFY2(boxes->at(0).rect.contains(QPointF(105, 88)), qPrintable(QString::number(boxes->at(0).rect.y())));
        QVERIFY(boxes->at(1).rect.left() > boxes->at(0).rect.right());
        QVERIFY(boxes->at(2).rect.contains(QPointF(105, 688)));
        QVERIFY(std::abs(boxes->at(0).rect.left() - 100) < 1);
        const Result<QString> second = document.text(1, {});
        QVERIFY(second);
        // 0351 in Helvetica's StandardEncoding is Ø: the text is what the page shows.
        QCOMPARE(*second, QStringLiteral("Caf\u00d8\n"));
        const Result<QList<TextBox>> secondBoxes = document.textBoxes(1, {});
        QVERIFY(secondBoxes);
        QCOMPARE(secondBoxes->size(), 1);
        QVERIFY(secondBoxes->at(0).rect.contains(QPointF(305, 388)));
    }

    // Text of a program that never ends is cancelled like its rendering.
    void endlessLoopTextIsCancelled()
    {
        const QString path = endlessLoop();
        Viewer viewer;
        QVERIFY(viewer.open(path, OpenOptions {}, {}));
        CancellationSource source;
        std::thread cancel([&source] {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            source.cancel();
        });
        const Result<QString> text = viewer.document()->text(0, source.token());
        cancel.join();
        QVERIFY(!text);
        QCOMPARE(int(text.status().code()), int(StatusCode::Canceled));
    }

    // `{} loop` never ends: Cancel stops the render, and the Ghostscript child is killed, so
    // nothing is left running when the test process exits. (Written here, not kept in tests/data:
    // the fuzz replay would spend its time budget on it once per family.)
    void endlessLoopIsCancelled()
    {
        const QString path = endlessLoop();
        Viewer viewer;
        QVERIFY(viewer.open(path, OpenOptions {}, {}));
        Document &document = *viewer.document();
        QCOMPARE(document.pageCount(), 1); // no DSC pages: one page, as libspectre says
        CancellationSource source;
        std::thread cancel([&source] {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            source.cancel();
        });
        Result<QImage> page = document.render(0, RenderRequest {}, source.token());
        cancel.join();
        QVERIFY(!page);
        QCOMPARE(int(page.status().code()), int(StatusCode::Canceled));
        // Again with an already cancelled token: refused before Ghostscript starts.
        Result<QImage> again = document.render(0, RenderRequest {}, source.token());
        QCOMPARE(int(again.status().code()), int(StatusCode::Canceled));
    }

    // With no Cancel, the time budget ends the endless loop: TimedOut, saying why.
    void endlessLoopTimesOut()
    {
        const QString path = endlessLoop();
        Viewer viewer;
        QVERIFY(viewer.open(path, OpenOptions {}, {}));
        const auto budget = postscript::PostScriptDocument::timeBudget();
        postscript::PostScriptDocument::setTimeBudget(std::chrono::milliseconds(300));
        RenderRequest request;
        request.dpi = 10;
        Result<QImage> page = viewer.document()->render(0, request, {});
        postscript::PostScriptDocument::setTimeBudget(budget);
        QVERIFY(!page);
        QCOMPARE(int(page.status().code()), int(StatusCode::TimedOut));
        QVERIFY2(page.status().message().contains(QStringLiteral("Ghostscript")), qPrintable(page.status().message()));
    }

    void notPostScript()
    {
        const QString path = m_dir.filePath(QStringLiteral("broken.ps"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("%!PS-Adobe-3.0\n%%Pages: 3\n%%EndComments\n%%Page: 1 1\n");
        file.close();
        Viewer viewer;
        const Status status = viewer.open(path, OpenOptions {}, {});
        // Truncated: either refused at open or a page count libspectre reads; never a hang.
        if (status) {
            QVERIFY(viewer.document()->pageCount() >= 1);
            RenderRequest request;
            request.dpi = 10;
            (void)viewer.document()->render(0, request, {});
        }
    }

private:
    // The hostile sample: a program that never ends, without DSC structure.
    QString endlessLoop() const
    {
        const QString path = m_dir.filePath(QStringLiteral("endless-loop.ps"));
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write("%!PS\n{} loop\n");
        return path;
    }

    QTemporaryDir m_dir;
};

QTEST_MAIN(TestPostScriptBackend)
#include "tst_postscriptbackend.moc"
