// SPDX-License-Identifier: GPL-3.0-or-later
// The DjVu backend on files made at test time by djvulibre's own producers: c44 (a colour page
// from a PPM), cjb2 (a bilevel page from a PBM), djvm (the bundle) and djvused (hidden text,
// outline, metadata). A hand-made page claiming a huge size checks the limits.
#include "formatregistry.h"
#include "textsearch.h"
#include "viewer.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <thread>

using namespace folio;

namespace {

QString statusName(StatusCode code)
{
    return QString::fromLatin1(folio::codeName(code));
}

// A FORM:DJVU with only an INFO chunk: `width`×`height` pixels at 300 dpi.
QByteArray infoOnlyPage(quint16 width, quint16 height)
{
    QByteArray info(10, '\0');
    qToBigEndian(width, info.data());
    qToBigEndian(height, info.data() + 2);
    info[4] = 24; // minor version
    info[5] = 0; // major version
    qToLittleEndian(quint16(300), info.data() + 6);
    info[8] = 22; // gamma 2.2
    info[9] = 1; // rotation flag: upright
    QByteArray chunk = "INFO" + QByteArray(4, '\0') + info;
    qToBigEndian(quint32(info.size()), chunk.data() + 4);
    QByteArray form = "AT&TFORM" + QByteArray(4, '\0') + "DJVU" + chunk;
    qToBigEndian(quint32(form.size() - 12), form.data() + 8);
    return form;
}

} // namespace

class TestDjvuBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void detection();
    void pages();
    void render();
    void text();
    void find();
    void rotatedPage_data();
    void rotatedPage();
    void outline();
    void links();
    void metadata();
    void hugePageRefused();
    void truncated();
    void cancelledRender();
    void cancelledOpen();
    void usableAfterCancelAtAnyPoint();

private:
    QString write(const QString &name, const QByteArray &bytes);
    void run(const QString &program, const QStringList &arguments);

    QTemporaryDir m_dir;
    QString m_book;
    QString m_big;
};

QString TestDjvuBackend::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestDjvuBackend::run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(program, arguments);
    QVERIFY2(process.waitForFinished(60'000), qPrintable(program));
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
        qPrintable(program + QStringLiteral(": ") + QString::fromLocal8Bit(process.readAllStandardError())));
}

void TestDjvuBackend::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (const char *tool : {"c44", "cjb2", "djvm", "djvused"})
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
            QSKIP("the DjVu producers are not installed (apt-get install djvulibre-bin)");

    // Page 1: 200×300 pixels of colour at 100 dpi; page 2: 200×300 bilevel pixels at 300 dpi.
    QByteArray ppm = "P6 200 300 255\n";
    for (int i = 0; i < 200 * 300; ++i)
        ppm += QByteArray::fromHex("c83232");
    write(QStringLiteral("p1.ppm"), ppm);
    write(QStringLiteral("p2.pbm"), "P4 200 300\n" + QByteArray(25 * 300, char(0xf0)));
    run(QStringLiteral("c44"),
        {QStringLiteral("-dpi"), QStringLiteral("100"), QStringLiteral("p1.ppm"), QStringLiteral("p1.djvu")});
    run(QStringLiteral("cjb2"),
        {QStringLiteral("-dpi"), QStringLiteral("300"), QStringLiteral("p2.pbm"), QStringLiteral("p2.djvu")});
    run(QStringLiteral("djvm"),
        {QStringLiteral("-c"), QStringLiteral("book.djvu"), QStringLiteral("p1.djvu"), QStringLiteral("p2.djvu")});
    write(QStringLiteral("text.txt"),
        "(page 0 0 200 300 (line 10 250 190 280 (word 10 250 90 280 \"Hello\") (word 100 250 190 280 \"world\"))"
        " (line 10 100 100 130 (word 10 100 100 130 \"again\")))\n");
    write(QStringLiteral("outline.txt"),
        "(bookmarks (\"Chapter one\" \"#1\") (\"Chapter two\" \"#2\" (\"Section\" \"#p2.djvu\")) (\"Nowhere\" "
        "\"#9\"))\n");
    write(QStringLiteral("meta.txt"), "Title\t\"Test book\"\nAuthor\t\"Folio tests\"\n");
    write(QStringLiteral("links.txt"),
        "(maparea \"#+1\" \"Next page\" (rect 10 10 40 30))\n"
        "(maparea (url \"https://example.org/\" \"_blank\") \"Example\" (oval 100 200 60 50))\n"
        "(maparea \"#p2.djvu\" \"\" (poly 20 20 60 20 40 70))\n"
        "(maparea \"#9\" \"Nowhere\" (rect 1 1 5 5))\n");
    run(QStringLiteral("djvused"),
        {QStringLiteral("book.djvu"), QStringLiteral("-e"),
            QStringLiteral("select 1; set-txt text.txt; set-ant links.txt; select; set-outline outline.txt; "
                           "set-meta meta.txt"),
            QStringLiteral("-s")});
    m_book = m_dir.filePath(QStringLiteral("book.djvu"));

    // A bigger page, 2000×2000 pixels of gradients, whose decoding takes a while.
    QByteArray big = "P6 2000 2000 255\n";
    big.reserve(big.size() + 2000 * 2000 * 3);
    for (int y = 0; y < 2000; ++y)
        for (int x = 0; x < 2000; ++x) {
            const char pixel[3] = {char(y % 256), char(x / 8 % 256), char(128)};
            big.append(pixel, 3);
        }
    write(QStringLiteral("big.ppm"), big);
    run(QStringLiteral("c44"), {QStringLiteral("big.ppm"), QStringLiteral("big.djvu")});
    m_big = m_dir.filePath(QStringLiteral("big.djvu"));
}

void TestDjvuBackend::detection()
{
    // By content: the name says nothing.
    QFile::copy(m_book, m_dir.filePath(QStringLiteral("book.bin")));
    Viewer viewer;
    const Status status = viewer.open(m_dir.filePath(QStringLiteral("book.bin")), OpenOptions {}, CancellationToken {});
    QVERIFY2(status, qPrintable(status.message()));
    QCOMPARE(viewer.document()->formatId(), QStringLiteral("djvu"));
    QCOMPARE(viewer.document()->mimeType(), QStringLiteral("image/vnd.djvu+multipage"));

    // A single page is image/vnd.djvu.
    Viewer single;
    QVERIFY(single.open(m_dir.filePath(QStringLiteral("p2.djvu")), OpenOptions {}, CancellationToken {}));
    QCOMPARE(single.document()->formatId(), QStringLiteral("djvu"));
    QCOMPARE(single.document()->mimeType(), QStringLiteral("image/vnd.djvu"));
    QCOMPARE(single.document()->pageCount(), 1);
}

void TestDjvuBackend::pages()
{
    Viewer viewer;
    QVERIFY(viewer.open(m_book, OpenOptions {}, CancellationToken {}));
    Document &document = *viewer.document();
    QCOMPARE(document.pageCount(), 2);
    // Pixels at each page's own resolution.
    QCOMPARE(document.pageSize(0), QSizeF(144, 216));
    QCOMPARE(document.pageSize(1), QSizeF(48, 72));
}

void TestDjvuBackend::render()
{
    Viewer viewer;
    QVERIFY(viewer.open(m_book, OpenOptions {}, CancellationToken {}));
    RenderRequest request;
    request.dpi = 50;
    const Result<QImage> colour = viewer.render(0, request, CancellationToken {});
    QVERIFY2(colour, qPrintable(colour.status().message()));
    QCOMPARE(colour->size(), QSize(100, 150));
    const QColor pixel = colour->pixelColor(50, 75);
    QVERIFY2(qAbs(pixel.red() - 0xc8) < 16 && qAbs(pixel.green() - 0x32) < 16 && qAbs(pixel.blue() - 0x32) < 16,
        qPrintable(pixel.name()));

    // The bilevel page: each byte 0xf0 is four black pixels then four white ones.
    request.dpi = 300;
    const Result<QImage> bilevel = viewer.render(1, request, CancellationToken {});
    QVERIFY2(bilevel, qPrintable(bilevel.status().message()));
    QCOMPARE(bilevel->size(), QSize(200, 300));
    QCOMPARE(bilevel->pixelColor(1, 10), QColor(Qt::black));
    QCOMPARE(bilevel->pixelColor(6, 10), QColor(Qt::white));

    // Rotation is the base class's.
    request.rotation = 90;
    const Result<QImage> turned = viewer.render(1, request, CancellationToken {});
    QVERIFY(turned);
    QCOMPARE(turned->size(), QSize(300, 200));
}

void TestDjvuBackend::text()
{
    Viewer viewer;
    QVERIFY(viewer.open(m_book, OpenOptions {}, CancellationToken {}));
    const Result<QString> text = viewer.text(0, CancellationToken {});
    QVERIFY2(text, qPrintable(text.status().message()));
    QCOMPARE(*text, QStringLiteral("Hello world\nagain\n"));
    const Result<QString> none = viewer.text(1, CancellationToken {});
    QVERIFY(none);
    QCOMPARE(*none, QString());

    const Result<QList<TextBox>> boxes = viewer.document()->textBoxes(0, CancellationToken {});
    QVERIFY(boxes);
    QCOMPARE(boxes->size(), 3);
    // 100 dpi: 0.72 pt per pixel; y flipped from DjVu's bottom-left origin (300 pixels high).
    QCOMPARE(boxes->at(0).text, QStringLiteral("Hello"));
    QCOMPARE(boxes->at(0).rect, QRectF(7.2, 14.4, 57.6, 21.6));
    QVERIFY(!boxes->at(0).lineEnd);
    QVERIFY(boxes->at(1).lineEnd);
    QCOMPARE(boxes->at(2).rect, QRectF(7.2, 122.4, 64.8, 21.6));
}

void TestDjvuBackend::find()
{
    Viewer viewer;
    QVERIFY(viewer.open(m_book, OpenOptions {}, CancellationToken {}));
    const Result<QList<SearchHit>> hits
        = findInPage(*viewer.document(), 0, QStringLiteral("world"), SearchOptions {}, CancellationToken {});
    QVERIFY2(hits, qPrintable(hits.status().message()));
    QCOMPARE(hits->size(), 1);
    QCOMPARE(hits->at(0).rects.size(), 1);
    QCOMPARE(hits->at(0).rects.at(0), QRectF(72, 14.4, 64.8, 21.6));
}

void TestDjvuBackend::rotatedPage_data()
{
    QTest::addColumn<int>("rotation");
    QTest::newRow("upright") << 0;
    QTest::newRow("90") << 1;
    QTest::newRow("180") << 2;
    QTest::newRow("270") << 3;
}

// A bilevel page with one black bar under a word of the hidden text, turned by djvused: the word's
// box is where the bar is drawn.
void TestDjvuBackend::rotatedPage()
{
    QFETCH(int, rotation);

    // 200×300 pixels at 300 dpi, black at x 10..89, y 20..49 from the top.
    QByteArray pbm = "P4 200 300\n";
    for (int y = 0; y < 300; ++y) {
        QByteArray row(25, '\0');
        for (int x = 10; x < 90 && y >= 20 && y < 50; ++x)
            row[x / 8] = char(row[x / 8] | (0x80 >> (x % 8)));
        pbm += row;
    }
    const QString name = QStringLiteral("turned%1").arg(rotation);
    write(name + QStringLiteral(".pbm"), pbm);
    run(QStringLiteral("cjb2"),
        {QStringLiteral("-dpi"), QStringLiteral("300"), name + QStringLiteral(".pbm"), name + QStringLiteral(".djvu")});
    write(name + QStringLiteral(".txt"), "(page 0 0 200 300 (line 10 250 90 280 (word 10 250 90 280 \"Mark\")))\n");
    run(QStringLiteral("djvused"),
        {name + QStringLiteral(".djvu"), QStringLiteral("-e"),
            QStringLiteral("select 1; set-txt %1.txt; set-rotation %2").arg(name).arg(rotation), QStringLiteral("-s")});

    Viewer viewer;
    const Status opened
        = viewer.open(m_dir.filePath(name + QStringLiteral(".djvu")), OpenOptions {}, CancellationToken {});
    QVERIFY2(opened, qPrintable(opened.message()));
    QCOMPARE(viewer.document()->pageSize(0), rotation % 2 ? QSizeF(72, 48) : QSizeF(48, 72));
    RenderRequest request;
    request.dpi = 300;
    const Result<QImage> image = viewer.render(0, request, CancellationToken {});
    QVERIFY2(image, qPrintable(image.status().message()));
    QRect black;
    for (int y = 0; y < image->height(); ++y)
        for (int x = 0; x < image->width(); ++x)
            if (qGray(image->pixel(x, y)) < 128)
                black |= QRect(x, y, 1, 1);
    const Result<QList<TextBox>> boxes = viewer.document()->textBoxes(0, CancellationToken {});
    QVERIFY(boxes);
    QCOMPARE(boxes->size(), 1);
    const QRectF box = boxes->at(0).rect;
    const double pixelsPerPoint = 300.0 / 72;
    QCOMPARE(QRectF(box.x() * pixelsPerPoint, box.y() * pixelsPerPoint, box.width() * pixelsPerPoint,
                 box.height() * pixelsPerPoint)
                 .toRect(),
        black);
}

void TestDjvuBackend::outline()
{
    Viewer viewer;
    QVERIFY(viewer.open(m_book, OpenOptions {}, CancellationToken {}));
    const Result<QList<OutlineItem>> outline = viewer.outline(CancellationToken {});
    QVERIFY2(outline, qPrintable(outline.status().message()));
    QCOMPARE(outline->size(), 3);
    QCOMPARE(outline->at(0).title, QStringLiteral("Chapter one"));
    QCOMPARE(outline->at(0).page, 0);
    QCOMPARE(outline->at(1).title, QStringLiteral("Chapter two"));
    QCOMPARE(outline->at(1).page, 1);
    QCOMPARE(outline->at(1).children.size(), 1);
    QCOMPARE(outline->at(1).children.at(0).title, QStringLiteral("Section"));
    QCOMPARE(outline->at(1).children.at(0).page, 1); // by the page's file name
    QCOMPARE(outline->at(2).page, -1); // no page 9

    // A page without an outline has none, and that is no error.
    Viewer single;
    QVERIFY(single.open(m_dir.filePath(QStringLiteral("p2.djvu")), OpenOptions {}, CancellationToken {}));
    const Result<QList<OutlineItem>> empty = single.outline(CancellationToken {});
    QVERIFY(empty);
    QVERIFY(empty->isEmpty());
}

// Hyperlinks from a page's annotations (djvused set-ant): their shapes' bounding boxes in points
// from the top-left corner, page links by relative number and by file name, web addresses; a link
// to a page that does not exist is left out.
void TestDjvuBackend::links()
{
    Viewer viewer;
    QVERIFY(viewer.open(m_book, OpenOptions {}, CancellationToken {}));
    QVERIFY(viewer.document()->capabilities().testFlag(Capability::Links));
    const Result<QList<Link>> links = viewer.document()->links(0, CancellationToken {});
    QVERIFY2(links, qPrintable(links.status().message()));
    QCOMPARE(links->size(), 3);
    const double scale = 72.0 / 100; // page 1 is 200×300 pixels at 100 dpi
    const auto near = [](const QRectF &a, const QRectF &b) {
        return std::abs(a.x() - b.x()) < 0.01 && std::abs(a.y() - b.y()) < 0.01
            && std::abs(a.width() - b.width()) < 0.01 && std::abs(a.height() - b.height()) < 0.01;
    };
    QCOMPARE(links->at(0).kind, Link::Kind::GoTo);
    QCOMPARE(links->at(0).page, 1);
    QCOMPARE(links->at(0).tooltip, QStringLiteral("Next page"));
    QVERIFY(near(links->at(0).rect, QRectF(10 * scale, (300 - 40) * scale, 40 * scale, 30 * scale)));
    QCOMPARE(links->at(1).kind, Link::Kind::Uri);
    QCOMPARE(links->at(1).uri, QStringLiteral("https://example.org/"));
    QVERIFY(near(links->at(1).rect, QRectF(100 * scale, (300 - 250) * scale, 60 * scale, 50 * scale)));
    QCOMPARE(links->at(2).kind, Link::Kind::GoTo);
    QCOMPARE(links->at(2).page, 1); // by the page's file name
    QVERIFY(near(links->at(2).rect, QRectF(20 * scale, (300 - 70) * scale, 40 * scale, 50 * scale)));

    // A page without annotations has no links.
    const Result<QList<Link>> none = viewer.document()->links(1, CancellationToken {});
    QVERIFY(none);
    QVERIFY(none->isEmpty());
}

void TestDjvuBackend::metadata()
{
    Viewer viewer;
    QVERIFY(viewer.open(m_book, OpenOptions {}, CancellationToken {}));
    const Metadata metadata = viewer.document()->metadata();
    QVERIFY(metadata.contains(qMakePair(QStringLiteral("Title"), QStringLiteral("Test book"))));
    QVERIFY(metadata.contains(qMakePair(QStringLiteral("Author"), QStringLiteral("Folio tests"))));
}

void TestDjvuBackend::hugePageRefused()
{
    const QString path = write(QStringLiteral("huge.djvu"), infoOnlyPage(65000, 65000));
    Viewer viewer;
    const Status status = viewer.open(path, OpenOptions {}, CancellationToken {});
    QCOMPARE(statusName(status.code()), statusName(StatusCode::LimitExceeded));
    QCOMPARE(status.message(),
        path + QStringLiteral(": Page 1 claims 65000×65000 pixels, over the limit of 256 megapixels"));

    // The same page within the limit opens and renders as an empty page.
    const QString small = write(QStringLiteral("small.djvu"), infoOnlyPage(300, 600));
    Viewer fine;
    const Status opened = fine.open(small, OpenOptions {}, CancellationToken {});
    QVERIFY2(opened, qPrintable(opened.message()));
    QCOMPARE(fine.document()->pageSize(0), QSizeF(72, 144));
    const Result<QImage> page = fine.render(0, RenderRequest {}, CancellationToken {});
    QVERIFY2(page || page.status().code() == StatusCode::Corrupt, qPrintable(page.status().message()));

    // The page-count limit.
    OpenOptions options;
    options.limits.maxPageCount = 1;
    Viewer counted;
    const Status over = counted.open(m_book, options, CancellationToken {});
    QCOMPARE(statusName(over.code()), statusName(StatusCode::LimitExceeded));
}

void TestDjvuBackend::truncated()
{
    QFile file(m_book);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray book = file.readAll();
    for (const qsizetype length : {qsizetype(20), book.size() / 2}) {
        const QString path = write(QStringLiteral("truncated.djvu"), book.left(length));
        Viewer viewer;
        const Status status = viewer.open(path, OpenOptions {}, CancellationToken {});
        if (status) {
            // djvulibre may still read the pages that are whole; the others fail cleanly.
            for (int page = 0; page < viewer.document()->pageCount(); ++page)
                (void)viewer.render(page, RenderRequest {}, CancellationToken {});
            continue;
        }
        QCOMPARE(statusName(status.code()), statusName(StatusCode::Corrupt));
        QVERIFY(status.message().startsWith(path + QStringLiteral(": ")));
    }
}

void TestDjvuBackend::cancelledRender()
{
    Viewer viewer;
    QVERIFY(viewer.open(m_book, OpenOptions {}, CancellationToken {}));
    // A big render of the colour page (about 4800×7200 pixels), cancelled from another thread
    // while it runs: the call returns Canceled.
    RenderRequest request;
    request.dpi = 2400;
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

    // The document is still usable.
    request.dpi = 72;
    const Result<QImage> again = viewer.render(0, request, CancellationToken {});
    QVERIFY2(again, qPrintable(again.status().message()));
    QCOMPARE(again->size(), QSize(144, 216));
}

void TestDjvuBackend::cancelledOpen()
{
    CancellationSource source;
    source.cancel();
    Viewer viewer;
    const Status status = viewer.open(m_book, OpenOptions {}, source.token());
    QCOMPARE(statusName(status.code()), statusName(StatusCode::Canceled));
    QVERIFY(!viewer.isOpen());
}

void TestDjvuBackend::usableAfterCancelAtAnyPoint()
{
    // Cancels land in page decoding, in rendering or after it, depending on the machine: whatever
    // was stopped, the next render of the same page is whole.
    for (int micros : {0, 50, 200, 1000, 5000, 20000}) {
        Viewer viewer;
        QVERIFY(viewer.open(m_book, OpenOptions {}, CancellationToken {}));
        Viewer big;
        QVERIFY(big.open(m_big, OpenOptions {}, CancellationToken {}));
        for (auto [v, page] : {std::pair {&viewer, 0}, {&viewer, 1}, {&big, 0}}) {
            Viewer &viewer = *v;
            RenderRequest request;
            request.dpi = 100;
            CancellationSource source;
            std::thread canceller([&source, micros] {
                std::this_thread::sleep_for(std::chrono::microseconds(micros));
                source.cancel();
            });
            const Result<QImage> first = viewer.render(page, request, source.token());
            canceller.join();
            QVERIFY(first || first.status().code() == StatusCode::Canceled);
            const Result<QImage> again = viewer.render(page, request, CancellationToken {});
            QVERIFY2(again, qPrintable(again.status().message()));
            const Result<QString> text = viewer.text(page, CancellationToken {});
            QVERIFY(text);
        }
    }
}

QTEST_MAIN(TestDjvuBackend)
#include "tst_djvubackend.moc"
