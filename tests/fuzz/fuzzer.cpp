// SPDX-License-Identifier: GPL-3.0-or-later
// One libFuzzer driver for every parser family. tests/fuzz/CMakeLists.txt builds it once per
// family with FOLIO_FUZZ_FAMILY="name", which picks the file names the bytes are offered under;
// everything else goes through the public API (FormatDetector, Viewer::load, Document), like a
// program opening a hostile file would. fuzz_replay (replay.cpp) runs the same code without
// libFuzzer in every build, over the committed regression inputs.
#include "fuzzing.h"

#include "cancellation.h"
#include "formatdetector.h"
#include "viewer.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QStringList>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>

using namespace folio;
using namespace std::chrono_literals;

namespace {

// Detection is by content and the name only refines a generic match (a ZIP is DOCX or ODT by
// name), so each family offers the bytes under its own names. The name is picked by the input's
// length rather than by one of its bytes: the seed files then reach the parsers intact, and
// mutations that grow or shrink an input still try every name.
QStringList fileNames(const QString &family)
{
    static const std::map<QString, QStringList> names = {
        {QStringLiteral("detect"),
            {QString(), QStringLiteral("input.txt"), QStringLiteral("input.md"), QStringLiteral("input.pdf"),
                QStringLiteral("input.zip"), QStringLiteral("input.docx"), QStringLiteral("input.svg"),
                QStringLiteral("input.epub"), QStringLiteral("input.tar.gz"), QStringLiteral("input.csv")}},
        {QStringLiteral("pdf"), {QStringLiteral("input.pdf")}},
        {QStringLiteral("image"),
            {QStringLiteral("input.png"), QStringLiteral("input.jpg"), QStringLiteral("input.gif"),
                QStringLiteral("input.bmp"), QStringLiteral("input.svg"), QStringLiteral("input.webp"),
                QStringLiteral("input.tiff"), QStringLiteral("input.ico")}},
        {QStringLiteral("text"),
            {QStringLiteral("input.txt"), QStringLiteral("input.md"), QStringLiteral("input.log"),
                QStringLiteral("input.csv"), QStringLiteral("input.json")}},
        {QStringLiteral("archive"),
            {QStringLiteral("input.zip"), QStringLiteral("input.tar"), QStringLiteral("input.tar.gz"),
                QStringLiteral("input.7z"), QStringLiteral("input.cbz"), QStringLiteral("input.gz"),
                QStringLiteral("input.xz"), QStringLiteral("input.ar")}},
        {QStringLiteral("docx"), {QStringLiteral("input.docx"), QStringLiteral("input.odt")}},
        {QStringLiteral("xlsx"), {QStringLiteral("input.xlsx"), QStringLiteral("input.ods")}},
        {QStringLiteral("pptx"), {QStringLiteral("input.pptx"), QStringLiteral("input.odp")}},
        {QStringLiteral("epub"), {QStringLiteral("input.epub")}},
        {QStringLiteral("djvu"), {QStringLiteral("input.djvu")}},
        {QStringLiteral("postscript"), {QStringLiteral("input.ps"), QStringLiteral("input.eps")}},
        {QStringLiteral("html"),
            {QStringLiteral("input.html"), QStringLiteral("input.xhtml"), QStringLiteral("input.mhtml")}},
        {QStringLiteral("fb2"), {QStringLiteral("input.fb2"), QStringLiteral("input.fb2.zip")}},
        {QStringLiteral("xps"), {QStringLiteral("input.xps"), QStringLiteral("input.oxps")}},
        {QStringLiteral("mobi"),
            {QStringLiteral("input.mobi"), QStringLiteral("input.azw3"), QStringLiteral("input.pdb")}},
        {QStringLiteral("chm"), {QStringLiteral("input.chm")}},
        {QStringLiteral("email"),
            {QStringLiteral("input.eml"), QStringLiteral("input.mbox"), QStringLiteral("winmail.dat"),
                QStringLiteral("input.msg")}},
    };
    const auto found = names.find(family);
    return found == names.end() ? QStringList() : found->second;
}

// Tighter than the defaults so that a valid but huge input fails a limit instead of running into
// libFuzzer's -rss_limit_mb and being reported as a crash.
OpenOptions fuzzOptions()
{
    OpenOptions options;
    options.limits.maxImageMegapixels = 16;
    options.limits.maxInMemoryBytes = 64LL << 20;
    options.limits.maxEntrySize = 64LL << 20;
    options.limits.maxTotalExtracted = 256LL << 20;
    options.limits.maxPageCount = 100'000;
    return options;
}

// Qt's warnings about broken input would be most of the output and slow every run; fatal messages
// still abort, so libFuzzer reports them.
void quietMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg) {
        fprintf(stderr, "qFatal: %s\n", qPrintable(message));
        abort();
    }
}

std::unique_ptr<QBuffer> bufferOver(const uint8_t *data, size_t size)
{
    auto buffer = std::make_unique<QBuffer>();
    buffer->setData(reinterpret_cast<const char *>(data), qsizetype(size));
    buffer->open(QIODevice::ReadOnly);
    return buffer;
}

// A little of what a viewer does after opening: the first page, its picture and its text, and for
// containers the first entry.
void exercise(Document &document, const CancellationToken &token)
{
    if (!document.ensurePages(1, token))
        return;
    (void)document.outline(token);
    (void)document.metadata();
    if (document.pageCount() > 0) {
        RenderRequest request;
        request.dpi = 24;
        (void)document.render(0, request, token);
        (void)document.text(0, token);
    }
    if (!document.attachments().isEmpty()) {
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        (void)document.saveAttachment(0, out, token);
    }
}

} // namespace

namespace folio::fuzz {

QStringList families()
{
    return {QStringLiteral("detect"), QStringLiteral("pdf"), QStringLiteral("image"), QStringLiteral("text"),
        QStringLiteral("archive"), QStringLiteral("docx"), QStringLiteral("xlsx"), QStringLiteral("pptx"),
        QStringLiteral("epub"), QStringLiteral("djvu"), QStringLiteral("postscript"), QStringLiteral("html"),
        QStringLiteral("fb2"), QStringLiteral("xps"), QStringLiteral("mobi"), QStringLiteral("chm"),
        QStringLiteral("email")};
}

void initialize(int *argc, char ***argv)
{
    // Fonts and QImage painting need a QGuiApplication; offscreen needs no display.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qInstallMessageHandler(quietMessages);
    static QGuiApplication app(*argc, *argv);
    // Lay out some text once so that the font caches are filled before the first unit: what they
    // keep is not a leak of the unit that happened to fill them.
    QImage warmUp(64, 16, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&warmUp);
    painter.drawText(warmUp.rect(), QStringLiteral("Folio"));
}

void testOneInput(const QString &family, const uint8_t *data, size_t size)
{
    const QStringList names = fileNames(family);
    if (names.isEmpty())
        qFatal("unknown fuzz family %s", qPrintable(family));
    const QString name = names.at(qsizetype(size % size_t(names.size())));

    // A hang shows up as a slow unit cancelled here, well inside libFuzzer's -timeout.
    CancellationSource source;
    source.cancelAfter(3s);
    if (family == QLatin1String("detect")) {
        auto buffer = bufferOver(data, size);
        const Detection detection = FormatDetector::detect(*buffer, name);
        (void)detection.mimeType.name();
        return;
    }
    Result<std::unique_ptr<Document>> document
        = Viewer::load(bufferOver(data, size), name, fuzzOptions(), source.token());
    if (document)
        exercise(*document.value(), source.token());
}

} // namespace folio::fuzz

// The libFuzzer entry points, in the fuzz_FAMILY targets only (not in fuzz_replay).
#ifdef FOLIO_FUZZ_FAMILY
extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    folio::fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QString family = QStringLiteral(FOLIO_FUZZ_FAMILY);
    folio::fuzz::testOneInput(family, data, size);
    return 0;
}
#endif
