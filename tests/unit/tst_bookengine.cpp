// SPDX-License-Identifier: GPL-3.0-or-later
// The book engine (backends/common/book) on an in-memory Book: chapters in order on A5 pages,
// the outline to chapters and ids, pictures and URLs only from the book, HTML5 chapters,
// cancellation. EPUB's own tests (tst_epubbackend) cover the engine through a real package.
#include "backends/common/book/bookdocument.h"

#include <QBuffer>
#include <QImage>
#include <QTest>

using namespace folio;

namespace {

QByteArray xhtml(const QString &body)
{
    return (QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"
                           "<head><title>t</title></head><body>")
        + body + QStringLiteral("</body></html>"))
        .toUtf8();
}

QByteArray png(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::red);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

const book::BookFormat TestFormat {QStringLiteral("test"), QStringLiteral("Test book"), QStringLiteral("text/html")};

} // namespace

class TestBookEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chaptersAndOutline();
    void resolution();
    void htmlChapter();
    void pictureFromTheBook();
    void emptyBookRefused();
    void cancelledOpen();
};

void TestBookEngine::chaptersAndOutline()
{
    auto made = std::make_unique<book::MemoryBook>(Limits {});
    QString long2;
    for (int i = 0; i < 400; ++i)
        long2 += QStringLiteral("<p>Paragraph %1 of the second chapter.</p>").arg(i);
    made->addChapter(QStringLiteral("one.xhtml"), xhtml(QStringLiteral("<h1>First</h1><p>Alpha words.</p>")));
    made->addChapter(QStringLiteral("two.xhtml"),
        xhtml(QStringLiteral("<h1>Second</h1>") + long2 + QStringLiteral("<h2 id=\"late\">Late</h2><p>Omega.</p>")));
    made->setToc({{QStringLiteral("First"), QStringLiteral("one.xhtml"), QString(), {}},
        {QStringLiteral("Second"), QStringLiteral("two.xhtml"), QString(),
            {{QStringLiteral("Late"), QStringLiteral("two.xhtml"), QStringLiteral("late"), {}}}}});
    made->setMetadata({{QStringLiteral("Title"), QStringLiteral("A test")}});
    auto document = book::BookDocument::open(std::move(made), TestFormat, Limits {}, {}, {});
    QVERIFY2(document, qPrintable(document.status().message()));
    QCOMPARE((*document)->formatId(), QStringLiteral("test"));
    QCOMPARE((*document)->pageSize(0), QSizeF(420, 595));
    QVERIFY((*document)->ensurePages(-1, {}));
    QVERIFY((*document)->isPageCountFinal());
    const int pages = (*document)->pageCount();
    QVERIFY2(pages >= 4, qPrintable(QString::number(pages)));
    QVERIFY((*document)->text(0, {})->contains(QLatin1String("Alpha words.")));
    QVERIFY((*document)->text(1, {})->contains(QLatin1String("Second")));
    QVERIFY((*document)->text(pages - 1, {})->contains(QLatin1String("Omega.")));
    const auto outline = (*document)->outline({});
    QVERIFY(outline);
    QCOMPARE(outline->size(), 2);
    QCOMPARE(outline->at(0).page, 0);
    QCOMPARE(outline->at(1).page, 1);
    QCOMPARE(outline->at(1).children.size(), 1);
    QCOMPARE(outline->at(1).children.at(0).page, pages - 1);
    QCOMPARE((*document)->metadata().value(0).second, QStringLiteral("A test"));
    const auto image = (*document)->render(0, RenderRequest {}, {});
    QVERIFY(image && !image->isNull());
}

void TestBookEngine::resolution()
{
    book::MemoryBook made {Limits {}};
    made.addChapter(QStringLiteral("text/page.html"), "<p>x</p>", true);
    made.addResource(QStringLiteral("text/img/a.png"), png(4, 4));
    made.addResource(QStringLiteral("part2"), png(4, 4));
    made.mapUrl(QStringLiteral("cid:Part2@Example"), QStringLiteral("part2"));
    QCOMPARE(
        made.resolve(QStringLiteral("text/page.html"), QStringLiteral("img/a.png")), QStringLiteral("text/img/a.png"));
    QCOMPARE(made.resolve(QStringLiteral("text/page.html"), QStringLiteral("#top")), QStringLiteral("text/page.html"));
    QCOMPARE(
        made.resolve(QStringLiteral("text/page.html"), QStringLiteral("cid:part2@example")), QStringLiteral("part2"));
    // Nothing outside the book: parent folders, other hosts, files.
    QCOMPARE(made.resolve(QStringLiteral("text/page.html"), QStringLiteral("../../etc/passwd")), QString());
    QCOMPARE(made.resolve(QStringLiteral("text/page.html"), QStringLiteral("http://example.com/a.png")), QString());
    QCOMPARE(made.resolve(QStringLiteral("text/page.html"), QStringLiteral("file:///etc/passwd")), QString());
    // With a base URL, relative names resolve against it.
    made.setBaseUrl(QStringLiteral("text/page.html"), QStringLiteral("http://example.com/dir/page.html"));
    made.mapUrl(QStringLiteral("http://example.com/dir/pics/b.png"), QStringLiteral("part2"));
    QCOMPARE(made.resolve(QStringLiteral("text/page.html"), QStringLiteral("pics/b.png")), QStringLiteral("part2"));
    QCOMPARE(made.resolve(QStringLiteral("text/page.html"), QStringLiteral("pics/c.png")), QString());
    QCOMPARE(made.read(QStringLiteral("part2"), 10, {}).status().code(), StatusCode::LimitExceeded);
    QCOMPARE(made.read(QStringLiteral("none"), 10, {}).status().code(), StatusCode::Corrupt);
}

void TestBookEngine::htmlChapter()
{
    // HTML5 that is not XML (void elements, unquoted attributes, unclosed paragraphs) and a script.
    auto made = std::make_unique<book::MemoryBook>(Limits {});
    made->addChapter(QStringLiteral("index.html"),
        "<!DOCTYPE html><html><head><script>document.write('evil')</script></head><body>"
        "<p class=x>First<br>line<p>Second &amp; last<script>alert('no')</script></body></html>",
        true);
    auto document = book::BookDocument::open(std::move(made), TestFormat, Limits {}, {}, {});
    QVERIFY2(document, qPrintable(document.status().message()));
    const QString text = *(*document)->text(0, {});
    QVERIFY2(text.contains(QLatin1String("First")) && text.contains(QLatin1String("Second & last")), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String("evil")) && !text.contains(QLatin1String("alert")), qPrintable(text));
}

void TestBookEngine::pictureFromTheBook()
{
    auto made = std::make_unique<book::MemoryBook>(Limits {});
    made->addChapter(QStringLiteral("c.xhtml"),
        xhtml(QStringLiteral("<p><img src=\"big.png\" alt=\"big\"/></p><p><img src=\"/etc/missing.png\" "
                             "alt=\"gone\"/></p>")));
    made->addResource(QStringLiteral("big.png"), png(200, 100));
    auto document = book::BookDocument::open(std::move(made), TestFormat, Limits {}, {}, {});
    QVERIFY(document);
    RenderRequest request;
    request.dpi = 72;
    const auto image = (*document)->render(0, request, {});
    QVERIFY(image);
    // The red picture is drawn; the one the book lacks becomes its alt text.
    int red = 0;
    for (int y = 0; y < image->height(); y += 2)
        for (int x = 0; x < image->width(); x += 2)
            red += image->pixelColor(x, y) == QColor(Qt::red);
    QVERIFY2(red > 1000, qPrintable(QString::number(red)));
    QVERIFY((*document)->text(0, {})->contains(QLatin1String("[gone]")));
}

void TestBookEngine::emptyBookRefused()
{
    auto document
        = book::BookDocument::open(std::make_unique<book::MemoryBook>(Limits {}), TestFormat, Limits {}, {}, {});
    QVERIFY(!document);
    QCOMPARE(document.status().code(), StatusCode::Corrupt);
}

void TestBookEngine::cancelledOpen()
{
    auto made = std::make_unique<book::MemoryBook>(Limits {});
    made->addChapter(QStringLiteral("c.xhtml"), xhtml(QStringLiteral("<p>x</p>")));
    CancellationSource source;
    source.cancel();
    auto document = book::BookDocument::open(std::move(made), TestFormat, Limits {}, source.token(), {});
    QVERIFY(!document);
    QCOMPARE(document.status().code(), StatusCode::Canceled);
}

QTEST_MAIN(TestBookEngine)
#include "tst_bookengine.moc"
