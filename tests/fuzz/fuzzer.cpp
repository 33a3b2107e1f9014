// SPDX-License-Identifier: GPL-3.0-or-later
// One libFuzzer driver for every parser family. tests/fuzz/CMakeLists.txt builds it once per
// family with a FOLIO_FUZZ_<FAMILY> define that picks the file names the bytes are offered under;
// everything else goes through the public API (FormatDetector, Viewer::load, Document), like a
// program opening a hostile file would.
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
#include <memory>

using namespace folio;
using namespace std::chrono_literals;

namespace {

// Detection is by content and the name only refines a generic match (a ZIP is DOCX or ODT by
// name), so each target offers the bytes under its family's names. The name is picked by the
// input's length rather than by one of its bytes: the seed files then reach the parsers intact,
// and mutations that grow or shrink an input still try every name.
QStringList fileNames()
{
#if defined(FOLIO_FUZZ_DETECT)
    return {QString(), QStringLiteral("input.txt"), QStringLiteral("input.md"), QStringLiteral("input.pdf"),
        QStringLiteral("input.zip"), QStringLiteral("input.docx"), QStringLiteral("input.svg"),
        QStringLiteral("input.epub"), QStringLiteral("input.tar.gz"), QStringLiteral("input.csv")};
#elif defined(FOLIO_FUZZ_PDF)
    return {QStringLiteral("input.pdf")};
#elif defined(FOLIO_FUZZ_IMAGE)
    return {QStringLiteral("input.png"), QStringLiteral("input.jpg"), QStringLiteral("input.gif"),
        QStringLiteral("input.bmp"), QStringLiteral("input.svg"), QStringLiteral("input.webp"),
        QStringLiteral("input.tiff"), QStringLiteral("input.ico")};
#elif defined(FOLIO_FUZZ_TEXT)
    return {QStringLiteral("input.txt"), QStringLiteral("input.md"), QStringLiteral("input.log"),
        QStringLiteral("input.csv"), QStringLiteral("input.json")};
#elif defined(FOLIO_FUZZ_ARCHIVE)
    return {QStringLiteral("input.zip"), QStringLiteral("input.tar"), QStringLiteral("input.tar.gz"),
        QStringLiteral("input.7z"), QStringLiteral("input.cbz"), QStringLiteral("input.gz"), QStringLiteral("input.xz"),
        QStringLiteral("input.ar")};
#elif defined(FOLIO_FUZZ_DOCX)
    return {QStringLiteral("input.docx"), QStringLiteral("input.odt")};
#elif defined(FOLIO_FUZZ_XLSX)
    return {QStringLiteral("input.xlsx"), QStringLiteral("input.ods")};
#elif defined(FOLIO_FUZZ_PPTX)
    return {QStringLiteral("input.pptx"), QStringLiteral("input.odp")};
#elif defined(FOLIO_FUZZ_EPUB)
    return {QStringLiteral("input.epub")};
#else
#error "define FOLIO_FUZZ_<FAMILY> (see tests/fuzz/CMakeLists.txt)"
#endif
}

// Tighter than the defaults so that a valid but huge input fails a limit instead of running into
// libFuzzer's -rss_limit_mb and being reported as a crash.
[[maybe_unused]] OpenOptions fuzzOptions()
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
[[maybe_unused]] void exercise(Document &document, const CancellationToken &token)
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

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
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
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QStringList names = fileNames();
    const QString name = names.at(qsizetype(size % size_t(names.size())));

    // A hang shows up as a slow unit cancelled here, well inside libFuzzer's -timeout.
    CancellationSource source;
    source.cancelAfter(3s);

#if defined(FOLIO_FUZZ_DETECT)
    auto buffer = bufferOver(data, size);
    const Detection detection = FormatDetector::detect(*buffer, name);
    (void)detection.mimeType.name();
#else
    Result<std::unique_ptr<Document>> document
        = Viewer::load(bufferOver(data, size), name, fuzzOptions(), source.token());
    if (document)
        exercise(*document.value(), source.token());
#endif
    return 0;
}
