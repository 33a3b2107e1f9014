// SPDX-License-Identifier: GPL-3.0-or-later
// The FictionBook backend on a book pandoc writes at test time (pandoc -t fb2: sections with
// titles, a footnote in a notes body, a picture as a base64 binary, title, author and language),
// also zipped as .fb2.zip with KZip; hand-made hostile files check the limits.
#include "viewer.h"

#include <KZip>

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace folio;

namespace {

QString shape(const QList<OutlineItem> &items)
{
    QString out;
    for (const OutlineItem &item : items) {
        out += item.title;
        if (!item.children.isEmpty())
            out += u'(' + shape(item.children) + u')';
    }
    return out;
}

const QByteArray Fb2Head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<FictionBook "
                           "xmlns=\"http://www.gribuser.ru/xml/fictionbook/2.0\" "
                           "xmlns:l=\"http://www.w3.org/1999/xlink\">";

} // namespace

class TestFb2Backend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pandocBook();
    void zipped();
    void detection();
    void elements();
    void legacyEncoding();
    void hostile_data();
    void hostile();
    void cancelled();

private:
    QString write(const QString &name, const QByteArray &bytes);

    QTemporaryDir m_dir;
    QString m_book;
};

QString TestFb2Backend::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestFb2Backend::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (QStandardPaths::findExecutable(QStringLiteral("pandoc")).isEmpty())
        QFAIL("pandoc is missing: ./dev test installs it");
    QImage picture(40, 30, QImage::Format_RGB32);
    picture.fill(Qt::red);
    QVERIFY(picture.save(m_dir.filePath(QStringLiteral("pic.png"))));
    write(QStringLiteral("book.md"),
        "# Chapter One\n\nSome *text* with a note[^1] and **strong** words.\n\n![a picture](pic.png)\n\n"
        "## Part A\n\nMore text.\n\n# Chapter Two\n\n> A quotation.\n\nBack to [the start](#chapter-one).\n\n"
        "[^1]: The note text.\n");
    QProcess pandoc;
    pandoc.setWorkingDirectory(m_dir.path());
    pandoc.start(QStringLiteral("pandoc"),
        {QStringLiteral("--standalone"), QStringLiteral("-M"), QStringLiteral("title=Test Book"), QStringLiteral("-M"),
            QStringLiteral("author=Ann Author"), QStringLiteral("-M"), QStringLiteral("lang=en"),
            QStringLiteral("book.md"), QStringLiteral("-t"), QStringLiteral("fb2"), QStringLiteral("-o"),
            QStringLiteral("book.fb2")});
    QVERIFY(pandoc.waitForFinished(60000));
    QVERIFY2(pandoc.exitCode() == 0, pandoc.readAllStandardError().constData());
    m_book = m_dir.filePath(QStringLiteral("book.fb2"));
}

void TestFb2Backend::pandocBook()
{
    Viewer viewer;
    const Status status = viewer.open(m_book, OpenOptions {}, {});
    QVERIFY2(status, qPrintable(status.message()));
    Document *document = viewer.document();
    QCOMPARE(document->formatId(), QStringLiteral("fb2"));
    QCOMPARE(document->mimeType(), QStringLiteral("application/x-fictionbook+xml"));
    QVERIFY(document->ensurePages(-1, {}));
    // The title page, a page per chapter, the notes.
    QCOMPARE(document->pageCount(), 4);
    QCOMPARE(document->pageSize(0), QSizeF(420, 595));
    QVERIFY(document->text(0, {})->contains(QLatin1String("Test Book")));
    const QString first = *document->text(1, {});
    QVERIFY2(first.contains(QLatin1String("Some text with a note")) && first.contains(QLatin1String("Part A")),
        qPrintable(first));
    QVERIFY(document->text(3, {})->contains(QLatin1String("The note text.")));

    const auto outline = document->outline({});
    QVERIFY(outline);
    QCOMPARE(shape(*outline), QStringLiteral("Chapter One(Part A)Chapter TwoNotes"));
    QCOMPARE(outline->at(0).page, 1);
    QCOMPARE(outline->at(1).page, 2);
    QCOMPARE(outline->at(2).page, 3);

    const Metadata metadata = document->metadata();
    QVERIFY(metadata.contains({QStringLiteral("Title"), QStringLiteral("Test Book")}));
    QVERIFY(metadata.contains({QStringLiteral("Author"), QStringLiteral("Ann Author")}));
    QVERIFY(metadata.contains({QStringLiteral("Language"), QStringLiteral("en")}));

    // The note mark leads to the notes, the link back to the first chapter.
    const auto noteLinks = document->links(1, {});
    QVERIFY(noteLinks && !noteLinks->isEmpty());
    QCOMPARE(noteLinks->first().page, 3);
    const auto backLinks = document->links(2, {});
    QVERIFY(backLinks && !backLinks->isEmpty());
    QCOMPARE(backLinks->first().page, 1);

    // The picture from its <binary>.
    RenderRequest request;
    request.dpi = 72;
    const auto image = document->render(1, request, {});
    QVERIFY(image);
    int red = 0;
    for (int y = 0; y < image->height(); ++y)
        for (int x = 0; x < image->width(); ++x)
            red += image->pixelColor(x, y) == QColor(Qt::red);
    QVERIFY2(red > 500, qPrintable(QString::number(red)));
}

void TestFb2Backend::zipped()
{
    QFile book(m_book);
    QVERIFY(book.open(QIODevice::ReadOnly));
    const QByteArray bytes = book.readAll();
    const QString path = m_dir.filePath(QStringLiteral("book.fb2.zip"));
    {
        KZip zip(path);
        QVERIFY(zip.open(QIODevice::WriteOnly));
        QVERIFY(zip.writeFile(QStringLiteral("book.fb2"), bytes));
        zip.close();
    }
    // By content: the first entry's name, whatever the file is called.
    QVERIFY(QFile::copy(path, m_dir.filePath(QStringLiteral("download.zip"))));
    for (const QString &name : {path, m_dir.filePath(QStringLiteral("download.zip"))}) {
        Viewer viewer;
        const Status status = viewer.open(name, OpenOptions {}, {});
        QVERIFY2(status, qPrintable(status.message()));
        QCOMPARE(viewer.document()->formatId(), QStringLiteral("fb2"));
        QCOMPARE(viewer.document()->mimeType(), QStringLiteral("application/x-zip-compressed-fb2"));
        QVERIFY(viewer.document()->ensurePages(-1, {}));
        QCOMPARE(viewer.document()->pageCount(), 4);
    }
}

void TestFb2Backend::detection()
{
    QVERIFY(QFile::copy(m_book, m_dir.filePath(QStringLiteral("book.txt"))));
    Viewer viewer;
    QVERIFY(viewer.open(m_dir.filePath(QStringLiteral("book.txt")), OpenOptions {}, {}));
    QCOMPARE(viewer.document()->formatId(), QStringLiteral("fb2"));
    // Other XML stays with its own backend.
    Viewer xml;
    QVERIFY(xml.open(write(QStringLiteral("data.xml"), "<?xml version=\"1.0\"?>\n<data><FictionBook/></data>\n"),
        OpenOptions {}, {}));
    QVERIFY(xml.document()->formatId() != QLatin1String("fb2"));
}

void TestFb2Backend::elements()
{
    QImage picture(20, 20, QImage::Format_RGB32);
    picture.fill(Qt::blue);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    picture.save(&buffer, "PNG");
    const QByteArray book = Fb2Head
        + "<description><title-info><genre>poetry</genre><author><first-name>Jo</first-name><last-name>Poet</last-name>"
          "</author><author><nickname>anon</nickname></author><book-title>Poems</book-title>"
          "<annotation><p>A small book.</p></annotation><lang>de</lang><coverpage><image l:href=\"#cover\"/>"
          "</coverpage></title-info><publish-info><publisher>Press</publisher><year>2020</year></publish-info>"
          "</description><body><section><title><p>First</p><p>poem</p></title><epigraph><p>Motto</p>"
          "<text-author>Someone</text-author></epigraph><poem><stanza><v>Line one</v><v>Line two</v></stanza></poem>"
          "<cite><p>Cited</p></cite><empty-line/><table><tr><th>A</th><td>B</td></tr></table>"
          "<p><strikethrough>gone</strikethrough> x<sup>2</sup> <code>code</code> "
          "<a l:href=\"http://example.org/\">web</a> <a l:href=\"javascript:alert(1)\">script</a></p>"
          "<section><title><p>Inner</p></title><p>Deep text.</p></section></section></body>"
          "<binary id=\"cover\" content-type=\"image/png\">"
        + png.toBase64() + "</binary></FictionBook>";
    Viewer viewer;
    const Status status = viewer.open(write(QStringLiteral("poems.fb2"), book), OpenOptions {}, {});
    QVERIFY2(status, qPrintable(status.message()));
    QVERIFY(viewer.document()->ensurePages(-1, {}));
    QString text;
    for (int i = 0; i < viewer.document()->pageCount(); ++i)
        text += *viewer.document()->text(i, {});
    for (const char *expected : {"First", "poem", "Motto", "Someone", "Line one", "Line two", "Cited", "gone", "code",
             "web", "script", "Deep text."})
        QVERIFY2(text.contains(QLatin1String(expected)), qPrintable(text));
    const auto outline = viewer.document()->outline({});
    QVERIFY(outline);
    QCOMPARE(shape(*outline), QStringLiteral("First poem(Inner)"));
    const Metadata metadata = viewer.document()->metadata();
    QVERIFY(metadata.contains({QStringLiteral("Author"), QStringLiteral("Jo Poet; anon")}));
    QVERIFY(metadata.contains({QStringLiteral("Publisher"), QStringLiteral("Press")}));
    QVERIFY(metadata.contains({QStringLiteral("CreationDate"), QStringLiteral("2020")}));
    QVERIFY(metadata.contains({QStringLiteral("Description"), QStringLiteral("A small book.")}));
    // Only the http link is a link; the cover picture is drawn on the first page.
    const auto links = viewer.document()->links(0, {});
    QVERIFY(links);
    QCOMPARE(links->size(), 1);
    QCOMPARE(links->first().uri, QStringLiteral("http://example.org/"));
    RenderRequest request;
    request.dpi = 72;
    const auto image = viewer.document()->render(0, request, {});
    QVERIFY(image);
    bool blue = false;
    for (int y = 0; y < image->height() && !blue; ++y)
        for (int x = 0; x < image->width() && !blue; ++x)
            blue = image->pixelColor(x, y) == QColor(Qt::blue);
    QVERIFY(blue);
}

void TestFb2Backend::legacyEncoding()
{
    // Many Russian books are in windows-1251, as their XML declaration says.
    const QByteArray book = "<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n<FictionBook "
                            "xmlns=\"http://www.gribuser.ru/xml/fictionbook/2.0\"><description><title-info>"
                            "<book-title>\xD2\xE5\xF1\xF2</book-title></title-info></description><body><section>"
                            "<p>\xCF\xF0\xE8\xE2\xE5\xF2</p></section></body></FictionBook>";
    Viewer viewer;
    const Status status = viewer.open(write(QStringLiteral("cp1251.fb2"), book), OpenOptions {}, {});
    QVERIFY2(status, qPrintable(status.message()));
    QVERIFY(viewer.document()->metadata().contains({QStringLiteral("Title"), QString::fromUtf8("Тест")}));
    QVERIFY(viewer.document()->text(0, {})->contains(QString::fromUtf8("Привет")));
}

void TestFb2Backend::hostile_data()
{
    QTest::addColumn<QByteArray>("book");
    QTest::addColumn<int>("code");
    QByteArray deep = Fb2Head + "<body>";
    for (int i = 0; i < 5000; ++i)
        deep += "<section>";
    QTest::newRow("deep nesting") << deep << int(StatusCode::LimitExceeded);
    QTest::newRow("entities") << QByteArray("<?xml version=\"1.0\"?>\n<!DOCTYPE FictionBook [<!ENTITY a "
                                            "\"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
                                            "<FictionBook><body><p>&b;</p></body></FictionBook>")
                              << int(StatusCode::LimitExceeded);
    QFile book(m_book);
    QVERIFY(book.open(QIODevice::ReadOnly));
    const QByteArray whole = book.readAll();
    QTest::newRow("truncated") << whole.left(whole.size() / 2) << int(StatusCode::Corrupt);
    QTest::newRow("no body") << QByteArray(Fb2Head + "<description/></FictionBook>") << int(StatusCode::Corrupt);
    // More pictures than the entry limit of the test's options.
    QByteArray many = Fb2Head + "<body><p>x</p></body>";
    for (int i = 0; i < 20; ++i)
        many += "<binary id=\"b" + QByteArray::number(i) + "\" content-type=\"image/png\">AAAA</binary>";
    QTest::newRow("too many pictures") << QByteArray(many + "</FictionBook>") << int(StatusCode::LimitExceeded);
}

void TestFb2Backend::hostile()
{
    QFETCH(QByteArray, book);
    QFETCH(int, code);
    OpenOptions options;
    options.limits.maxEntries = 10;
    Viewer viewer;
    const Status status = viewer.open(write(QStringLiteral("hostile.fb2"), book), options, {});
    QCOMPARE(int(status.code()), code);
    QVERIFY2(status.message().contains(QLatin1String("hostile.fb2")), qPrintable(status.message()));
}

void TestFb2Backend::cancelled()
{
    CancellationSource source;
    source.cancel();
    Viewer viewer;
    QCOMPARE(viewer.open(m_book, OpenOptions {}, source.token()).code(), StatusCode::Canceled);
    QVERIFY(viewer.open(m_book, OpenOptions {}, {}));
    QCOMPARE(viewer.document()->ensurePages(-1, source.token()).code(), StatusCode::Canceled);
    QVERIFY(viewer.document()->ensurePages(-1, {}));
    QCOMPARE(viewer.document()->pageCount(), 4);
}

QTEST_MAIN(TestFb2Backend)
#include "tst_fb2backend.moc"
