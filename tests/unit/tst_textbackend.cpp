// SPDX-License-Identifier: GPL-3.0-or-later
// The text backend: plain text, Markdown and CSV/TSV, through the public facade (so detection is
// covered too). Fixtures are generated in a temporary folder.
#include "../common/inkcheck.h"
#include "backends/common/text/textpage.h"
#include "backends/text/markdownsource.h"
#include "backends/text/plaintextdocument.h"
#include "backends/text/textbackend.h"
#include "textsearch.h"
#include "viewer.h"

#include <QBuffer>
#include <QFile>
#include <QMimeDatabase>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>

using namespace folio;

Q_DECLARE_METATYPE(folio::StatusCode)

namespace {

QByteArray utf16(const QString &text, QStringConverter::Encoding encoding)
{
    QStringEncoder encoder(encoding);
    return encoder(text);
}

QString metadataValue(const Document &document, const QString &key)
{
    for (const auto &[name, value] : document.metadata()) {
        if (name == key)
            return value;
    }
    return {};
}

// Pixels that differ from the background: ink.
int inkPixels(const QImage &image, const QColor &background)
{
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    const QRgb paper = background.rgba();
    int count = 0;
    for (int y = 0; y < argb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(argb.constScanLine(y));
        for (int x = 0; x < argb.width(); ++x)
            count += line[x] != paper;
    }
    return count;
}

QString pageText(Document &document, int index)
{
    const Result<QString> text = document.text(index, CancellationToken());
    return text ? text.value() : QStringLiteral("<error: %1>").arg(text.status().message());
}

// Every page's text, in order, after reading to the end.
QStringList allPages(Document &document)
{
    QStringList pages;
    if (!document.ensurePages(-1, CancellationToken()))
        return {QStringLiteral("<ensurePages failed>")};
    for (int i = 0; i < document.pageCount(); ++i)
        pages.append(pageText(document, i));
    return pages;
}

// A pipe: sequential, readable once.
class Pipe final : public QIODevice
{
public:
    explicit Pipe(QByteArray data)
        : m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 count = std::min<qint64>(maxSize, m_data.size() - m_pos);
        std::memcpy(data, m_data.constData() + m_pos, size_t(count));
        m_pos += count;
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

// The current data row's tag, usable in a file name.
QString dataTag()
{
    return QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-');
}

int divideRoundingUp(qint64 a, qint64 b)
{
    return int((a + b - 1) / b);
}

} // namespace

class TestTextBackend : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();

    void detection_data();
    void detection();
    void viewerFacade();
    void encodings_data();
    void encodings();
    void invalidUtf8_data();
    void invalidUtf8();
    void controlCharacters();
    void linesPerPage();
    void longLineWraps_data();
    void longLineWraps();
    void crlfAndTabs();
    void utf16Pagination();
    void streaming();
    void cancellation_data();
    void cancellation();
    void cancelledScanLeavesDocumentUsable();
    void render_data();
    void render();
    void emptyFileIsOneBlankPage();
    void sequentialDevice();
    void limits();
    void plainTextBoxesOnTheGrid();
    void wrappedWordIsOneWord();
    void textBoxesCoverInk_data();
    void textBoxesCoverInk();

    void markdownText();
    void markdownOutline();
    void markdownPages();
    void markdownSections();
    void markdownExternalImages();
    void markdownSplitter_data();
    void markdownSplitter();
    void markdownLinks();

    void csv_data();
    void csv();
    void csvPagination();
    void csvOrientation_data();
    void csvOrientation();
    void csvUnclosedQuote();
    void csvStreaming();

private:
    QString write(const QString &name, const QByteArray &data);
    std::unique_ptr<Document> load(const QString &path);
    // A generated log of `lines` fixed-width lines ("line 00000042 ...\n"), cached per size.
    QString bigLog(int lines);

    QTemporaryDir m_dir;
};

void TestTextBackend::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestTextBackend::write(const QString &name, const QByteArray &data)
{
    QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

std::unique_ptr<Document> TestTextBackend::load(const QString &path)
{
    Result<std::unique_ptr<Document>> result = Viewer::load(path, OpenOptions(), CancellationToken());
    if (!result) {
        qWarning() << path << result.status().message();
        return nullptr;
    }
    return std::move(result).value();
}

static QByteArray logLine(int i)
{
    return QByteArrayLiteral("line ") + QByteArray::number(i).rightJustified(8, '0')
        + QByteArrayLiteral(" INFO worker processed a request in 42 ms\n");
}

QString TestTextBackend::bigLog(int lines)
{
    QString path = m_dir.filePath(QStringLiteral("big-%1.log").arg(lines));
    if (QFile::exists(path))
        return path;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    QByteArray chunk;
    for (int i = 0; i < lines; ++i) {
        chunk += logLine(i);
        if (chunk.size() > (1 << 20)) {
            file.write(chunk);
            chunk.clear();
        }
    }
    file.write(chunk);
    return path;
}

// ---- plain text ------------------------------------------------------------------------------

void TestTextBackend::detection_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("formatId");
    QTest::addColumn<QString>("mimeType");

    QTest::newRow("log") << "server.log" << QByteArray("2024-01-01 INFO started\n") << QStringLiteral("text")
                         << "text/x-log";
    QTest::newRow("txt") << "notes.txt" << QByteArray("Just some notes.\n") << QStringLiteral("text") << "text/plain";
    QTest::newRow("c++") << "main.cpp" << QByteArray("#include <cstdio>\nint main() { return 0; }\n")
                         << QStringLiteral("text") << "text/x-c++src";
    QTest::newRow("markdown") << "README.md" << QByteArray("# Title\n\nSome *text*.\n") << QStringLiteral("markdown")
                              << "text/markdown";
    QTest::newRow("csv") << "table.csv" << QByteArray("a,b\n1,2\n") << QStringLiteral("csv") << "text/csv";
    QTest::newRow("tsv") << "table.tsv" << QByteArray("a\tb\n1\t2\n") << QStringLiteral("csv")
                         << "text/tab-separated-values";
}

void TestTextBackend::detection()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(QString, formatId);
    QFETCH(QString, mimeType);

    const auto document = load(write(fileName, content));
    QVERIFY(document);
    QCOMPARE(document->formatId(), formatId);
    QCOMPARE(document->mimeType(), mimeType);
    QVERIFY(!document->formatName().isEmpty());
    QVERIFY(document->capabilities() & Capability::Text);
    QVERIFY(!(document->capabilities() & Capability::ThreadSafeRender));
    QCOMPARE(document->pageCount(), 1);
    QVERIFY(document->isPageCountFinal());
}

void TestTextBackend::viewerFacade()
{
    const QString path = write(QStringLiteral("facade.txt"), QByteArray("hello\nworld\n"));
    Viewer viewer;
    QVERIFY(viewer.open(path, OpenOptions(), CancellationToken()));
    const Result<DocumentInfo> info = viewer.info(CancellationToken());
    QVERIFY(info);
    QCOMPARE(info->format, QStringLiteral("text"));
    QCOMPARE(info->pageCount, 1);
    QCOMPARE(info->pageSizes.value(0), QSizeF(595, 842));
    const Result<QString> text = viewer.text(0, CancellationToken());
    QVERIFY(text);
    QCOMPARE(text.value(), QStringLiteral("hello\nworld\n"));
}

void TestTextBackend::encodings_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("encoding");

    const QString sample = QStringLiteral("Grüße, 世界 😀\nsecond line\n");
    QTest::newRow("utf-8") << sample.toUtf8() << sample << "UTF-8";
    QTest::newRow("utf-8 bom") << QByteArray("\xEF\xBB\xBF") + sample.toUtf8() << sample << "UTF-8";
    QTest::newRow("utf-16le bom") << QByteArray("\xFF\xFE") + utf16(sample, QStringConverter::Utf16LE) << sample
                                  << "UTF-16LE";
    QTest::newRow("utf-16be bom") << QByteArray("\xFE\xFF") + utf16(sample, QStringConverter::Utf16BE) << sample
                                  << "UTF-16BE";
    QTest::newRow("utf-16le no bom") << utf16(
        QStringLiteral("plain ascii text\nin UTF-16\n"), QStringConverter::Utf16LE)
                                     << QStringLiteral("plain ascii text\nin UTF-16\n") << "UTF-16LE";
    QTest::newRow("utf-32le bom") << QByteArray("\xFF\xFE\x00\x00", 4) + utf16(sample, QStringConverter::Utf32LE)
                                  << sample << "UTF-32LE";
    QTest::newRow("windows-1252") << QByteArray("caf\xE9 co\xFBte 5 \x80\n") << QStringLiteral("café coûte 5 €\n")
                                  << "windows-1252";
}

void TestTextBackend::encodings()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QFETCH(QString, encoding);

    const auto document = load(write(QStringLiteral("encoding-%1.txt").arg(dataTag()), bytes));
    QVERIFY(document);
    QCOMPARE(document->formatId(), QStringLiteral("text"));
    QCOMPARE(pageText(*document, 0), expected);
    QCOMPARE(metadataValue(*document, QStringLiteral("Encoding")), encoding);
}

void TestTextBackend::invalidUtf8_data()
{
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("with bom") << QByteArray("\xEF\xBB\xBFok \xFF\xFE bad \xC3(\nend \xE2\x82");
    // Valid for the whole detection sample, broken afterwards: still UTF-8, with replacements.
    QByteArray late;
    while (late.size() < 70'000)
        late += "valid ascii line\n";
    late += "broken \xC0\xAF overlong and \xED\xA0\x80 surrogate\n";
    QTest::newRow("after the sample") << late;
}

void TestTextBackend::invalidUtf8()
{
    QFETCH(QByteArray, bytes);

    const auto document = load(write(QStringLiteral("invalid-%1.txt").arg(dataTag()), bytes));
    QVERIFY(document);
    QCOMPARE(metadataValue(*document, QStringLiteral("Encoding")), QStringLiteral("UTF-8"));
    const QString all = allPages(*document).join(QString());
    QVERIFY(all.contains(QChar::ReplacementCharacter));
    QVERIFY(all.contains(QStringLiteral(" surrogate\n")) || all.contains(QStringLiteral("end ")));
    for (int i = 0; i < document->pageCount(); ++i)
        QVERIFY(document->render(i, RenderRequest(), CancellationToken()));
}

void TestTextBackend::controlCharacters()
{
    const QByteArray bytes("NUL\0ESC\x1B[31m DEL\x7F BEL\x07 lone CR\r here\n", 35);
    const auto document = load(write(QStringLiteral("controls.log"), bytes));
    QVERIFY(document);
    QCOMPARE(pageText(*document, 0), QString::fromUtf8(bytes));
    const Result<QImage> image = document->render(0, RenderRequest(), CancellationToken());
    QVERIFY(image);
    QVERIFY(inkPixels(*image, Qt::white) > 0);
}

void TestTextBackend::linesPerPage()
{
    QByteArray content;
    for (int i = 0; i < 1000; ++i)
        content += "line " + QByteArray::number(i) + '\n';
    const auto document = load(write(QStringLiteral("thousand.txt"), content));
    QVERIFY(document);
    const int perPage = int(pageText(*document, 0).count(u'\n'));
    QVERIFY2(perPage >= 50 && perPage <= 90, qPrintable(QString::number(perPage)));

    const QStringList pages = allPages(*document);
    QVERIFY(document->isPageCountFinal());
    QCOMPARE(document->pageCount(), divideRoundingUp(1000, perPage));
    QCOMPARE(pages.join(QString()), QString::fromUtf8(content));
    QVERIFY(pages.last().endsWith(QStringLiteral("line 999\n")));
    for (int i = 0; i + 1 < pages.size(); ++i)
        QCOMPARE(pages[i].count(u'\n'), perPage);
}

void TestTextBackend::longLineWraps_data()
{
    QTest::addColumn<QString>("unit");

    QTest::newRow("ascii") << "abcdefghijklmnopqrstuvwxyz0123456789";
    // Multi-byte and wide characters: page breaks must fall between characters.
    QTest::newRow("multi-byte") << "aé€😀世界 ";
}

void TestTextBackend::longLineWraps()
{
    QFETCH(QString, unit);

    QString line;
    while (line.size() < 40'000)
        line += unit;
    const auto document = load(write(QStringLiteral("long-%1.txt").arg(dataTag()), line.toUtf8()));
    QVERIFY(document);
    const QStringList pages = allPages(*document);
    QVERIFY(pages.size() > 3);
    QCOMPARE(pages.join(QString()), line);
    for (const QString &page : pages)
        QVERIFY(!page.contains(QChar::ReplacementCharacter));

    if (unit.front() == u'a' && unit.size() > 10) {
        // One line filling whole pages: page 1 holds exactly linesPerPage × columns characters.
        QByteArray lines;
        for (int i = 0; i < 200; ++i)
            lines += "x\n";
        const auto reference = load(write(QStringLiteral("short-lines.txt"), lines));
        const int perPage = int(pageText(*reference, 0).count(u'\n'));
        const qsizetype perLine = pages.first().size() / perPage;
        QCOMPARE(pages.first().size() % perPage, 0);
        QVERIFY2(perLine >= 60 && perLine <= 120, qPrintable(QString::number(perLine)));
        QCOMPARE(document->pageCount(), divideRoundingUp(line.size(), perLine * perPage));
    }
}

void TestTextBackend::crlfAndTabs()
{
    QByteArray crlf;
    QByteArray lf;
    for (int i = 0; i < 300; ++i) {
        crlf += "col\tumn " + QByteArray::number(i) + "\r\n";
        lf += "col\tumn " + QByteArray::number(i) + "\n";
    }
    const auto windows = load(write(QStringLiteral("crlf.txt"), crlf));
    const auto unix = load(write(QStringLiteral("lf.txt"), lf));
    QVERIFY(windows && unix);
    const QStringList windowsPages = allPages(*windows);
    QCOMPARE(windowsPages.join(QString()), QString::fromUtf8(crlf));
    QCOMPARE(allPages(*unix).size(), windowsPages.size());
}

void TestTextBackend::utf16Pagination()
{
    QString text;
    for (int i = 0; i < 500; ++i)
        text += QStringLiteral("ligne numéro %1 — ✓\n").arg(i);
    const auto document
        = load(write(QStringLiteral("utf16.txt"), QByteArray("\xFF\xFE") + utf16(text, QStringConverter::Utf16LE)));
    QVERIFY(document);
    const int perPage = int(pageText(*document, 0).count(u'\n'));
    const QStringList pages = allPages(*document);
    QCOMPARE(pages.join(QString()), text);
    QCOMPARE(document->pageCount(), divideRoundingUp(500, perPage));
}

void TestTextBackend::streaming()
{
    const int lines = 1'000'000; // about 60 MB
    const QString path = bigLog(lines);
    const auto document = load(path);
    QVERIFY(document);
    QVERIFY(document->capabilities() & Capability::StreamingPages);
    QVERIFY(!document->isPageCountFinal());
    QVERIFY(document->pageCount() >= 1);
    QVERIFY(document->pageCount() < 100);

    const int perPage = int(pageText(*document, 0).count(u'\n'));
    QVERIFY(document->ensurePages(2, CancellationToken()));
    QVERIFY(document->pageCount() >= 2);
    QByteArray second;
    for (int i = perPage; i < 2 * perPage; ++i)
        second += logLine(i);
    QCOMPARE(pageText(*document, 1), QString::fromUtf8(second));

    qint64 lastDone = -1;
    qint64 lastTotal = -1;
    bool monotonic = true;
    const Status status = document->ensurePages(-1, CancellationToken(), [&](qint64 done, qint64 total) {
        monotonic = monotonic && done >= lastDone;
        lastDone = done;
        lastTotal = total;
    });
    QVERIFY2(status, qPrintable(status.message()));
    QVERIFY(document->isPageCountFinal());
    QCOMPARE(document->pageCount(), divideRoundingUp(lines, perPage));
    QVERIFY(monotonic);
    QCOMPARE(lastTotal, QFileInfo(path).size());
    QCOMPARE(lastDone, lastTotal);
    QCOMPARE(pageText(*document, document->pageCount() - 1).split(u'\n', Qt::SkipEmptyParts).last(),
        QString::fromUtf8(logLine(lines - 1)).trimmed());
}

void TestTextBackend::cancellation_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<StatusCode>("expected");

    QTest::newRow("already cancelled") << "cancel" << StatusCode::Canceled;
    QTest::newRow("superseded") << "supersede" << StatusCode::Canceled;
    QTest::newRow("timeout") << "timeout" << StatusCode::TimedOut;
}

void TestTextBackend::cancellation()
{
    QFETCH(QString, how);
    QFETCH(StatusCode, expected);

    const auto document = load(bigLog(1'000'000));
    QVERIFY(document);
    CancellationSource source;
    if (how == QLatin1String("cancel"))
        source.cancel();
    else if (how == QLatin1String("supersede"))
        source.cancel(CancelReason::Superseded);
    else
        source.cancelAfter(std::chrono::milliseconds(1));
    const Status status = document->ensurePages(-1, source.token());
    QCOMPARE(status.code(), expected);
    QVERIFY(!status.message().isEmpty());
    QVERIFY(!document->isPageCountFinal());

    const Result<QImage> image = document->render(0, RenderRequest(), source.token());
    QCOMPARE(image.status().code(), expected);
}

void TestTextBackend::cancelledScanLeavesDocumentUsable()
{
    const auto document = load(bigLog(1'000'000));
    QVERIFY(document);
    CancellationSource source;
    int calls = 0;
    const Status status = document->ensurePages(-1, source.token(), [&](qint64, qint64) {
        if (++calls == 3)
            source.cancel();
    });
    QCOMPARE(status.code(), StatusCode::Canceled);
    QCOMPARE(calls, 3); // stopped within the chunk after cancel()
    const int known = document->pageCount();
    QVERIFY(known > 1);
    QVERIFY(!document->isPageCountFinal());

    QVERIFY(document->render(known - 1, RenderRequest(), CancellationToken()));
    QVERIFY(document->ensurePages(-1, CancellationToken()));
    QVERIFY(document->isPageCountFinal());
    QVERIFY(document->pageCount() > known);
}

void TestTextBackend::render_data()
{
    QTest::addColumn<double>("dpi");
    QTest::addColumn<int>("rotation");
    QTest::addColumn<QColor>("background");
    QTest::addColumn<QSize>("expectedSize");

    QTest::newRow("72 dpi") << 72.0 << 0 << QColor(Qt::white) << QSize(595, 842);
    QTest::newRow("150 dpi") << 150.0 << 0 << QColor(Qt::white) << QSize(1240, 1754);
    QTest::newRow("rotated") << 96.0 << 90 << QColor(Qt::white) << QSize(1123, 793);
    QTest::newRow("dark") << 96.0 << 0 << QColor(Qt::black) << QSize(793, 1123);
    QTest::newRow("transparent") << 50.0 << 0 << QColor(Qt::transparent) << QSize(413, 585);
}

void TestTextBackend::render()
{
    QFETCH(double, dpi);
    QFETCH(int, rotation);
    QFETCH(QColor, background);
    QFETCH(QSize, expectedSize);

    const QStringList files = {
        write(QStringLiteral("render.txt"), QByteArray("Some text to draw\n\tindented\n")),
        write(QStringLiteral("render.md"), QByteArray("# Heading\n\nParagraph with **bold**.\n")),
        write(QStringLiteral("render.csv"), QByteArray("name,value\nalpha,1\nbeta,2\n")),
    };
    for (const QString &path : files) {
        const auto document = load(path);
        QVERIFY(document);
        RenderRequest request;
        request.dpi = dpi;
        request.rotation = rotation;
        request.background = background;
        const Result<QImage> image = document->render(0, request, CancellationToken());
        QVERIFY2(image, qPrintable(image.status().message()));
        QCOMPARE(image->size(), document->renderSize(0, request));
        QCOMPARE(image->size(), expectedSize);
        QCOMPARE(image->pixelColor(0, 0), background);
        QVERIFY2(inkPixels(*image, background) > 100, qPrintable(path));
        QCOMPARE(image->dotsPerMeterX(), int(std::lround(dpi / 0.0254)));
    }
}

void TestTextBackend::emptyFileIsOneBlankPage()
{
    // Viewer refuses empty files before any backend sees them; the backend copes anyway.
    const auto backend = createTextBackend();
    for (const QString &type :
        {QStringLiteral("text/plain"), QStringLiteral("text/markdown"), QStringLiteral("text/csv")}) {
        OpenRequest request;
        auto buffer = std::make_unique<QBuffer>();
        buffer->open(QIODevice::ReadOnly);
        request.device = std::move(buffer);
        request.mimeType = QMimeDatabase().mimeTypeForName(type);
        Result<std::unique_ptr<Document>> result = backend->open(std::move(request), CancellationToken(), {});
        QVERIFY2(result, qPrintable(result.status().message()));
        Document &document = *result.value();
        QCOMPARE(document.pageCount(), 1);
        QVERIFY(document.isPageCountFinal());
        QCOMPARE(pageText(document, 0), QString());
        const Result<QImage> image = document.render(0, RenderRequest(), CancellationToken());
        QVERIFY(image);
        QCOMPARE(inkPixels(*image, Qt::white), 0);
    }
}

void TestTextBackend::sequentialDevice()
{
    // A sequential device is buffered (up to the in-memory limit), then paginated as usual.
    auto pipe = std::make_unique<Pipe>("piped\ntext\n");
    Result<std::unique_ptr<Document>> result
        = Viewer::load(std::move(pipe), QStringLiteral("stdin.txt"), OpenOptions(), CancellationToken());
    QVERIFY2(result, qPrintable(result.status().message()));
    QCOMPARE(pageText(*result.value(), 0), QStringLiteral("piped\ntext\n"));

    auto big = std::make_unique<Pipe>(QByteArray(4096, 'x'));
    OpenOptions small;
    small.limits.maxInMemoryBytes = 1024;
    result = Viewer::load(std::move(big), QStringLiteral("stdin.txt"), small, CancellationToken());
    QCOMPARE(result.status().code(), StatusCode::LimitExceeded);
}

void TestTextBackend::limits()
{
    QByteArray lines;
    for (int i = 0; i < 1000; ++i)
        lines += "line " + QByteArray::number(i) + '\n';
    OpenOptions options;
    options.limits.maxPageCount = 3;

    // Streaming: the pages within the limit stay readable.
    Result<std::unique_ptr<Document>> text
        = Viewer::load(write(QStringLiteral("limit.txt"), lines), options, CancellationToken());
    QVERIFY(text);
    const Status status = text.value()->ensurePages(-1, CancellationToken());
    QCOMPARE(status.code(), StatusCode::LimitExceeded);
    QVERIFY(status.message().contains(QLatin1String("3")));
    QCOMPARE(text.value()->pageCount(), 3);
    QVERIFY(text.value()->render(2, RenderRequest(), CancellationToken()));

    QByteArray markdown;
    for (int i = 0; i < 300; ++i)
        markdown += "Paragraph " + QByteArray::number(i) + "\n\n";
    const QString markdownPath = write(QStringLiteral("limit.md"), markdown);
    QCOMPARE(Viewer::load(markdownPath, options, CancellationToken()).status().code(), StatusCode::LimitExceeded);

    // Markdown too big to typeset in memory is still shown, as plain text.
    OpenOptions small;
    small.limits.maxInMemoryBytes = 1024;
    Result<std::unique_ptr<Document>> fallback = Viewer::load(markdownPath, small, CancellationToken());
    QVERIFY(fallback);
    QCOMPARE(fallback.value()->formatId(), QStringLiteral("text"));
    QVERIFY(pageText(*fallback.value(), 0).startsWith(QStringLiteral("Paragraph 0\n\nParagraph 1\n")));
}

// ---- Markdown --------------------------------------------------------------------------------

void TestTextBackend::markdownText()
{
    const auto document = load(write(QStringLiteral("text.md"),
        "# Title\n\nSome **bold** and *italic* text with `code`.\n\n"
        "- first\n- second\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"));
    QVERIFY(document);
    QCOMPARE(document->formatId(), QStringLiteral("markdown"));
    QVERIFY(document->capabilities() & Capability::Outline);
    const QString text = pageText(*document, 0);
    QVERIFY(text.startsWith(QStringLiteral("Title\n")));
    QVERIFY(text.contains(QStringLiteral("Some bold and italic text with code.")));
    QVERIFY(!text.contains(u'*'));
    QVERIFY(!text.contains(u'`'));
    QVERIFY(text.contains(QStringLiteral("first\nsecond")));
    QCOMPARE(metadataValue(*document, QStringLiteral("Title")), QStringLiteral("Title"));

    // Qt 6.4 drops everything after an unclosed void element such as <img> or <br>; the backend
    // closes them, outside code only.
    const auto html = load(write(QStringLiteral("html.md"),
        "<p align=\"center\"><img src=\"logo.png\"></p>\n\nUse `<br>` in code.<br>\n\n"
        "```\n<hr>\n```\n\nAfter the logo.\n"));
    QVERIFY(html);
    const QString htmlText = pageText(*html, 0);
    QVERIFY2(htmlText.contains(QStringLiteral("Use <br> in code.")), qPrintable(htmlText));
    QVERIFY(htmlText.contains(QStringLiteral("\n<hr>\n")));
    QVERIFY(htmlText.endsWith(QStringLiteral("After the logo.")));
}

void TestTextBackend::markdownOutline()
{
    const auto document = load(write(QStringLiteral("outline.md"),
        "# Alpha\n\ntext\n\n## Alpha one\n\n## Alpha two\n\n### Deep\n\n"
        "Setext\n======\n\n#### Skipped a level\n"));
    QVERIFY(document);
    const Result<QList<OutlineItem>> outline = document->outline(CancellationToken());
    QVERIFY(outline);
    QCOMPARE(outline->size(), 2);
    const OutlineItem &alpha = outline->at(0);
    QCOMPARE(alpha.title, QStringLiteral("Alpha"));
    QCOMPARE(alpha.page, 0);
    QCOMPARE(alpha.children.size(), 2);
    QCOMPARE(alpha.children[0].title, QStringLiteral("Alpha one"));
    QCOMPARE(alpha.children[1].title, QStringLiteral("Alpha two"));
    QCOMPARE(alpha.children[1].children.size(), 1);
    QCOMPARE(alpha.children[1].children[0].title, QStringLiteral("Deep"));
    const OutlineItem &setext = outline->at(1);
    QCOMPARE(setext.title, QStringLiteral("Setext"));
    QCOMPARE(setext.children.size(), 1);
    QCOMPARE(setext.children[0].title, QStringLiteral("Skipped a level"));
}

void TestTextBackend::markdownPages()
{
    // A reference link resolves although its definition is sections away, at the end.
    QByteArray markdown = "See [the manual][manual] first.\n\n";
    for (int part = 1; part <= 5; ++part) {
        markdown += "# Part " + QByteArray::number(part) + "\n\n";
        for (int p = 0; p < 30; ++p)
            markdown += "Paragraph " + QByteArray::number(part) + "." + QByteArray::number(p)
                + ": lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\n\n";
    }
    markdown += "[manual]: https://example.invalid/manual\n";
    const auto document = load(write(QStringLiteral("pages.md"), markdown));
    QVERIFY(document);
    QVERIFY(document->pageCount() >= 5);
    QVERIFY(pageText(*document, 0).startsWith(QStringLiteral("See the manual first.\n")));
    const Result<QList<OutlineItem>> outline = document->outline(CancellationToken());
    QVERIFY(outline);
    QCOMPARE(outline->size(), 5);
    int previous = -1;
    for (int i = 0; i < 5; ++i) {
        const OutlineItem &item = outline->at(i);
        QCOMPARE(item.title, QStringLiteral("Part %1").arg(i + 1));
        QVERIFY(item.page >= previous && item.page < document->pageCount());
        QVERIFY(pageText(*document, item.page).contains(item.title));
        previous = item.page;
    }
    QVERIFY(outline->last().page > 0);

    // Every paragraph once, in order, on some page; no page is blank.
    const QStringList pages = allPages(*document);
    QString all;
    for (const QString &page : pages) {
        QVERIFY(!page.trimmed().isEmpty());
        all += page + u'\n';
    }
    qsizetype at = 0;
    for (int part = 1; part <= 5; ++part) {
        for (int p = 0; p < 30; ++p) {
            const QString marker = QStringLiteral("Paragraph %1.%2:").arg(part).arg(p);
            const qsizetype found = all.indexOf(marker, at);
            QVERIFY2(found >= 0, qPrintable(marker));
            QCOMPARE(all.count(marker), 1);
            at = found;
        }
    }
}

void TestTextBackend::markdownSections()
{
    // Large tables and lists make one QTextDocument quadratic; sections keep them linear and
    // the text complete and in order, across pages and section seams.
    QByteArray markdown = "# Big\n\n| key | value |\n|-----|-------|\n";
    for (int i = 0; i < 1500; ++i)
        markdown += "| row" + QByteArray::number(i) + " | v |\n";
    markdown += "\n";
    for (int i = 0; i < 1500; ++i)
        markdown += "- item" + QByteArray::number(i) + "\n";
    markdown += "\n```\n";
    for (int i = 0; i < 1000; ++i)
        markdown += "code" + QByteArray::number(i) + "\n";
    markdown += "```\n";
    const auto document = load(write(QStringLiteral("sections.md"), markdown));
    QVERIFY(document);
    const QStringList pages = allPages(*document);
    QVERIFY(pages.size() > 40);
    const QString all = pages.join(u'\n') + u'\n';
    qsizetype at = 0;
    for (const char *prefix : {"row", "item", "code"}) {
        const int count = QByteArray(prefix) == "code" ? 1000 : 1500;
        for (int i = 0; i < count; ++i) {
            const QString marker = QLatin1String(prefix) + QString::number(i) + u'\n';
            const qsizetype found = all.indexOf(marker, at);
            QVERIFY2(found >= 0, qPrintable(marker));
            at = found;
        }
    }
    // A cancelled open stops between two sections.
    CancellationSource source;
    int calls = 0;
    Result<std::unique_ptr<Document>> cancelled = Viewer::load(
        m_dir.filePath(QStringLiteral("sections.md")), OpenOptions(), source.token(), [&](qint64, qint64) {
            if (++calls == 2)
                source.cancel();
        });
    QCOMPARE(cancelled.status().code(), StatusCode::Canceled);
}

void TestTextBackend::markdownExternalImages()
{
    // Nothing outside the text is read: remote and local images become placeholders.
    write(QStringLiteral("secret.png"), QByteArray("not an image at all"));
    const auto document = load(write(QStringLiteral("images.md"),
        "![remote](http://127.0.0.1:9/x.png)\n\n![local](secret.png)\n\n"
        "<img src=\"file:///etc/passwd\">\n\ntext after\n"));
    QVERIFY(document);
    QVERIFY(pageText(*document, 0).contains(QStringLiteral("text after")));
    const Result<QImage> image = document->render(0, RenderRequest(), CancellationToken());
    QVERIFY(image);
    QVERIFY(inkPixels(*image, Qt::white) > 0);
}

void TestTextBackend::markdownSplitter_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("expectedPrefixes");

    QString paragraphs;
    for (int i = 0; i < 6; ++i)
        paragraphs += QStringLiteral("Paragraph %1\ncontinued\n\n").arg(i);
    // Past the soft limit, at the next paragraph.
    QTest::newRow("paragraphs") << paragraphs << QStringList(6, QString());

    QString fence = QStringLiteral("intro\n\n~~~~ python\n");
    for (int i = 0; i < 12; ++i)
        fence += QStringLiteral("x = %1\n\n").arg(i);
    fence += QStringLiteral("~~~~\n\nafter\n");
    const QString fencePrefix = QStringLiteral("~~~~ python\n");
    // Blank lines in code are no paragraph boundaries: forced cuts every six lines reopen the fence.
    QTest::newRow("fence") << fence
                           << QStringList({QString(), fencePrefix, fencePrefix, fencePrefix, fencePrefix, QString()});

    QString table = QStringLiteral("| a | b |\n| --- | --- |\n");
    for (int i = 0; i < 10; ++i)
        table += QStringLiteral("| %1 | x |\n").arg(i);
    const QString header = QStringLiteral("| a | b |\n| --- | --- |\n");
    // Past the structural limit, at the next row, under a repeated header.
    QTest::newRow("table") << table << QStringList({QString(), header, header});
}

void TestTextBackend::markdownSplitter()
{
    QFETCH(QString, source);
    QFETCH(QStringList, expectedPrefixes);

    text::MarkdownSplitLimits limits;
    limits.softLines = 3;
    limits.structuralLines = 4;
    limits.hardLines = 6;
    const QList<text::MarkdownSection> sections = text::splitMarkdown(source, limits);
    QStringList prefixes;
    QString joined;
    qsizetype expectedBegin = 0;
    for (const text::MarkdownSection &section : sections) {
        QCOMPARE(section.begin, expectedBegin);
        joined += QStringView(source).sliced(section.begin, section.end - section.begin);
        expectedBegin = section.end;
        prefixes.append(section.prefix);
    }
    QCOMPARE(joined, source);
    QCOMPARE(prefixes, expectedPrefixes);
    if (QTest::currentDataTag() == QByteArrayLiteral("paragraphs")) {
        for (const text::MarkdownSection &section : sections)
            QVERIFY(source.mid(section.begin).startsWith(QStringLiteral("Paragraph")));
    }
}

// ---- CSV / TSV -------------------------------------------------------------------------------

void TestTextBackend::csv_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expectedText");
    QTest::addColumn<QString>("delimiter");
    QTest::addColumn<int>("columns");
    QTest::addColumn<int>("rows");

    QTest::newRow("rfc 4180") << "quoted.csv"
                              << QByteArray("name,comment,n\r\n\"Smith, J\",\"first line\r\nsecond line\",1\r\n"
                                            "plain,\"say \"\"hi\"\"\",2\r\n\r\n,,\r\n")
                              << "name\tcomment\tn\nSmith, J\tfirst line\nsecond line\t1\nplain\tsay \"hi\"\t2\n\t\t"
                              << "," << 3 << 4;
    QTest::newRow("semicolons") << "european.csv" << QByteArray("a;b;c\n1,5;2,5;3\n") << "a\tb\tc\n1,5\t2,5\t3"
                                << ";" << 3 << 2;
    QTest::newRow("tsv") << "table.tsv" << QByteArray("a\tb\n1\t\"quoted\ttab\"\n") << "a\tb\n1\tquoted\ttab"
                         << "Tab" << 2 << 2;
    QTest::newRow("no final newline") << "short.csv" << QByteArray("x,y\n1,2") << "x\ty\n1\t2"
                                      << "," << 2 << 2;
    QTest::newRow("utf-16 bom") << "utf16.csv"
                                << QByteArray("\xFF\xFE")
            + utf16(QStringLiteral("ville,prix\n\"Zürich, CH\",12\n"), QStringConverter::Utf16LE)
                                << "ville\tprix\nZürich, CH\t12"
                                << "," << 2 << 2;
}

void TestTextBackend::csv()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(QString, expectedText);
    QFETCH(QString, delimiter);
    QFETCH(int, columns);
    QFETCH(int, rows);

    const auto document = load(write(fileName, content));
    QVERIFY(document);
    QCOMPARE(document->formatId(), QStringLiteral("csv"));
    QCOMPARE(document->pageCount(), 1);
    QCOMPARE(pageText(*document, 0), expectedText);
    QCOMPARE(metadataValue(*document, QStringLiteral("Delimiter")), delimiter);
    QCOMPARE(metadataValue(*document, QStringLiteral("Columns")), QString::number(columns));
    QCOMPARE(metadataValue(*document, QStringLiteral("Rows")), QString::number(rows));
    const Result<QImage> image = document->render(0, RenderRequest(), CancellationToken());
    QVERIFY(image);
    QVERIFY(inkPixels(*image, Qt::white) > 0);
}

void TestTextBackend::csvPagination()
{
    QByteArray content = "id,name\n";
    for (int i = 0; i < 1000; ++i)
        content += QByteArray::number(i) + ",\"name " + QByteArray::number(i) + "\nsecond line\"\n";
    const auto document = load(write(QStringLiteral("rows.csv"), content));
    QVERIFY(document);
    // Page 1: the header and then data rows; each record's text holds one embedded line break.
    const QString first = pageText(*document, 0);
    QVERIFY(first.startsWith(QStringLiteral("id\tname\n0\tname 0\nsecond line\n")));
    const int rowsOnFirst = int(first.count(u'\n')) / 2; // the header's line end, then two lines a row
    QVERIFY2(rowsOnFirst > 20 && rowsOnFirst < 80, qPrintable(QString::number(rowsOnFirst)));
    const QStringList pages = allPages(*document);
    QCOMPARE(document->pageCount(), divideRoundingUp(1000, rowsOnFirst));
    // Later pages repeat the header in the picture only: their text starts with the next record.
    QVERIFY(pages.at(1).startsWith(QStringLiteral("%1\tname %1\n").arg(rowsOnFirst)));
    QCOMPARE(metadataValue(*document, QStringLiteral("Rows")), QStringLiteral("1001"));
    QVERIFY(document->render(1, RenderRequest(), CancellationToken()));
}

void TestTextBackend::csvOrientation_data()
{
    QTest::addColumn<int>("columns");
    QTest::addColumn<QSizeF>("pageSize");

    QTest::newRow("narrow") << 3 << QSizeF(595, 842);
    QTest::newRow("wide") << 12 << QSizeF(842, 595);
    QTest::newRow("very wide") << 60 << QSizeF(842, 595);
}

void TestTextBackend::csvOrientation()
{
    QFETCH(int, columns);
    QFETCH(QSizeF, pageSize);

    QByteArrayList header;
    QByteArrayList row;
    for (int c = 0; c < columns; ++c) {
        header.append("heading number " + QByteArray::number(c));
        row.append("a value of some length " + QByteArray::number(c));
    }
    const auto document
        = load(write(QStringLiteral("columns-%1.csv").arg(columns), header.join(',') + '\n' + row.join(',') + '\n'));
    QVERIFY(document);
    QCOMPARE(document->pageSize(0), pageSize);
    QCOMPARE(metadataValue(*document, QStringLiteral("Columns")), QString::number(columns));
    // Columns that do not fit the picture are still in the text.
    QCOMPARE(pageText(*document, 0).count(u'\t'), 2 * (columns - 1));
    const Result<QImage> image = document->render(0, RenderRequest(), CancellationToken());
    QVERIFY(image);
    QCOMPARE(image->size(), document->renderSize(0, RenderRequest()));
}

void TestTextBackend::csvUnclosedQuote()
{
    // An unclosed quote runs to the end of the file: one record, but no hang and no loss.
    const auto document = load(write(QStringLiteral("unclosed.csv"), "a,b\n\"never closed,1\n2,3\n4,5\n"));
    QVERIFY(document);
    QCOMPARE(document->pageCount(), 1);
    QCOMPARE(pageText(*document, 0), QStringLiteral("a\tb\nnever closed,1\n2,3\n4,5\n"));
}

void TestTextBackend::csvStreaming()
{
    const QString path = m_dir.filePath(QStringLiteral("big.csv"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("id;label;amount\n");
        QByteArray chunk;
        for (int i = 0; i < 400'000; ++i) {
            chunk += QByteArray::number(i) + ";\"label; " + QByteArray::number(i) + "\";12,50\n";
            if (chunk.size() > (1 << 20)) {
                file.write(chunk);
                chunk.clear();
            }
        }
        file.write(chunk);
    }
    const auto document = load(path);
    QVERIFY(document);
    QVERIFY(!document->isPageCountFinal());
    QVERIFY(metadataValue(*document, QStringLiteral("Rows")).isEmpty());
    QCOMPARE(metadataValue(*document, QStringLiteral("Delimiter")), QStringLiteral(";"));

    CancellationSource source;
    source.cancel();
    QCOMPARE(document->ensurePages(-1, source.token()).code(), StatusCode::Canceled);

    QVERIFY(document->ensurePages(-1, CancellationToken()));
    QVERIFY(document->isPageCountFinal());
    QCOMPARE(metadataValue(*document, QStringLiteral("Rows")), QStringLiteral("400001"));
    const QString last = pageText(*document, document->pageCount() - 1);
    QVERIFY(last.endsWith(QStringLiteral("399999\tlabel; 399999\t12,50")));
}

// ---- text boxes ------------------------------------------------------------------------------

namespace {

QList<TextBox> pageBoxes(Document &document, int index)
{
    const Result<QList<TextBox>> boxes = document.textBoxes(index, CancellationToken());
    if (!boxes) {
        qWarning() << boxes.status().message();
        return {};
    }
    return boxes.value();
}

// "a b c" -> {"a", "b", "c"}
QStringList split(const char *words)
{
    return QString::fromUtf8(words).split(u' ');
}

QStringList wordsOf(const QList<TextBox> &boxes)
{
    QStringList words;
    for (const TextBox &box : boxes)
        words.append(box.text);
    return words;
}

} // namespace

// ASCII words of a log sit on the monospace grid the page is drawn on, tabs expanded.
void TestTextBackend::plainTextBoxesOnTheGrid()
{
    const auto document = load(write(QStringLiteral("grid.log"), "alpha beta\tgamma\n  indented  words\n\nlast\n"));
    QVERIFY(document);
    QVERIFY(document->capabilities() & Capability::TextLayout);
    const auto grid = text::PlainTextDocument::Grid::compute();
    const auto cell = [&grid](int line, int from, int to) {
        return QRectF(text::PageMargin + from * grid.advance, text::PageMargin + line * grid.lineHeight,
            (to - from) * grid.advance, grid.lineHeight);
    };
    const QList<TextBox> boxes = pageBoxes(*document, 0);
    QCOMPARE(wordsOf(boxes), split("alpha beta gamma indented words last"));
    const QList<QRectF> expected {
        cell(0, 0, 5), cell(0, 6, 10), cell(0, 16, 21), cell(1, 2, 10), cell(1, 12, 17), cell(3, 0, 4)};
    for (qsizetype i = 0; i < boxes.size(); ++i) {
        const QRectF &rect = boxes[i].rect;
        QVERIFY2(std::abs(rect.left() - expected[i].left()) < 0.01
                && std::abs(rect.right() - expected[i].right()) < 0.01
                && std::abs(rect.top() - expected[i].top()) < 0.01
                && std::abs(rect.bottom() - expected[i].bottom()) < 0.01,
            qPrintable(boxes[i].text));
        QVERIFY(boxes[i].spaceAfter);
    }
    QCOMPARE(boxes[1].lineEnd, false);
    QCOMPARE(boxes[2].lineEnd, true);
    QCOMPARE(boxes[4].lineEnd, true);
    QCOMPARE(boxes[5].lineEnd, true);
}

// A word longer than a line wraps; its two boxes join without a space, so search finds it whole.
void TestTextBackend::wrappedWordIsOneWord()
{
    const QByteArray word(120, 'w');
    const auto document = load(write(QStringLiteral("wrapped.log"), "start " + word + " end\n"));
    QVERIFY(document);
    const auto grid = text::PlainTextDocument::Grid::compute();
    const QList<TextBox> boxes = pageBoxes(*document, 0);
    QCOMPARE(boxes.size(), 4);
    QCOMPARE(boxes[1].text.size(), grid.columns - 6);
    QVERIFY(boxes[1].lineEnd);
    QVERIFY(!boxes[1].spaceAfter);
    QCOMPARE(boxes[1].text + boxes[2].text, QString::fromLatin1(word));
    QVERIFY(boxes[2].spaceAfter);
    const QList<SearchHit> hits = findInBoxes(boxes, 0, QStringLiteral("start ") + QString::fromLatin1(word));
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits[0].rects.size(), 2);
    QCOMPARE(hits[0].rects[0].left(), text::PageMargin);
    QCOMPARE(hits[0].rects[1].top(), text::PageMargin + grid.lineHeight);
}

void TestTextBackend::textBoxesCoverInk_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QStringList>("words");

    QTest::newRow("plain text") << QStringLiteral("ink.log")
                                << QByteArray("alpha beta\tgamma\nüber Ünïcödé\n    indented line\n"
                                       + QByteArray(150, 'x') + " tail\n")
                                << QStringLiteral("text") << split("alpha beta gamma über Ünïcödé indented line");
    QTest::newRow("csv") << QStringLiteral("ink.csv")
                         << QByteArray("name,amount,note\nalice,42,first row\nbob,-1.5,\"quoted, comma\"\n")
                         << QStringLiteral("csv")
                         << split("name amount note alice 42 first row bob -1.5 quoted, comma");
    QTest::newRow("markdown")
        << QStringLiteral("ink.md")
        << QByteArray("# Big Title\n\nSome **bold** and *italic* text with `code` in it, and a sentence long enough "
                      "to wrap onto a second line of the page, which it surely does by now.\n\n## Second heading\n\n"
                      "Last words.\n")
        << QStringLiteral("markdown") << split("Big Title Some bold and italic text with code");
}

// Every word has a box with ink in it, and no ink is outside the boxes: highlights line up with
// the painted glyphs.
void TestTextBackend::textBoxesCoverInk()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, format);
    QFETCH(QStringList, words);
    const auto document = load(write(name, content));
    QVERIFY(document);
    QCOMPARE(document->formatId(), format);
    QVERIFY(document->capabilities() & Capability::TextLayout);
    const QList<TextBox> boxes = pageBoxes(*document, 0);
    QCOMPARE(wordsOf(boxes).mid(0, words.size()), words);
    RenderRequest request;
    request.dpi = 144;
    const Result<QImage> image = document->render(0, request, CancellationToken());
    QVERIFY(image);
    const test::InkCheck ink = test::checkInk(*image, request.dpi, boxes, 1);
    QVERIFY(ink.total > 300);
    QCOMPARE(ink.outside, 0);
    QCOMPARE(ink.emptyBoxes, 0);

    CancellationSource source;
    source.cancel();
    QCOMPARE(document->textBoxes(0, source.token()).status().code(), StatusCode::Canceled);
}

void TestTextBackend::markdownLinks()
{
    QByteArray markdown = "# Links\n\nRead [the *manual*](https://example.org/manual) or [jump](#far-away-section) "
                          "or [again](#far-away-section-1) or [notes](notes.md) or [lost](#no-such-heading).\n\n";
    for (int i = 0; i < 200; ++i)
        markdown += "Filler paragraph " + QByteArray::number(i) + " with words that fill a line or so of the page.\n\n";
    markdown += "## Far away: section!\n\nArrived.\n\n";
    for (int i = 0; i < 100; ++i)
        markdown += "More paragraph " + QByteArray::number(i) + " with words that fill a line or so of the page.\n\n";
    markdown += "## Far away: section!\n\nArrived again.\n";
    const auto document = load(write(QStringLiteral("links.md"), markdown));
    QVERIFY(document);
    QVERIFY(document->capabilities().testFlag(Capability::Links));
    const QStringList pages = allPages(*document);
    const auto pageWith = [&pages](const QString &text) {
        for (qsizetype i = 0; i < pages.size(); ++i) {
            if (pages[i].contains(text))
                return int(i);
        }
        return -1;
    };
    const int far = pageWith(QStringLiteral("Arrived."));
    const int again = pageWith(QStringLiteral("Arrived again."));
    QVERIFY2(far >= 3 && again > far, qPrintable(QStringLiteral("%1 %2").arg(far).arg(again)));

    const Result<QList<Link>> links = document->links(0, CancellationToken());
    QVERIFY2(links, qPrintable(links.status().message()));
    // No heading is called "No such heading": four links.
    QCOMPARE(links->size(), 4);
    const QList<TextBox> boxes = pageBoxes(*document, 0);
    const auto boxOf = [&boxes](const QString &text) {
        for (const TextBox &box : boxes) {
            if (box.text == text)
                return box.rect;
        }
        return QRectF();
    };
    const auto covers = [](const QRectF &link, const QRectF &word) {
        return !word.isEmpty() && link.adjusted(-0.5, -0.5, 0.5, 0.5).contains(word);
    };
    const Link &web = links->at(0);
    QCOMPARE(web.kind, Link::Kind::Uri);
    QCOMPARE(web.uri, QStringLiteral("https://example.org/manual"));
    // Plain and italic parts of the link text make one rectangle, which leaves "Read" out.
    QVERIFY(covers(web.rect, boxOf(QStringLiteral("the"))));
    QVERIFY(covers(web.rect, boxOf(QStringLiteral("manual"))));
    QVERIFY(!web.rect.intersects(boxOf(QStringLiteral("Read"))));
    QCOMPARE(links->at(1).kind, Link::Kind::GoTo);
    QCOMPARE(links->at(1).page, far);
    QVERIFY(covers(links->at(1).rect, boxOf(QStringLiteral("jump"))));
    QCOMPARE(links->at(2).page, again);
    QCOMPARE(links->at(3).kind, Link::Kind::RemoteGoTo);
    QCOMPARE(links->at(3).uri, QStringLiteral("notes.md"));

    const Result<QList<Link>> none = document->links(far, CancellationToken());
    QVERIFY(none);
    QVERIFY(none->isEmpty());
}

QTEST_MAIN(TestTextBackend)
#include "tst_textbackend.moc"
