// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the folio-cli binary and checks its contract: outputs, exit codes, messages, and that an
// interrupted or timed-out run leaves no new file behind.
#include "../common/annotatedpdf.h"
#include "../common/formpdf.h"
#include "../common/heavypdf.h"
#include "../common/linkedpdf.h"
#include "../common/testpaths.h"

#include "pagecolors.h"
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QPdfWriter>

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QString cli()
{
    return folio::test::binDir() + QStringLiteral("/folio-cli");
}

QString dataFile(const char *name)
{
    return folio::test::dataFile(QLatin1String(name));
}

Run runCli(const QStringList &arguments, int timeoutMs = 60000)
{
    QProcess process;
    process.start(cli(), arguments);
    Run run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = "did not finish";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

// A ustar archive of regular files, written by hand so that names can be hostile.
QByteArray tarOf(const QList<QPair<QByteArray, QByteArray>> &files)
{
    QByteArray tar;
    for (const auto &[name, data] : files) {
        QByteArray header(512, '\0');
        header.replace(0, name.size(), name);
        header.replace(100, 7, "0000644");
        header.replace(108, 7, "0000000");
        header.replace(116, 7, "0000000");
        header.replace(124, 11, QByteArray::number(data.size(), 8).rightJustified(11, '0'));
        header.replace(136, 11, "14000000000");
        header.replace(148, 8, "        ");
        header[156] = '0';
        header.replace(257, 6, QByteArray("ustar\0", 6));
        header.replace(263, 2, "00");
        int sum = 0;
        for (char c : std::as_const(header))
            sum += uchar(c);
        header.replace(148, 7, QByteArray::number(sum, 8).rightJustified(6, '0') + '\0');
        tar += header + data + QByteArray((512 - data.size() % 512) % 512, '\0');
    }
    return tar + QByteArray(1024, '\0');
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(cli()));
        QVERIFY(m_dir.isValid());
        // A page heavy enough that rendering at 300 dpi takes seconds.
        m_heavy = m_dir.filePath(QStringLiteral("heavy.pdf"));
        folio::test::writeHeavyPdf(m_heavy);
    }

    void helpAndVersion()
    {
        const Run help = runCli({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.startsWith("Usage: folio-cli COMMAND FILE"));
        QVERIFY(help.out.contains("--max-entry-size SIZE") && help.out.contains("--max-ratio N"));
        const Run version = runCli({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("folio-cli "));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        const QString pdf = dataFile("two-pages.pdf");
        QTest::newRow("nothing") << QStringList() << QByteArray("no command given");
        QTest::newRow("unknown command") << QStringList {QStringLiteral("print"), pdf} << QByteArray("unknown command");
        QTest::newRow("no file") << QStringList {QStringLiteral("info")} << QByteArray("no FILE given");
        QTest::newRow("unknown option") << QStringList {QStringLiteral("info"), pdf, QStringLiteral("--colour")}
                                        << QByteArray("unknown option --colour");
        QTest::newRow("option of another command") << QStringList {QStringLiteral("info"), pdf, QStringLiteral("--dpi"),
            QStringLiteral("72")} << QByteArray("--dpi does not apply to info");
        QTest::newRow("render without out") << QStringList {QStringLiteral("render"), pdf} << QByteArray("needs --out");
        QTest::newRow("dpi and width") << QStringList {QStringLiteral("render"), pdf, QStringLiteral("--out"),
            m_dir.path(), QStringLiteral("--dpi"), QStringLiteral("72"), QStringLiteral("--width"),
            QStringLiteral("100")} << QByteArray("exclude each other");
        QTest::newRow("bad pages") << QStringList {QStringLiteral("text"), pdf, QStringLiteral("--pages"),
            QStringLiteral("x")} << QByteArray("Invalid page list");
        QTest::newRow("bad timeout") << QStringList {QStringLiteral("info"), pdf, QStringLiteral("--timeout"),
            QStringLiteral("soon")} << QByteArray("Invalid duration");
        QTest::newRow("bad quality") << QStringList {QStringLiteral("render"), pdf, QStringLiteral("--out"),
            m_dir.path(), QStringLiteral("--quality"), QStringLiteral("0")}
                                     << QByteArray("--quality must be from 1 to 100");
        const QStringList render
            = {QStringLiteral("render"), pdf, QStringLiteral("--out"), m_dir.filePath(QStringLiteral("usage"))};
        QTest::newRow("unknown format") << render + QStringList {QStringLiteral("--format"), QStringLiteral("tiff")}
                                        << QByteArray("unknown --format \"tiff\": use png, jpg, html or pdf");
        QTest::newRow("external resources for png")
            << render
                + QStringList {QStringLiteral("--format"), QStringLiteral("png"),
                    QStringLiteral("--external-resources")}
            << QByteArray("--external-resources applies to --format html only, not png");
        QTest::newRow("external resources by default format")
            << render + QStringList {QStringLiteral("--external-resources")}
            << QByteArray("--external-resources applies to --format html only");
        QTest::newRow("both resource options") << render
                + QStringList {QStringLiteral("--format"), QStringLiteral("html"), QStringLiteral("--embed-resources"),
                    QStringLiteral("--external-resources")}
                                               << QByteArray("exclude each other");
        QTest::newRow("bad watermark colour") << render
                + QStringList {QStringLiteral("--watermark"), QStringLiteral("DRAFT"),
                    QStringLiteral("--watermark-color"), QStringLiteral("blurple")}
                                              << QByteArray("--watermark-color \"blurple\" is not a colour");
        QTest::newRow("watermark colour without watermark")
            << render + QStringList {QStringLiteral("--watermark-color"), QStringLiteral("red")}
            << QByteArray("--watermark-color needs --watermark TEXT");
        QTest::newRow("empty watermark") << render + QStringList {QStringLiteral("--watermark"), QStringLiteral(" ")}
                                         << QByteArray("--watermark needs a text");
        QTest::newRow("bad watermark size")
            << render
                + QStringList {QStringLiteral("--watermark"), QStringLiteral("X"), QStringLiteral("--watermark-size"),
                    QStringLiteral("huge")}
            << QByteArray("--watermark-size must be from 4 to 1000 points, not \"huge\"");
        QTest::newRow("unknown colours") << render + QStringList {QStringLiteral("--colors"), QStringLiteral("dark")}
                                         << QByteArray("unknown --colors \"dark\": use normal, invert");
        QTest::newRow("paper without custom") << render
                + QStringList {QStringLiteral("--colors"), QStringLiteral("sepia"), QStringLiteral("--paper"),
                    QStringLiteral("black")} << QByteArray("--paper needs --colors custom");
        QTest::newRow("custom without colours")
            << render + QStringList {QStringLiteral("--colors"), QStringLiteral("custom")}
            << QByteArray("--colors custom needs --paper COLOR and/or --ink COLOR");
        QTest::newRow("bad ink") << render
                + QStringList {QStringLiteral("--colors"), QStringLiteral("custom"), QStringLiteral("--ink"),
                    QStringLiteral("inky")}
                                 << QByteArray("--ink \"inky\" is not a colour");
        QTest::newRow("keep pictures alone") << render + QStringList {QStringLiteral("--keep-pictures")}
                                             << QByteArray("--keep-pictures needs --colors other than normal");
        QTest::newRow("bad rotation") << render + QStringList {QStringLiteral("--rotate"), QStringLiteral("45")}
                                      << QByteArray("--rotate must be 0, 90, 180 or 270, not \"45\"");
        QTest::newRow("bad max width") << render + QStringList {QStringLiteral("--max-width"), QStringLiteral("0")}
                                       << QByteArray("--max-width must be a whole number of pixels");
        QTest::newRow("extract without selection") << QStringList {QStringLiteral("extract"), pdf,
            QStringLiteral("--out"), m_dir.path()} << QByteArray("exactly one of");
    }
    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        const Run run = runCli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith("folio-cli: error: "), run.err.constData());
        QVERIFY2(run.err.contains(message), run.err.constData());
        QVERIFY(run.out.isEmpty());
    }

    void infoJson()
    {
        const Run run = runCli({QStringLiteral("info"), dataFile("two-pages.pdf"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject info = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(info[QLatin1String("file")].toString(), dataFile("two-pages.pdf"));
        QCOMPARE(info[QLatin1String("format")].toString(), QStringLiteral("pdf"));
        QCOMPARE(info[QLatin1String("mimeType")].toString(), QStringLiteral("application/pdf"));
        QCOMPARE(info[QLatin1String("pageCount")].toInt(), 2);
        const QJsonArray pages = info[QLatin1String("pages")].toArray();
        QCOMPARE(pages.size(), 2);
        QCOMPARE(pages[1].toObject()[QLatin1String("number")].toInt(), 2);
        QCOMPARE(pages[1].toObject()[QLatin1String("width")].toDouble(), 842.0);
        QCOMPARE(pages[1].toObject()[QLatin1String("height")].toDouble(), 595.0);
        QCOMPARE(info[QLatin1String("metadata")].toObject()[QLatin1String("Title")].toString(),
            QStringLiteral("Folio test"));
        QCOMPARE(info[QLatin1String("attachments")].toInt(), 0);
        QCOMPARE(info[QLatin1String("encrypted")].toBool(), false);
        QCOMPARE(info[QLatin1String("form")].toString(), QStringLiteral("none"));
        QCOMPARE(info[QLatin1String("formFields")].toInt(), 0);
    }

    void xpsInfoAndRender()
    {
        // An XPS file of Ghostscript's xpswrite (tests/data/README.md): detected, its two Letter
        // pages listed and rendered.
        const QString xps = dataFile("letter-dsc.xps");
        const Run info = runCli({QStringLiteral("info"), xps, QStringLiteral("--json")});
        QVERIFY2(info.exitCode == 0, info.err.constData());
        const QJsonObject object = QJsonDocument::fromJson(info.out).object();
        QCOMPARE(object[QLatin1String("format")].toString(), QStringLiteral("xps"));
        QCOMPARE(object[QLatin1String("mimeType")].toString(), QStringLiteral("application/vnd.ms-xpsdocument"));
        QCOMPARE(object[QLatin1String("pageCount")].toInt(), 2);
        QCOMPARE(object[QLatin1String("pages")].toArray()[1].toObject()[QLatin1String("height")].toDouble(), 792.0);
        const QString out = m_dir.filePath(QStringLiteral("render-xps"));
        const Run render = runCli({QStringLiteral("render"), xps, QStringLiteral("--out"), out, QStringLiteral("--dpi"),
            QStringLiteral("36"), QStringLiteral("--quiet")});
        QVERIFY2(render.exitCode == 0, render.err.constData());
        QCOMPARE(entries(out), QStringList({QStringLiteral("page-1.png"), QStringLiteral("page-2.png")}));
        QCOMPARE(QImageReader(QDir(out).filePath(QStringLiteral("page-2.png"))).size(), QSize(306, 396));
    }

    void infoForms()
    {
        const QString form = m_dir.filePath(QStringLiteral("form.pdf"));
        const QString xfa = m_dir.filePath(QStringLiteral("xfa.pdf"));
        for (const auto &[path, bytes] :
            {std::pair {form, folio::test::form::formPdf()}, std::pair {xfa, folio::test::form::xfaOnlyPdf()}}) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size());
        }
        const Run text = runCli({QStringLiteral("info"), form});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("\nForm:              AcroForm (8 fields)\n"), text.out.constData());
        const Run json = runCli({QStringLiteral("info"), form, QStringLiteral("--json")});
        const QJsonObject info = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(info[QLatin1String("form")].toString(), QStringLiteral("acroform"));
        QCOMPARE(info[QLatin1String("formFields")].toInt(), 8);

        const Run xfaText = runCli({QStringLiteral("info"), xfa});
        QCOMPARE(xfaText.exitCode, 0);
        QVERIFY2(xfaText.out.contains("\nForm:              XFA (not supported)\n"), xfaText.out.constData());
        const Run xfaJson = runCli({QStringLiteral("info"), xfa, QStringLiteral("--json")});
        QCOMPARE(
            QJsonDocument::fromJson(xfaJson.out).object()[QLatin1String("form")].toString(), QStringLiteral("xfa"));
        // A document without a form says nothing about forms.
        QVERIFY(!runCli({QStringLiteral("info"), dataFile("two-pages.pdf")}).out.contains("Form:"));
    }

    void infoText()
    {
        const Run run = runCli({QStringLiteral("info"), dataFile("two-pages.pdf")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("Pages:             2\n"));
        QVERIFY(run.out.contains("Page size:         mixed (page 1: 612 × 792 pt)\n"));
    }

    // A web page, named as something else: detected by content, its text and a rendered page.
    void webPage()
    {
        QTemporaryDir dir;
        const QString page = dir.filePath(QStringLiteral("saved.txt"));
        QFile file(page);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("<!DOCTYPE html>\n<html><head><title>Saved page</title></head>"
                   "<body><h1>Heading</h1><p>First paragraph.</body></html>\n");
        file.close();
        const Run info = runCli({QStringLiteral("info"), page});
        QCOMPARE(info.exitCode, 0);
        QVERIFY2(info.out.contains("Format:            HTML document (text/html)\n"), info.out.constData());
        QVERIFY(info.out.contains("Title:             Saved page\n"));
        const Run text = runCli({QStringLiteral("text"), page});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("Heading\nFirst paragraph."), text.out.constData());
        const Run render = runCli({QStringLiteral("render"), page, QStringLiteral("--out"),
            dir.filePath(QStringLiteral("out")), QStringLiteral("--dpi"), QStringLiteral("36")});
        QCOMPARE(render.exitCode, 0);
        QCOMPARE(QImage(dir.filePath(QStringLiteral("out/page-1.png"))).size(), QSize(210, 298));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("missing") << QStringLiteral("/nonexistent/file.pdf") << 1
                                 << QByteArray("folio-cli: error: /nonexistent/file.pdf: cannot open: No such file");
        QTest::newRow("needs password") << dataFile("encrypted-secret.pdf") << 1
                                        << QByteArray("needs a password (give it with --password)");
        QTest::newRow("arj is unsupported") << QStringLiteral("arj") << 4 << QByteArray("unsupported format");
        QTest::newRow("empty") << QStringLiteral("empty") << 1 << QByteArray("the file is empty");
    }
    void errors()
    {
        QFETCH(QString, file);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, message);
        if (file == QLatin1String("arj") || file == QLatin1String("empty")) {
            const QString path = m_dir.filePath(file + QStringLiteral(".bin"));
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            if (file == QLatin1String("arj"))
                out.write(QByteArray("\x60\xea", 2) + QByteArray(64, '\x04'));
            file = path;
        }
        const Run run = runCli({QStringLiteral("info"), file});
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.startsWith("folio-cli: error: "), run.err.constData());
        QVERIFY2(run.err.contains(message), run.err.constData());
    }

    void password()
    {
        const Run run = runCli({QStringLiteral("text"), dataFile("encrypted-secret.pdf"), QStringLiteral("--password"),
            QStringLiteral("secret"), QStringLiteral("--pages"), QStringLiteral("1")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), QByteArray("Hello Folio page one"));
    }

    // E-books and help files through libmobi and CHMlib: a chapter or topic starts a page.
    void mobiAndChm()
    {
        const Run info = runCli({QStringLiteral("info"), dataFile("book-calibre.azw3"), QStringLiteral("--json")});
        QCOMPARE(info.exitCode, 0);
        const QJsonObject book = QJsonDocument::fromJson(info.out).object();
        QCOMPARE(book[QLatin1String("format")].toString(), QStringLiteral("mobi"));
        QCOMPARE(book[QLatin1String("pageCount")].toInt(), 5);
        QCOMPARE(book[QLatin1String("metadata")].toObject()[QLatin1String("Author")].toString(),
            QStringLiteral("Ada Example"));
        const Run text = runCli(
            {QStringLiteral("text"), dataFile("book-calibre.mobi"), QStringLiteral("--pages"), QStringLiteral("3")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("harbour"), text.out.constData());
        const Run help = runCli({QStringLiteral("text"), dataFile("example-hhw.chm")});
        QCOMPARE(help.exitCode, 0);
        const QList<QByteArray> topics = help.out.split('\f');
        QCOMPARE(topics.size(), 2);
        QCOMPARE(topics[0].trimmed(), QByteArray("Page 1"));
        QCOMPARE(topics[1].trimmed(), QByteArray("Page 2"));
    }

    void textSeparatesPagesWithFormFeed()
    {
        const Run run = runCli({QStringLiteral("text"), dataFile("two-pages.pdf")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("Hello Folio page one\n\fSecond page landscape\n"));
        const Run reversed = runCli(
            {QStringLiteral("text"), dataFile("two-pages.pdf"), QStringLiteral("--pages"), QStringLiteral("2-1")});
        QCOMPARE(reversed.out, QByteArray("Second page landscape\n\fHello Folio page one\n"));
        const Run beyond = runCli(
            {QStringLiteral("text"), dataFile("two-pages.pdf"), QStringLiteral("--pages"), QStringLiteral("3")});
        QCOMPARE(beyond.exitCode, 1);
        QVERIFY(beyond.err.contains("Page 3 does not exist (the document has 2 pages)"));
    }

    // find: grep-like lines, JSON with rectangles, exit 0 when found and 5 when not.
    void find()
    {
        const Run run = runCli({QStringLiteral("find"), dataFile("two-pages.pdf"), QStringLiteral("page")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("1: Hello Folio page one\n2: Second page landscape\n"));
        QCOMPARE(run.err, QByteArray("folio-cli: 2 matches\n"));

        const Run none = runCli({QStringLiteral("find"), dataFile("two-pages.pdf"), QStringLiteral("absent")});
        QCOMPARE(none.exitCode, 5);
        QCOMPARE(none.out, QByteArray());

        const Run cased = runCli({QStringLiteral("find"), dataFile("two-pages.pdf"), QStringLiteral("PAGE"),
            QStringLiteral("--match-case"), QStringLiteral("--quiet")});
        QCOMPARE(cased.exitCode, 5);
        QCOMPARE(cased.err, QByteArray());

        const Run regex = runCli({QStringLiteral("find"), dataFile("two-pages.pdf"), QStringLiteral("p\\w+e\\b"),
            QStringLiteral("--regex"), QStringLiteral("--pages"), QStringLiteral("2"), QStringLiteral("--json")});
        QCOMPARE(regex.exitCode, 0);
        const QJsonArray hits = QJsonDocument::fromJson(regex.out).array();
        QCOMPARE(hits.size(), 1);
        const QJsonObject hit = hits.first().toObject();
        QCOMPARE(hit.value(QLatin1String("page")).toInt(), 2);
        QCOMPARE(hit.value(QLatin1String("context")).toString(), QStringLiteral("Second page landscape"));
        QCOMPARE(hit.value(QLatin1String("match")).toArray(), (QJsonArray {7, 4}));
        const QJsonArray rect = hit.value(QLatin1String("rects")).toArray().first().toArray();
        QCOMPARE(rect.size(), 4);
        QVERIFY(rect.at(0).toDouble() > 0 && rect.at(2).toDouble() > 5 && rect.at(3).toDouble() > 5);

        const Run invalid = runCli(
            {QStringLiteral("find"), dataFile("two-pages.pdf"), QStringLiteral("(a"), QStringLiteral("--regex")});
        QCOMPARE(invalid.exitCode, 2);
        QVERIFY(invalid.err.startsWith("folio-cli: error: Invalid regular expression"));
        QCOMPARE(runCli({QStringLiteral("find"), dataFile("two-pages.pdf")}).exitCode, 2);
    }

    // A big log: hits stream from its bytes; a timeout exits 3.
    void findInALog()
    {
        const QString log = m_dir.filePath(QStringLiteral("find.log"));
        QFile file(log);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (int i = 0; i < 200000; ++i)
            file.write("2026-12-07 request " + QByteArray::number(i) + " served from cache\n");
        file.write("the one NEEDLE at the end\n");
        file.close();
        const Run run = runCli({QStringLiteral("find"), log, QStringLiteral("needle"), QStringLiteral("--quiet")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.endsWith(": the one NEEDLE at the end\n"), run.out.constData());
        QCOMPARE(run.out.count('\n'), 1);
        const Run timedOut = runCli({QStringLiteral("find"), log, QStringLiteral("served"), QStringLiteral("--regex"),
            QStringLiteral("--timeout"), QStringLiteral("1ms")});
        QCOMPARE(timedOut.exitCode, 3);
    }

    void renderPng_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QSize>("firstSize");
        QTest::newRow("dpi") << QStringList {QStringLiteral("--dpi"), QStringLiteral("72")}
                             << QStringList {QStringLiteral("page-1.png"), QStringLiteral("page-2.png")}
                             << QSize(612, 792);
        QTest::newRow("width") << QStringList {QStringLiteral("--width"), QStringLiteral("306"),
            QStringLiteral("--pages"), QStringLiteral("1")}
                               << QStringList {QStringLiteral("page-1.png")} << QSize(306, 396);
        QTest::newRow("height") << QStringList {QStringLiteral("--height"), QStringLiteral("396"),
            QStringLiteral("--pages"), QStringLiteral("1")}
                                << QStringList {QStringLiteral("page-1.png")} << QSize(306, 396);
        QTest::newRow("jpeg") << QStringList {QStringLiteral("--format"), QStringLiteral("jpg"),
            QStringLiteral("--quality"), QStringLiteral("50"), QStringLiteral("--dpi"), QStringLiteral("36"),
            QStringLiteral("--pages"), QStringLiteral("2")}
                              << QStringList {QStringLiteral("page-2.jpg")} << QSize(421, 298);
        QTest::newRow("one thread") << QStringList {QStringLiteral("--threads"), QStringLiteral("1"),
            QStringLiteral("--dpi"), QStringLiteral("36")}
                                    << QStringList {QStringLiteral("page-1.png"), QStringLiteral("page-2.png")}
                                    << QSize(306, 396);
    }
    void renderPng()
    {
        QFETCH(QStringList, options);
        QFETCH(QStringList, files);
        QFETCH(QSize, firstSize);
        const QString out = m_dir.filePath(QStringLiteral("render-") + QString::fromLatin1(QTest::currentDataTag()));
        const Run run = runCli(QStringList {QStringLiteral("render"), dataFile("two-pages.pdf"),
                                   QStringLiteral("--out"), out, QStringLiteral("--quiet")}
            + options);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.err.isEmpty()); // --quiet
        QCOMPARE(entries(out), files); // and no temporary file left over
        QImageReader reader(QDir(out).filePath(files.first()));
        QCOMPARE(reader.size(), firstSize);
        QCOMPARE(
            reader.format(), files.first().endsWith(QLatin1String("png")) ? QByteArray("png") : QByteArray("jpeg"));
    }

    void renderRotatedAndCapped_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QSize>("size");
        // Page 1 is 612 × 792 pt: 612 × 792 px at 72 dpi.
        QTest::newRow("rotate 90") << QStringList {QStringLiteral("--dpi"), QStringLiteral("72"),
            QStringLiteral("--rotate"), QStringLiteral("90")}
                                   << QSize(792, 612);
        QTest::newRow("rotate 180") << QStringList {QStringLiteral("--dpi"), QStringLiteral("72"),
            QStringLiteral("--rotate"), QStringLiteral("180")}
                                    << QSize(612, 792);
        QTest::newRow("rotate -90") << QStringList {QStringLiteral("--dpi"), QStringLiteral("72"),
            QStringLiteral("--rotate=-90")}
                                    << QSize(792, 612);
        // 150 dpi would be 1275 px wide: the cap lowers the resolution, the aspect stays.
        QTest::newRow("max width") << QStringList {QStringLiteral("--max-width"), QStringLiteral("306")}
                                   << QSize(306, 396);
        QTest::newRow("max height") << QStringList {QStringLiteral("--max-height"), QStringLiteral("396")}
                                    << QSize(306, 396);
        QTest::newRow("max width over a smaller dpi") << QStringList {QStringLiteral("--dpi"), QStringLiteral("36"),
            QStringLiteral("--max-width"), QStringLiteral("1000")}
                                                      << QSize(306, 396);
        QTest::newRow("rotated, then capped") << QStringList {QStringLiteral("--rotate"), QStringLiteral("270"),
            QStringLiteral("--max-width"), QStringLiteral("396")}
                                              << QSize(396, 306);
    }
    void renderRotatedAndCapped()
    {
        QFETCH(QStringList, options);
        QFETCH(QSize, size);
        const QString out = m_dir.filePath(QStringLiteral("shape-") + QString::fromLatin1(QTest::currentDataTag()));
        const Run run = runCli(QStringList {QStringLiteral("render"), dataFile("two-pages.pdf"),
                                   QStringLiteral("--out"), out, QStringLiteral("--pages"), QStringLiteral("1")}
            + options);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(entries(out), QStringList {QStringLiteral("page-1.png")});
        const QSize written = QImageReader(QDir(out).filePath(QStringLiteral("page-1.png"))).size();
        // dpiForWidth() may land a pixel short of the target.
        QVERIFY2(qAbs(written.width() - size.width()) <= 1 && qAbs(written.height() - size.height()) <= 1,
            qPrintable(QStringLiteral("%1 × %2").arg(written.width()).arg(written.height())));
    }

    // The watermark reaches the page: a red text on a page without any red.
    void renderWatermark()
    {
        const auto redPixels = [](const QImage &image) {
            int count = 0;
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x) {
                    const QColor pixel = image.pixelColor(x, y);
                    count += pixel.red() > 200 && pixel.green() < 80 && pixel.blue() < 80 ? 1 : 0;
                }
            }
            return count;
        };
        const QString plain = m_dir.filePath(QStringLiteral("watermark-plain"));
        const QString marked = m_dir.filePath(QStringLiteral("watermark-marked"));
        const QStringList common = {QStringLiteral("render"), dataFile("two-pages.pdf"), QStringLiteral("--pages"),
            QStringLiteral("1"), QStringLiteral("--dpi"), QStringLiteral("36"), QStringLiteral("--quiet")};
        QCOMPARE(runCli(common + QStringList {QStringLiteral("--out"), plain}).exitCode, 0);
        const Run run = runCli(common
            + QStringList {QStringLiteral("--out"), marked, QStringLiteral("--watermark"), QStringLiteral("DRAFT"),
                QStringLiteral("--watermark-color"), QStringLiteral("#ffff0000"), QStringLiteral("--watermark-size"),
                QStringLiteral("60"), QStringLiteral("--watermark-angle"), QStringLiteral("0")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(redPixels(QImage(QDir(plain).filePath(QStringLiteral("page-1.png")))), 0);
        QVERIFY(redPixels(QImage(QDir(marked).filePath(QStringLiteral("page-1.png")))) > 100);
    }

    // Night modes: the page's paper and ink turned, in PNG and in PDF (as pictures).
    void renderColors()
    {
        const auto corner = [](const QString &file) { return QImage(file).pixelColor(2, 2); };
        const QStringList common = {QStringLiteral("render"), dataFile("two-pages.pdf"), QStringLiteral("--pages"),
            QStringLiteral("1"), QStringLiteral("--dpi"), QStringLiteral("36"), QStringLiteral("--quiet")};
        const QList<QPair<QStringList, QColor>> cases = {
            {{}, QColor(Qt::white)},
            {{QStringLiteral("--colors"), QStringLiteral("invert")}, QColor(Qt::black)},
            {{QStringLiteral("--colors"), QStringLiteral("invert-lightness")}, QColor(Qt::black)},
            {{QStringLiteral("--colors"), QStringLiteral("sepia")}, folio::SepiaPaper},
            {{QStringLiteral("--colors"), QStringLiteral("custom"), QStringLiteral("--paper"),
                 QStringLiteral("#203040")},
                QColor(0x20, 0x30, 0x40)},
        };
        for (qsizetype i = 0; i < cases.size(); ++i) {
            const QString out = m_dir.filePath(QStringLiteral("colors-%1").arg(i));
            const Run run = runCli(common + cases[i].first + QStringList {QStringLiteral("--out"), out});
            QVERIFY2(run.exitCode == 0, run.err.constData());
            QCOMPARE(corner(QDir(out).filePath(QStringLiteral("page-1.png"))), cases[i].second);
        }
        // The PDF holds the turned picture (pdftoppm reads it back dark), and its text layer.
        const QString pdfOut = m_dir.filePath(QStringLiteral("colors-pdf"));
        const Run pdf = runCli(common
            + QStringList {QStringLiteral("--colors"), QStringLiteral("invert"), QStringLiteral("--format"),
                QStringLiteral("pdf"), QStringLiteral("--out"), pdfOut});
        QVERIFY2(pdf.exitCode == 0, pdf.err.constData());
        const QString written = QDir(pdfOut).filePath(QStringLiteral("two-pages.pdf"));
        const Run back = runCli({QStringLiteral("render"), written, QStringLiteral("--dpi"), QStringLiteral("36"),
            QStringLiteral("--quiet"), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("colors-back"))});
        QVERIFY2(back.exitCode == 0, back.err.constData());
        QCOMPARE(corner(m_dir.filePath(QStringLiteral("colors-back/page-1.png"))), QColor(Qt::black));
        const Run text = runCli({QStringLiteral("text"), written});
        QVERIFY2(text.out.contains("Hello Folio page one"), text.out.constData());
    }

    // --quality means nothing to PNG: said, not refused.
    void qualityForPngWarns()
    {
        const QString out = m_dir.filePath(QStringLiteral("quality-png"));
        const Run run = runCli({QStringLiteral("render"), dataFile("two-pages.pdf"), QStringLiteral("--out"), out,
            QStringLiteral("--pages"), QStringLiteral("1"), QStringLiteral("--dpi"), QStringLiteral("30"),
            QStringLiteral("--quality"), QStringLiteral("50")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.startsWith("folio-cli: warning: --quality applies to --format jpg only; ignored\n"),
            run.err.constData());
        QCOMPARE(entries(out), QStringList {QStringLiteral("page-1.png")});
    }

    void renderPdf()
    {
        const QString out = m_dir.filePath(QStringLiteral("pdf-out"));
        const Run run = runCli({QStringLiteral("render"), dataFile("two-pages.pdf"), QStringLiteral("--out"), out,
            QStringLiteral("--format"), QStringLiteral("pdf")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QString pdf = QDir(out).filePath(QStringLiteral("two-pages.pdf"));
        QCOMPARE(run.err, QByteArray("folio-cli: wrote ") + pdf.toUtf8() + " (2 pages)\n");
        QCOMPARE(entries(out), QStringList {QStringLiteral("two-pages.pdf")});
        const Run info = runCli({QStringLiteral("info"), pdf, QStringLiteral("--json")});
        QCOMPARE(info.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(info.out).object()[QLatin1String("pageCount")].toInt(), 2);

        // Selection, order and rotation reach the PDF: page 2 (842 × 595 pt) turned upright.
        const QString selected = m_dir.filePath(QStringLiteral("pdf-selected"));
        const Run turned = runCli({QStringLiteral("render"), dataFile("two-pages.pdf"), QStringLiteral("--out"),
            selected, QStringLiteral("--format"), QStringLiteral("PDF"), QStringLiteral("--pages"), QStringLiteral("2"),
            QStringLiteral("--rotate"), QStringLiteral("90"), QStringLiteral("--quiet")});
        QVERIFY2(turned.exitCode == 0, turned.err.constData());
        QVERIFY(turned.err.isEmpty());
        const Run turnedInfo = runCli({QStringLiteral("info"), QDir(selected).filePath(QStringLiteral("two-pages.pdf")),
            QStringLiteral("--json")});
        const QJsonObject object = QJsonDocument::fromJson(turnedInfo.out).object();
        QCOMPARE(object[QLatin1String("pageCount")].toInt(), 1);
        const QJsonObject page = object[QLatin1String("pages")].toArray()[0].toObject();
        QCOMPARE(qRound(page[QLatin1String("width")].toDouble()), 595);
        QCOMPARE(qRound(page[QLatin1String("height")].toDouble()), 842);
    }

    // The export of a PDF into its own folder would be renamed over the document.
    void renderPdfNeverReplacesTheDocument()
    {
        const QString folder = m_dir.filePath(QStringLiteral("own-folder"));
        QVERIFY(QDir().mkpath(folder));
        const QString copy = QDir(folder).filePath(QStringLiteral("two-pages.pdf"));
        QVERIFY(QFile::copy(dataFile("two-pages.pdf"), copy));
        const Run run = runCli({QStringLiteral("render"), copy, QStringLiteral("--out"), folder,
            QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--rotate"), QStringLiteral("90")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("would replace the document itself"), run.err.constData());
        QCOMPARE(entries(folder), QStringList {QStringLiteral("two-pages.pdf")});
        QFile original(dataFile("two-pages.pdf"));
        QFile kept(copy);
        QVERIFY(original.open(QIODevice::ReadOnly) && kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), original.readAll());
    }

    void renderHtml()
    {
        const QString out = m_dir.filePath(QStringLiteral("html-out"));
        const Run run = runCli({QStringLiteral("render"), dataFile("two-pages.pdf"), QStringLiteral("--out"), out,
            QStringLiteral("--format"), QStringLiteral("html")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.err, QByteArray("folio-cli: wrote 2 pages to ") + out.toUtf8() + '\n');
        QCOMPARE(entries(out), QStringList({QStringLiteral("page-1.html"), QStringLiteral("page-2.html")}));
        QFile page(QDir(out).filePath(QStringLiteral("page-1.html")));
        QVERIFY(page.open(QIODevice::ReadOnly));
        QVERIFY(page.readAll().toLower().contains("<html"));
    }

    // A document with a picture: external resources go into DIR/resources, referenced from the page.
    void renderHtmlExternalResources()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pandoc")).isEmpty())
            QSKIP("pandoc is not installed (./dev deps installs it)");
        const QString source = m_dir.filePath(QStringLiteral("picture-source"));
        QVERIFY(QDir().mkpath(source));
        QImage picture(120, 80, QImage::Format_RGB32);
        picture.fill(QColor(30, 120, 200));
        QVERIFY(picture.save(QDir(source).filePath(QStringLiteral("blue.png"))));
        QFile markdown(QDir(source).filePath(QStringLiteral("pictured.md")));
        QVERIFY(markdown.open(QIODevice::WriteOnly));
        markdown.write("# A picture\n\nSome text before it.\n\n![A blue box](blue.png)\n\nAnd after it.\n");
        markdown.close();
        QProcess pandoc;
        pandoc.setWorkingDirectory(source);
        pandoc.start(QStringLiteral("pandoc"),
            {QStringLiteral("pictured.md"), QStringLiteral("-o"), QStringLiteral("pictured.docx")});
        QVERIFY(pandoc.waitForFinished(60000));
        QCOMPARE(pandoc.exitCode(), 0);

        const QString out = m_dir.filePath(QStringLiteral("html-external"));
        const Run run = runCli({QStringLiteral("render"), QDir(source).filePath(QStringLiteral("pictured.docx")),
            QStringLiteral("--out"), out, QStringLiteral("--format"), QStringLiteral("html"),
            QStringLiteral("--external-resources"), QStringLiteral("--quiet")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QStringList files = entries(out);
        QVERIFY2(files.contains(QStringLiteral("page-1.html")) && files.contains(QStringLiteral("resources")),
            qPrintable(files.join(QLatin1Char(' '))));
        const QString resources = QDir(out).filePath(QStringLiteral("resources"));
        QVERIFY(QFileInfo(resources).isDir());
        QVERIFY(!entries(resources).isEmpty());
        QFile page(QDir(out).filePath(QStringLiteral("page-1.html")));
        QVERIFY(page.open(QIODevice::ReadOnly));
        QVERIFY(page.readAll().contains("resources/"));

        // Embedded (the default): the page files only, the picture inside as a data: URI.
        const QString embedded = m_dir.filePath(QStringLiteral("html-embedded"));
        const Run inside = runCli({QStringLiteral("render"), QDir(source).filePath(QStringLiteral("pictured.docx")),
            QStringLiteral("--out"), embedded, QStringLiteral("--format"), QStringLiteral("html"),
            QStringLiteral("--embed-resources"), QStringLiteral("--quiet")});
        QVERIFY2(inside.exitCode == 0, inside.err.constData());
        QVERIFY(!entries(embedded).contains(QStringLiteral("resources")));
        QFile embeddedPage(QDir(embedded).filePath(QStringLiteral("page-1.html")));
        QVERIFY(embeddedPage.open(QIODevice::ReadOnly));
        QVERIFY(embeddedPage.readAll().contains("data:image/"));
    }

    // The progress bar is drawn only on a terminal: script(1) gives the run a pseudo-terminal.
    void progressBarOnlyOnATerminal()
    {
        const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
        const QString out = m_dir.filePath(QStringLiteral("progress"));
        const Run plain = runCli({QStringLiteral("render"), dataFile("two-pages.pdf"), QStringLiteral("--out"), out,
            QStringLiteral("--dpi"), QStringLiteral("30")});
        QCOMPARE(plain.exitCode, 0);
        QCOMPARE(plain.err, QByteArray("folio-cli: wrote 2 pages to ") + out.toUtf8() + '\n');
        if (script.isEmpty())
            QSKIP("script(1) is not installed");
        const QString command
            = QStringLiteral("'%1' render '%2' --out '%3' --dpi 30").arg(cli(), dataFile("two-pages.pdf"), out);
        QProcess process;
        process.start(script, {QStringLiteral("-qec"), command, QStringLiteral("/dev/null")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        const QByteArray terminal = process.readAllStandardOutput();
        QVERIFY2(terminal.contains("\rRendering [") && terminal.contains("] 2/2"), terminal.constData());
        QProcess quiet;
        quiet.start(
            script, {QStringLiteral("-qec"), command + QStringLiteral(" --quiet"), QStringLiteral("/dev/null")});
        QVERIFY(quiet.waitForFinished(60000));
        QCOMPARE(quiet.readAllStandardOutput(), QByteArray());
    }

    void timeoutLeavesNothing()
    {
        const QString out = m_dir.filePath(QStringLiteral("timeout-out"));
        const Run run = runCli({QStringLiteral("render"), m_heavy, QStringLiteral("--out"), out,
            QStringLiteral("--dpi"), QStringLiteral("300"), QStringLiteral("--timeout"), QStringLiteral("50ms")});
        QCOMPARE(run.exitCode, 3);
        QCOMPARE(run.err, QByteArray("folio-cli: error: Timed out after 50 ms\n"));
        QVERIFY(!QFileInfo::exists(out)); // the folder it created is gone too

        // An existing folder keeps its old files and gains nothing.
        QVERIFY(QDir().mkpath(out));
        QFile keep(QDir(out).filePath(QStringLiteral("page-1.png")));
        QVERIFY(keep.open(QIODevice::WriteOnly));
        keep.write("old");
        keep.close();
        const Run again = runCli({QStringLiteral("render"), m_heavy, QStringLiteral("--out"), out,
            QStringLiteral("--dpi"), QStringLiteral("300"), QStringLiteral("--timeout"), QStringLiteral("50ms")});
        QCOMPARE(again.exitCode, 3);
        QCOMPARE(entries(out), QStringList {QStringLiteral("page-1.png")});
        QFile check(keep.fileName());
        QVERIFY(check.open(QIODevice::ReadOnly));
        QCOMPARE(check.readAll(), QByteArray("old"));
    }

    // A PDF export that has to draw the heavy page (turned, so no plain copy of the file) stops
    // at the timeout and leaves neither the PDF nor its temporary file. The document opens in
    // milliseconds: the timeout lands in the export.
    void pdfTimeoutLeavesNothing()
    {
        const QString out = m_dir.filePath(QStringLiteral("pdf-timeout"));
        QVERIFY(QDir().mkpath(out));
        const Run run = runCli({QStringLiteral("render"), m_heavy, QStringLiteral("--out"), out,
            QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--rotate"), QStringLiteral("90"),
            QStringLiteral("--dpi"), QStringLiteral("300"), QStringLiteral("--timeout"), QStringLiteral("500ms")});
        QCOMPARE(run.exitCode, 3);
        QCOMPARE(run.err, QByteArray("folio-cli: error: Timed out after 500 ms\n"));
        QCOMPARE(entries(out), QStringList());
    }

    void interruptLeavesNothing_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGINT") << int(SIGINT);
        QTest::newRow("SIGTERM") << int(SIGTERM);
    }
    void interruptLeavesNothing()
    {
        QFETCH(int, signal);
        const QString out = m_dir.filePath(QStringLiteral("interrupt-out"));
        QProcess process;
        process.start(cli(),
            {QStringLiteral("render"), m_heavy, QStringLiteral("--out"), out, QStringLiteral("--dpi"),
                QStringLiteral("300")});
        QVERIFY(process.waitForStarted());
        // Wait until the run has created its staging folder, i.e. it is rendering.
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(out), 20000);
        ::kill(pid_t(process.processId()), signal);
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 130);
        QVERIFY(!QFileInfo::exists(out));
    }

    void attachmentsJson()
    {
        const Run run
            = runCli({QStringLiteral("attachments"), dataFile("with-attachment.pdf"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(list.size(), 1);
        const QJsonObject first = list[0].toObject();
        QCOMPARE(first[QLatin1String("index")].toInt(), 1);
        QCOMPARE(first[QLatin1String("name")].toString(), QStringLiteral("notes.txt"));
        QCOMPARE(first[QLatin1String("path")].toString(), QStringLiteral("notes.txt"));
        QCOMPARE(first[QLatin1String("size")].toInt(), 15);
    }

    void extract_data()
    {
        QTest::addColumn<QStringList>("selection");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("files");
        QTest::newRow("all") << QStringList {QStringLiteral("--all")} << 0
                             << QStringList {QStringLiteral("evil.txt"), QStringLiteral("notes.txt")};
        QTest::newRow("index") << QStringList {QStringLiteral("--index"), QStringLiteral("2")} << 0
                               << QStringList {QStringLiteral("notes.txt")};
        QTest::newRow("name") << QStringList {QStringLiteral("--name"), QStringLiteral("../../evil.txt")} << 0
                              << QStringList {QStringLiteral("evil.txt")};
        QTest::newRow("missing index") << QStringList {QStringLiteral("--index"), QStringLiteral("3")} << 1
                                       << QStringList();
        QTest::newRow("missing name") << QStringList {QStringLiteral("--name"), QStringLiteral("x")} << 1
                                      << QStringList();
    }
    void extract()
    {
        QFETCH(QStringList, selection);
        QFETCH(int, exitCode);
        QFETCH(QStringList, files);
        QTemporaryDir root;
        const QString out = root.filePath(QStringLiteral("a/b"));
        const Run run = runCli(QStringList {QStringLiteral("extract"), dataFile("hostile-attachment-names.pdf"),
                                   QStringLiteral("--out"), out, QStringLiteral("--quiet")}
            + selection);
        QCOMPARE(run.exitCode, exitCode);
        QCOMPARE(entries(out), files);
        // "../../evil.txt" never lands outside the chosen folder.
        QCOMPARE(entries(root.path()), exitCode == 0 ? QStringList {QStringLiteral("a")} : QStringList());
        if (files.contains(QStringLiteral("evil.txt"))) {
            QFile file(QDir(out).filePath(QStringLiteral("evil.txt")));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.readAll(), QByteArray("not really evil\n"));
        }
    }

    void email()
    {
        // A message written by Python's email package: its headers and body as text, its parts
        // as attachments that extract writes decoded.
        const Run text = runCli({QStringLiteral("text"), dataFile("email/html-cid.eml")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("Subject:"));
        QVERIFY(text.out.contains("Hello HTML"));
        const Run list
            = runCli({QStringLiteral("attachments"), dataFile("email/html-cid.eml"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), 2);
        QTemporaryDir root;
        const Run run = runCli({QStringLiteral("extract"), dataFile("email/html-cid.eml"), QStringLiteral("--name"),
            QStringLiteral("report.txt"), QStringLiteral("--out"), root.path(), QStringLiteral("--quiet")});
        QCOMPARE(run.exitCode, 0);
        QFile file(QDir(root.path()).filePath(QStringLiteral("report.txt")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("Report contents\n"));
    }

    void extractArchiveKeepsFoldersInside()
    {
        const QString tar = m_dir.filePath(QStringLiteral("hostile.tar"));
        QFile file(tar);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(tarOf({{"docs/readme.txt", "read me\n"}, {"../../evil.txt", "evil\n"}, {"/etc/abs.txt", "abs\n"}}));
        file.close();
        QTemporaryDir root;
        const QString out = root.filePath(QStringLiteral("out"));
        const Run run = runCli({QStringLiteral("extract"), tar, QStringLiteral("--all"), QStringLiteral("--out"), out,
            QStringLiteral("--quiet")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(entries(root.path()), QStringList {QStringLiteral("out")});
        QCOMPARE(
            entries(out), QStringList({QStringLiteral("docs"), QStringLiteral("etc"), QStringLiteral("evil.txt")}));
        QCOMPARE(entries(QDir(out).filePath(QStringLiteral("docs"))), QStringList {QStringLiteral("readme.txt")});
        QCOMPARE(entries(QDir(out).filePath(QStringLiteral("etc"))), QStringList {QStringLiteral("abs.txt")});

        // An entry over a per-entry limit is skipped, named with the option that raises the limit;
        // the others are written and the exit status says that not everything was.
        const QString refused = root.filePath(QStringLiteral("refused"));
        const Run limited = runCli({QStringLiteral("extract"), tar, QStringLiteral("--all"), QStringLiteral("--out"),
            refused, QStringLiteral("--max-entry-size"), QStringLiteral("4")});
        QCOMPARE(limited.exitCode, 1);
        QVERIFY2(limited.err.contains("over the limit of 4 bytes per entry (raise it with --max-entry-size"),
            limited.err.constData());
        QVERIFY2(limited.err.contains("2 of 3 entries could not be extracted"), limited.err.constData());
        QCOMPARE(entries(refused), QStringList {QStringLiteral("etc")});
        QCOMPARE(entries(QDir(refused).filePath(QStringLiteral("etc"))), QStringList {QStringLiteral("abs.txt")});
        QVERIFY(QDir(refused).removeRecursively());
        // A limit on the whole run still refuses it all: nothing is written.
        const Run total = runCli({QStringLiteral("extract"), tar, QStringLiteral("--all"), QStringLiteral("--out"),
            refused, QStringLiteral("--max-total-size=10")});
        QCOMPARE(total.exitCode, 1);
        QVERIFY2(total.err.contains("--max-total-size"), total.err.constData());
        QVERIFY(!QFileInfo::exists(refused));
        // 1K and 0 (no limit) are sizes; "lots" is not.
        QCOMPARE(runCli({QStringLiteral("attachments"), tar, QStringLiteral("--max-entry-size"), QStringLiteral("1K")})
                     .exitCode,
            0);
        QCOMPARE(runCli({QStringLiteral("info"), tar, QStringLiteral("--max-ratio"), QStringLiteral("0"),
                            QStringLiteral("--max-entries"), QStringLiteral("0")})
                     .exitCode,
            0);
        const Run bad
            = runCli({QStringLiteral("info"), tar, QStringLiteral("--max-entry-size"), QStringLiteral("lots")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("--max-entry-size must be a size"));
        const Run entries3
            = runCli({QStringLiteral("info"), tar, QStringLiteral("--max-entries"), QStringLiteral("2")});
        QCOMPARE(entries3.exitCode, 1);
        QVERIFY2(entries3.err.contains("--max-entries"), entries3.err.constData());
    }

    // File names that are bytes, not UTF-8 (made by the shell's printf, since QProcess passes
    // Unicode): the file opens, messages show the bytes as \xHH, the PDF is named after it, and
    // an --out folder Qt could not spell is refused.
    void fileNamesThatAreNotUtf8()
    {
        QTemporaryDir dir;
        const QString script = QStringLiteral(
            // QTemporaryDir could not remove a name Qt cannot spell: the shell does.
            "trap 'rm -f \"$(printf \"$1/caf\\351-\\377.pdf\")\"' EXIT\n"
            "cd \"$1\" && cp \"$3\" \"$(printf 'caf\\351-\\377.pdf')\" || exit 9\n"
            "\"$2\" info \"$(printf 'caf\\351-\\377.pdf')\" || exit 10\n"
            "\"$2\" render \"$(printf 'caf\\351-\\377.pdf')\" --out pdf --format pdf --rotate 90 || exit 11\n"
            "\"$2\" render \"$(printf 'caf\\351-\\377.pdf')\" --out png --dpi 20 --threads 2 --quiet || exit 12\n"
            "\"$2\" text \"$(printf 'gone-\\351.txt')\"; echo \"missing=$?\"\n"
            "\"$2\" render \"$(printf 'caf\\351-\\377.pdf')\" --out \"$(printf 'out-\\351')\"; echo \"out=$?\"\n");
        QProcess process;
        process.start(QStringLiteral("/bin/sh"),
            {QStringLiteral("-c"), script, QStringLiteral("sh"), dir.path(), cli(), dataFile("two-pages.pdf")});
        QVERIFY(process.waitForFinished(60000));
        const QByteArray out = process.readAllStandardOutput();
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(process.exitCode() == 0, err.constData());
        QVERIFY2(out.contains("caf\\xE9-\\xFF.pdf"), out.constData());
        QVERIFY2(out.contains("Pages:             2"), out.constData());
        QVERIFY2(QFile::exists(dir.filePath(QStringLiteral("pdf/caf\uFFFD-\uFFFD.pdf"))),
            qPrintable(entries(dir.filePath(QStringLiteral("pdf"))).join(u',')));
        QCOMPARE(entries(dir.filePath(QStringLiteral("png"))),
            QStringList({QStringLiteral("page-1.png"), QStringLiteral("page-2.png")}));
        QVERIFY2(out.contains("missing=1"), out.constData());
        QVERIFY2(err.contains("gone-\\xE9.txt: cannot open: No such file or directory"), err.constData());
        QVERIFY2(out.contains("out=2"), out.constData());
        QVERIFY2(err.contains("--out out-\\xE9: the folder name is not valid UTF-8"), err.constData());
    }

    // Names stored in a legacy code page are decoded from the one given, whatever detection says;
    // a code page the system does not know is a usage error.
    void archiveEncodingChoosesTheCodePage()
    {
        const QString tar = m_dir.filePath(QStringLiteral("koi8.tar"));
        QFile file(tar);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // "отчёт.txt" in KOI8-R.
        file.write(tarOf({{QByteArray("\xcf\xd4\xde\xa3\xd4.txt"), "report\n"}}));
        file.close();
        const Run chosen = runCli(
            {QStringLiteral("attachments"), tar, QStringLiteral("--archive-encoding"), QStringLiteral("KOI8-R")});
        QVERIFY2(chosen.exitCode == 0, chosen.err.constData());
        QVERIFY2(QString::fromUtf8(chosen.out).contains(QStringLiteral("отчёт.txt")), chosen.out.constData());
        const Run other = runCli(
            {QStringLiteral("attachments"), tar, QStringLiteral("--archive-encoding"), QStringLiteral("CP866")});
        QVERIFY2(other.exitCode == 0, other.err.constData());
        QVERIFY2(!QString::fromUtf8(other.out).contains(QStringLiteral("отчёт.txt")), other.out.constData());
        const Run unknown = runCli({QStringLiteral("attachments"), tar, QStringLiteral("--archive-encoding"),
            QStringLiteral("NO-SUCH-CODEPAGE")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains("not a code page this system knows"), unknown.err.constData());
    }

    // The JSON listing is written as it goes; names with quotes, backslashes, control characters
    // and non-ASCII letters come back from a JSON parser as they are.
    void attachmentsJsonEscapesNames()
    {
        const QString tar = m_dir.filePath(QStringLiteral("names.tar"));
        QFile file(tar);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QList<QByteArray> names
            = {"say \"hi\".txt", "back\\slash.txt", "tab\tand\x01.txt", "\xc3\xa9t\xc3\xa9.txt"};
        QList<QPair<QByteArray, QByteArray>> files;
        for (const QByteArray &name : names)
            files.append({name, "x"});
        file.write(tarOf(files));
        file.close();
        const Run run = runCli({QStringLiteral("attachments"), tar, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(run.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + QString::fromUtf8(run.out)));
        QStringList listed;
        for (const QJsonValue &entry : json.array()) {
            listed.append(entry[QLatin1String("path")].toString());
            QCOMPARE(entry[QLatin1String("size")].toInt(), 1);
        }
        QStringList expected;
        for (const QByteArray &name : names)
            expected.append(QString::fromUtf8(name));
        std::sort(expected.begin(), expected.end());
        QCOMPARE(listed, expected);
    }

    void unsupportedContainerExits4()
    {
        const QString arj = m_dir.filePath(QStringLiteral("old.arj"));
        QFile file(arj);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("\x60\xea", 2) + QByteArray(64, '\x04'));
        file.close();
        const Run run = runCli({QStringLiteral("info"), arj});
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains("unsupported format: ARJ archive"), run.err.constData());
    }

    // The view options reach the document when it opens: speaker notes of a pandoc-made deck are
    // text only with --render-notes.
    void viewOptionsReachTheDocument()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pandoc")).isEmpty())
            QSKIP("pandoc is not installed (./dev deps installs it)");
        const QString markdown = m_dir.filePath(QStringLiteral("deck.md"));
        const QString deck = m_dir.filePath(QStringLiteral("deck.pptx"));
        QFile file(markdown);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "# First slide\n\n- a point\n\n::: notes\nRemember the quiet opening.\n:::\n\n# Second slide\n\nText.\n");
        file.close();
        QCOMPARE(QProcess::execute(QStringLiteral("pandoc"), {markdown, QStringLiteral("-o"), deck}), 0);

        const Run plain = runCli({QStringLiteral("text"), deck});
        QCOMPARE(plain.exitCode, 0);
        QVERIFY2(plain.out.contains("First slide"), plain.out.constData());
        QVERIFY(!plain.out.contains("quiet opening"));
        const Run notes = runCli({QStringLiteral("text"), deck, QStringLiteral("--render-notes")});
        QCOMPARE(notes.exitCode, 0);
        QVERIFY2(notes.out.contains("Remember the quiet opening."), notes.out.constData());
        // Global options: every command takes them (only info, render and text use them).
        QCOMPARE(runCli({QStringLiteral("info"), deck, QStringLiteral("--render-hidden")}).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("attachments"), deck, QStringLiteral("--render-notes")}).exitCode, 0);
    }

    // --render-tracked-changes: deleted text of a word processing document is shown (as markup).
    void trackedChangesOption()
    {
        const QString source
            = folio::test::corpusDir() + QStringLiteral("/office-real/pandoc_test_docx_track_changes_deletion.docx");
        if (!QFileInfo::exists(source))
            QSKIP("no corpus docx with tracked changes");
        const Run plain = runCli({QStringLiteral("text"), source});
        QCOMPARE(plain.exitCode, 0);
        QVERIFY2(plain.out.contains("This is a text with a deletion."), plain.out.constData());
        const Run marked = runCli({QStringLiteral("text"), source, QStringLiteral("--render-tracked-changes")});
        QCOMPARE(marked.exitCode, 0);
        QVERIFY2(marked.out.contains("excessively modified"), marked.out.constData());
    }

    // Page labels: each page's "label" in info --json where the PDF has /PageLabels, and labels
    // in --pages, numbers first.
    void pageLabels()
    {
        const QString path
            = folio::test::writeFile(m_dir, QStringLiteral("labels.pdf"), folio::test::linked::linkedPdf());
        QVERIFY(!path.isEmpty());
        const Run info = runCli({QStringLiteral("info"), path, QStringLiteral("--json")});
        QCOMPARE(info.exitCode, 0);
        const QJsonArray pages = QJsonDocument::fromJson(info.out).object()[QLatin1String("pages")].toArray();
        QStringList labels;
        for (const QJsonValue &page : pages)
            labels.append(page.toObject()[QLatin1String("label")].toString());
        QCOMPARE(labels,
            (QStringList {QStringLiteral("i"), QStringLiteral("ii"), QStringLiteral("1"), QStringLiteral("2")}));
        // Without /PageLabels there is no "label" at all.
        const Run plain = runCli({QStringLiteral("info"), dataFile("two-pages.pdf"), QStringLiteral("--json")});
        const QJsonArray plainPages = QJsonDocument::fromJson(plain.out).object()[QLatin1String("pages")].toArray();
        QCOMPARE(plainPages.size(), 2);
        QVERIFY(!plainPages[0].toObject().contains(QLatin1String("label")));

        // Only page 1 ("i") has text: "ii-i" is page 2 then page 1, so the text starts with the
        // page separator; "2" is the second page (numbers first), not the page labelled "2".
        const Run backwards = runCli({QStringLiteral("text"), path, QStringLiteral("--pages"), QStringLiteral("ii-i")});
        QCOMPARE(backwards.exitCode, 0);
        QVERIFY2(backwards.out.startsWith("\f") && backwards.out.contains("Go to page 3"), backwards.out.constData());
        QCOMPARE(backwards.out.count('\f'), 1);
        const Run first = runCli({QStringLiteral("text"), path, QStringLiteral("--pages"), QStringLiteral("i,2")});
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.out.startsWith("Go to page 3"), first.out.constData());
        const Run unknown = runCli({QStringLiteral("text"), path, QStringLiteral("--pages"), QStringLiteral("iii")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains("Invalid page list \"iii\" at \"iii\""), unknown.err.constData());
        QVERIFY(unknown.err.contains("folio-cli info --json lists them"));
        const Run none = runCli(
            {QStringLiteral("text"), dataFile("two-pages.pdf"), QStringLiteral("--pages"), QStringLiteral("i")});
        QCOMPARE(none.exitCode, 2);
        QVERIFY2(none.err.contains("this document has no page labels"), none.err.constData());
    }

    void annotationsText()
    {
        const QString pdf = annotatedPdf();
        QVERIFY(!pdf.isEmpty());
        const Run run = runCli({QStringLiteral("annotations"), pdf});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        const QList<QByteArray> lines = run.out.split('\n');
        QCOMPARE(lines.size(), folio::test::annotated::expected().size() + 1);
        QCOMPARE(lines.last(), QByteArray());
        QCOMPARE(lines.at(0),
            QByteArray("   1 (A-1)  note               72.00   72.00   24.00   24.00  2026-03-04T05:06:07Z  Ada  "
                       "Check this\\nand that"));
        QVERIFY2(lines.at(1).startsWith("   1 (A-1)  highlight         100.00  200.00  150.00   30.00  "),
            lines.at(1).constData());
        QVERIFY2(lines.at(6).startsWith("   2 (A-2)  square            100.00   50.00   20.00   40.00  "
                                        "2026-03-04T05:06:07Z  Carol  Turned"),
            lines.at(6).constData());

        const Run second = runCli({QStringLiteral("annotations"), pdf, QStringLiteral("--pages"), QStringLiteral("2")});
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(second.out.count('\n'), 2);
        QVERIFY(second.out.startsWith("   2 (A-2)  square"));
        // Pages named by their labels.
        const Run labelled
            = runCli({QStringLiteral("annotations"), pdf, QStringLiteral("--pages"), QStringLiteral("A-2")});
        QCOMPARE(labelled.out, second.out);
    }

    void annotationsJson()
    {
        const QString pdf = annotatedPdf();
        const Run run = runCli({QStringLiteral("annotations"), pdf, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(run.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(json.array().size(), folio::test::annotated::expected().size());
        // One object exactly, as written.
        QVERIFY2(run.out.startsWith("[\n    {\"page\":1,\"label\":\"A-1\",\"type\":\"note\","
                                    "\"rect\":[72.00,72.00,24.00,24.00],\"quads\":[],\"author\":\"Ada\","
                                    "\"created\":\"2026-01-02T03:04:05Z\",\"modified\":\"2026-03-04T05:06:07Z\","
                                    "\"contents\":\"Check this\\nand that\",\"subject\":\"\",\"color\":\"#ffc800\","
                                    "\"id\":\"test-note\"},\n"),
            run.out.left(400).constData());
        const QJsonObject highlight = json.array().at(1).toObject();
        QCOMPARE(highlight[QLatin1String("type")].toString(), QStringLiteral("highlight"));
        const QJsonArray quads = highlight[QLatin1String("quads")].toArray();
        QCOMPARE(quads.size(), 2);
        QCOMPARE(quads.at(1).toArray().at(2).toDouble(), 80.0);
        QCOMPARE(highlight[QLatin1String("color")].toString(), QStringLiteral("#ffff00"));
        const QJsonObject square = json.array().at(6).toObject();
        QCOMPARE(square[QLatin1String("page")].toInt(), 2);
        QCOMPARE(square[QLatin1String("subject")].toString(), QStringLiteral("Box"));

        const Run second = runCli({QStringLiteral("annotations"), pdf, QStringLiteral("--json"),
            QStringLiteral("--pages"), QStringLiteral("2")});
        QCOMPARE(second.exitCode, 0);
        const QJsonArray page2 = QJsonDocument::fromJson(second.out).array();
        QCOMPARE(page2.size(), 2);
        QCOMPARE(page2.at(0).toObject()[QLatin1String("id")].toString(), QStringLiteral("turned-1"));
    }

    void annotationsNone()
    {
        const Run text = runCli({QStringLiteral("annotations"), dataFile("two-pages.pdf")});
        QCOMPARE(text.exitCode, 0);
        QCOMPARE(text.out, QByteArray());
        QVERIFY2(text.err.contains("has no annotations"), text.err.constData());
        const Run json = runCli({QStringLiteral("annotations"), dataFile("two-pages.pdf"), QStringLiteral("--json"),
            QStringLiteral("--quiet")});
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(json.out, QByteArray("[]\n"));
        QCOMPARE(json.err, QByteArray());
    }

private:
    // The annotated PDF of tests/common/annotatedpdf.h, written once.
    QString annotatedPdf()
    {
        const QString path = m_dir.filePath(QStringLiteral("annotated.pdf"));
        if (!QFile::exists(path)) {
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(folio::test::annotated::annotatedPdf()) <= 0)
                return {};
        }
        return path;
    }

    QTemporaryDir m_dir;
    QString m_heavy;
};

QTEST_MAIN(TestCli)
#include "tst_cli.moc"
