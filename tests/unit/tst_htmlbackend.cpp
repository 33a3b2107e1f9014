// SPDX-License-Identifier: GPL-3.0-or-later
// The HTML and MHTML backend on files made at test time by real producers: pandoc --standalone
// writes the HTML page (headings, a picture next to it, title and author), Python's email package
// the MHTML web archive (a page with a picture by Content-Location and one by cid:). Hand-made
// hostile archives (too many parts, nesting too deep, truncated) check the limits; pages that
// reach outside their folder check that nothing but the folder is read.
#include "backends/html/mhtml.h"
#include "viewer.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace folio;

namespace {

int redPixels(const QImage &image)
{
    int red = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            red += image.pixelColor(x, y) == QColor(Qt::red);
    return red;
}

// The titles of an outline, nested with parentheses: "A(B(C))D".
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

} // namespace

class TestHtmlBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pandocPage();
    void detection();
    void onlyTheFolder();
    void mhtml();
    void mhtmlLimits_data();
    void mhtmlLimits();
    void quotedPrintable();
    void hostilePages();
    void cancelled();

private:
    QString write(const QString &name, const QByteArray &bytes);
    void run(const QString &program, const QStringList &arguments, const QByteArray &input = {});

    QTemporaryDir m_dir;
};

QString TestHtmlBackend::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestHtmlBackend::run(const QString &program, const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(program, arguments);
    QVERIFY2(process.waitForStarted(), qPrintable(program + QLatin1String(" did not start")));
    process.write(input);
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
        qPrintable(program + QLatin1String(": ") + QString::fromUtf8(process.readAllStandardError())));
}

void TestHtmlBackend::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (const char *tool : {"pandoc", "python3"}) {
        if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
            QFAIL(qPrintable(QStringLiteral("%1 is missing: ./dev test installs it").arg(QLatin1String(tool))));
    }
    QImage picture(40, 30, QImage::Format_RGB32);
    picture.fill(Qt::red);
    QVERIFY(picture.save(m_dir.filePath(QStringLiteral("pic.png"))));
    QDir(m_dir.path()).mkpath(QStringLiteral("page"));
    QVERIFY(picture.save(m_dir.filePath(QStringLiteral("page/inside.png"))));
    QVERIFY(picture.save(m_dir.filePath(QStringLiteral("outside.png"))));

    write(QStringLiteral("doc.md"),
        "# Introduction\n\nSome *text* here.\n\n![a picture](pic.png)\n\n## Details\n\nMore text.\n\n"
        "### Fine print\n\nSmall.\n\n# Second part\n\nThe end.\n");
    run(QStringLiteral("pandoc"),
        {QStringLiteral("--standalone"), QStringLiteral("-M"), QStringLiteral("title=Test Page"), QStringLiteral("-M"),
            QStringLiteral("author=Ann Author"), QStringLiteral("doc.md"), QStringLiteral("-o"),
            QStringLiteral("doc.html")});

    // A page saved with its pictures, as browsers do, written by Python's email package.
    const QByteArray script = R"(
import sys
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.mime.image import MIMEImage
archive = MIMEMultipart('related', type='text/html')
archive['From'] = '<Saved by a browser>'
archive['Subject'] = '=?utf-8?q?Saved_p=C3=A4ge?='
archive['Snapshot-Content-Location'] = 'https://example.com/dir/page.html'
page = MIMEText('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><h1>Web archive \u00e9</h1>'
    '<p>Body text <img src="img/pic.png" alt="by location"> <img src="cid:logo@example" alt="by cid"></p>'
    '<h2>Section</h2><p>More <a href="https://example.org/">text</a>.</p>'
    '<img src="https://example.com/remote.png" alt="remote">'
    '<script>document.write("evil")</script></body></html>', 'html', 'utf-8')
page['Content-Location'] = 'https://example.com/dir/page.html'
archive.attach(page)
png = open('pic.png', 'rb').read()
located = MIMEImage(png, 'png')
located['Content-Location'] = 'https://example.com/dir/img/pic.png'
archive.attach(located)
cid = MIMEImage(png, 'png')
cid['Content-ID'] = '<logo@example>'
archive.attach(cid)
sys.stdout.buffer.write(archive.as_bytes())
)";
    write(QStringLiteral("make-mhtml.py"), script);
    QProcess python;
    python.setWorkingDirectory(m_dir.path());
    python.start(QStringLiteral("python3"), {QStringLiteral("make-mhtml.py")});
    QVERIFY(python.waitForFinished(60000) && python.exitCode() == 0);
    write(QStringLiteral("page.mhtml"), python.readAllStandardOutput());
}

void TestHtmlBackend::pandocPage()
{
    Viewer viewer;
    const Status status = viewer.open(m_dir.filePath(QStringLiteral("doc.html")), OpenOptions {}, {});
    QVERIFY2(status, qPrintable(status.message()));
    Document *document = viewer.document();
    QCOMPARE(document->formatId(), QStringLiteral("html"));
    QCOMPARE(document->mimeType(), QStringLiteral("text/html"));
    QCOMPARE(document->pageSize(0), QSizeF(420, 595));
    QVERIFY(document->ensurePages(-1, {}));
    const QString text = *document->text(0, {});
    QVERIFY2(text.contains(QLatin1String("Introduction")) && text.contains(QLatin1String("Some text here.")),
        qPrintable(text));
    const Metadata metadata = document->metadata();
    QVERIFY(metadata.contains({QStringLiteral("Title"), QStringLiteral("Test Page")}));
    QVERIFY(metadata.contains({QStringLiteral("Author"), QStringLiteral("Ann Author")}));
    // pandoc's title block is an h1 too.
    const auto outline = document->outline({});
    QVERIFY(outline);
    QCOMPARE(shape(*outline), QStringLiteral("Test PageIntroduction(Details(Fine print))Second part"));
    QCOMPARE(outline->at(1).page, 0);
    // The picture next to the page is drawn.
    RenderRequest request;
    request.dpi = 72;
    const auto image = document->render(0, request, {});
    QVERIFY(image);
    QVERIFY2(redPixels(*image) > 500, qPrintable(QString::number(redPixels(*image))));
}

void TestHtmlBackend::detection()
{
    // By content, whatever the name.
    QFile::copy(m_dir.filePath(QStringLiteral("doc.html")), m_dir.filePath(QStringLiteral("doc.txt")));
    Viewer renamed;
    QVERIFY(renamed.open(m_dir.filePath(QStringLiteral("doc.txt")), OpenOptions {}, {}));
    QCOMPARE(renamed.document()->formatId(), QStringLiteral("html"));
    QFile::copy(m_dir.filePath(QStringLiteral("page.mhtml")), m_dir.filePath(QStringLiteral("page.eml")));
    Viewer archive;
    QVERIFY(archive.open(m_dir.filePath(QStringLiteral("page.eml")), OpenOptions {}, {}));
    QCOMPARE(archive.document()->formatId(), QStringLiteral("mhtml"));
    // Without a browser's marks, a multipart/related message is still a page rather than text.
    Viewer unmarked;
    QVERIFY(unmarked.open(write(QStringLiteral("mail.eml"),
                              "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\n"
                              "Content-Type: text/html\r\n\r\n<p>Hello</p>\r\n--b--\r\n"),
        OpenOptions {}, {}));
    QCOMPARE(unmarked.document()->formatId(), QStringLiteral("mhtml"));

    // Text that starts with a comment or mentions a tag stays text; Markdown stays Markdown.
    Viewer note;
    QVERIFY(note.open(
        write(QStringLiteral("note.txt"), "<!-- draft -->\nJust a note about <title> tags.\n"), OpenOptions {}, {}));
    QCOMPARE(note.document()->formatId(), QStringLiteral("text"));
    Viewer markdown;
    QVERIFY(
        markdown.open(write(QStringLiteral("readme.md"), "<!-- badges -->\n# Read me\n\nText.\n"), OpenOptions {}, {}));
    QVERIFY(markdown.document()->formatId() != QLatin1String("html"));

    // XHTML by its namespace.
    Viewer xhtml;
    QVERIFY(
        xhtml.open(write(QStringLiteral("page.xml"),
                       "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>X</title>"
                       "</head><body><h1>Strict</h1><p>XHTML&#160;page</p></body></html>"),
            OpenOptions {}, {}));
    QCOMPARE(xhtml.document()->formatId(), QStringLiteral("html"));
    QVERIFY(xhtml.document()->text(0, {})->contains(QLatin1String("Strict")));
}

void TestHtmlBackend::onlyTheFolder()
{
    // A page in page/ may show page/inside.png, never ../outside.png, an absolute path, a file:
    // URL or a link inside its folder that points out of it.
    QFile::link(m_dir.filePath(QStringLiteral("outside.png")), m_dir.filePath(QStringLiteral("page/link.png")));
    const QString page = write(QStringLiteral("page/index.html"),
        QStringLiteral("<!DOCTYPE html><html><body><p><img src=\"inside.png\" alt=\"inside\"></p>"
                       "<p><img src=\"../outside.png\" alt=\"parent\"></p><p><img src=\"%1\" alt=\"absolute\"></p>"
                       "<p><img src=\"file://%1\" alt=\"file url\"></p><p><img src=\"link.png\" alt=\"link\"></p>"
                       "<p><img src=\"http://127.0.0.1:9/x.png\" alt=\"network\"></p></body></html>")
            .arg(m_dir.filePath(QStringLiteral("outside.png")))
            .toUtf8());
    Viewer viewer;
    QVERIFY(viewer.open(page, OpenOptions {}, {}));
    const QString text = *viewer.document()->text(0, {});
    for (const char *refused : {"[parent]", "[absolute]", "[file url]", "[link]", "[network]"})
        QVERIFY2(text.contains(QLatin1String(refused)), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String("[inside]")), qPrintable(text));
    RenderRequest request;
    request.dpi = 72;
    const auto image = viewer.document()->render(0, request, {});
    QVERIFY(image);
    // One 40×30 picture (30×22.5 points: about 690 pixels at 72 dpi), not two.
    const int red = redPixels(*image);
    QVERIFY2(red > 500 && red < 1000, qPrintable(QString::number(red)));
}

void TestHtmlBackend::mhtml()
{
    Viewer viewer;
    const Status status = viewer.open(m_dir.filePath(QStringLiteral("page.mhtml")), OpenOptions {}, {});
    QVERIFY2(status, qPrintable(status.message()));
    Document *document = viewer.document();
    QCOMPARE(document->formatId(), QStringLiteral("mhtml"));
    QCOMPARE(document->mimeType(), QStringLiteral("application/x-mimearchive"));
    const QString text = *document->text(0, {});
    QVERIFY2(text.contains(QString::fromUtf8("Web archive é")) && text.contains(QLatin1String("More text.")),
        qPrintable(text));
    // Both pictures come from the archive; the remote one is never fetched; no script runs.
    QVERIFY2(
        !text.contains(QLatin1String("[by location]")) && !text.contains(QLatin1String("[by cid]")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("[remote]")), qPrintable(text));
    QVERIFY(!text.contains(QLatin1String("evil")));
    RenderRequest request;
    request.dpi = 72;
    const auto image = document->render(0, request, {});
    QVERIFY(image);
    QVERIFY2(redPixels(*image) > 1200, qPrintable(QString::number(redPixels(*image))));
    const Metadata metadata = document->metadata();
    QVERIFY(metadata.contains({QStringLiteral("Title"), QString::fromUtf8("Saved päge")}));
    QVERIFY(metadata.contains({QStringLiteral("URL"), QStringLiteral("https://example.com/dir/page.html")}));
    const auto outline = document->outline({});
    QVERIFY(outline);
    QCOMPARE(shape(*outline), QString::fromUtf8("Web archive é(Section)"));
    const auto links = document->links(0, {});
    QVERIFY(links && links->size() == 1);
    QCOMPARE(links->at(0).uri, QStringLiteral("https://example.org/"));
}

void TestHtmlBackend::mhtmlLimits_data()
{
    QTest::addColumn<QByteArray>("archive");
    QTest::addColumn<int>("code");
    const QByteArray head = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n";
    QByteArray many = head;
    for (int i = 0; i < 10001; ++i)
        many += "--b\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n";
    many += "--b--\r\n";
    QTest::newRow("too many parts") << many << int(StatusCode::LimitExceeded);
    QByteArray deep = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b0\"\r\n\r\n";
    for (int i = 1; i < 12; ++i)
        deep += QStringLiteral("--b%1\r\nContent-Type: multipart/mixed; boundary=\"b%2\"\r\n\r\n")
                    .arg(i - 1)
                    .arg(i)
                    .toUtf8();
    deep += "--b11\r\nContent-Type: text/html\r\n\r\n<p>deep</p>\r\n";
    QTest::newRow("nested too deep") << deep << int(StatusCode::LimitExceeded);
    QTest::newRow("no page") << QByteArray(head + "--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n")
                             << int(StatusCode::Corrupt);
    QTest::newRow("no boundary") << QByteArray("MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\nhello")
                                 << int(StatusCode::Corrupt);
    // Cut in the middle of its page: what arrived is shown.
    QFile saved(m_dir.filePath(QStringLiteral("page.mhtml")));
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QByteArray whole = saved.readAll();
    QTest::newRow("truncated") << whole.left(whole.indexOf("Content-Location: https://example.com/dir/img"))
                               << int(StatusCode::Ok);
}

void TestHtmlBackend::mhtmlLimits()
{
    QFETCH(QByteArray, archive);
    QFETCH(int, code);
    Viewer viewer;
    const Status status = viewer.open(write(QStringLiteral("hostile.mhtml"), archive), OpenOptions {}, {});
    QCOMPARE(int(status.code()), code);
    if (status) {
        QCOMPARE(viewer.document()->formatId(), QStringLiteral("mhtml"));
    } else {
        QVERIFY2(status.message().contains(QLatin1String("hostile.mhtml")), qPrintable(status.message()));
    }
}

void TestHtmlBackend::quotedPrintable()
{
    QCOMPARE(html::Mhtml::decodeQuotedPrintable("caf=C3=A9 =3D soft=\r\nbreak= \nend=\n"),
        QByteArray("caf\xC3\xA9 = softbreakend"));
    QCOMPARE(html::Mhtml::decodeQuotedPrintable("stray = and =ZZ and =4"), QByteArray("stray = and =ZZ and =4"));
}

void TestHtmlBackend::hostilePages()
{
    // Nesting deeper than the HTML parser's bound: the page opens with what could be read and a
    // note naming the limit, never a stack overflow.
    QByteArray deep = "<!DOCTYPE html><html><body><p>Before the abyss.</p>";
    for (int i = 0; i < 200000; ++i)
        deep += "<div>";
    Viewer viewer;
    QVERIFY(viewer.open(write(QStringLiteral("deep.html"), deep), OpenOptions {}, {}));
    const QString text = *viewer.document()->text(0, {});
    QVERIFY2(text.contains(QLatin1String("Folio could not show all")) && text.contains(QLatin1String("4096")),
        qPrintable(text));
    // A page bigger than one flow is refused before parsing, naming the file.
    QByteArray huge = "<!DOCTYPE html><html><body><p>";
    huge += QByteArray(17 << 20, 'x');
    Viewer big;
    const Status status = big.open(write(QStringLiteral("huge.html"), huge), OpenOptions {}, {});
    QCOMPARE(status.code(), StatusCode::LimitExceeded);
    QVERIFY2(status.message().contains(QLatin1String("huge.html")), qPrintable(status.message()));
}

void TestHtmlBackend::cancelled()
{
    // A long page: opening, laying out and the outline each return Canceled once cancelled.
    QByteArray page = "<!DOCTYPE html><html><body>";
    for (int i = 0; i < 3000; ++i)
        page += "<h2>Heading " + QByteArray::number(i) + "</h2><p>Paragraph of some length, with words.</p>";
    page += "</body></html>";
    const QString path = write(QStringLiteral("long.html"), page);
    CancellationSource source;
    source.cancel();
    Viewer viewer;
    QCOMPARE(viewer.open(path, OpenOptions {}, source.token()).code(), StatusCode::Canceled);
    Viewer archive;
    QCOMPARE(archive.open(m_dir.filePath(QStringLiteral("page.mhtml")), OpenOptions {}, source.token()).code(),
        StatusCode::Canceled);
    QVERIFY(viewer.open(path, OpenOptions {}, {}));
    QCOMPARE(viewer.document()->outline(source.token()).status().code(), StatusCode::Canceled);
    // Still usable afterwards.
    const auto outline = viewer.document()->outline({});
    QVERIFY(outline);
    QCOMPARE(outline->size(), 3000);
}

QTEST_MAIN(TestHtmlBackend)
#include "tst_htmlbackend.moc"
