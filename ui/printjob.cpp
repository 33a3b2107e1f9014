// SPDX-License-Identifier: GPL-3.0-or-later
#include "printjob.h"

#include "exporters/stagedoutput.h"
#include "jobrunner.h"
#include "logging.h"
#include "shareddocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibrary>
#include <QPainter>
#include <QPrintEngine>
#include <QPrinter>
#include <QTemporaryFile>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace folio {

namespace {

// Pages a streaming document reads per hold of its gate while "every page" is resolved, so the
// view's renders get their turn in between.
constexpr int ReadChunk = 256;
// Pictures inside vector pages (a DOCX's photographs) are decoded at most at this resolution.
constexpr double MaxPictureDpi = 300;
// A preview picture is never sharper than this: it is looked at on a screen.
constexpr double MaxPreviewDpi = 150;

// The resolution at which a page of `size` points holds at most `maxPixels` pixels.
double dpiForPixels(QSizeF size, qint64 maxPixels)
{
    const double area = size.width() * size.height();
    if (area <= 0 || maxPixels <= 0)
        return 72;
    return 72.0 * std::sqrt(double(maxPixels) / area);
}

// `page` made known (a streaming document reads on as far as it) and checked. Under the gate.
Status checkPage(Document &document, int page, const CancellationToken &token)
{
    if (page >= document.pageCount() && !document.isPageCountFinal()) {
        if (Status status = document.ensurePages(page + 1, token); !status)
            return status;
    }
    if (page < 0 || page >= document.pageCount())
        return {StatusCode::InvalidArgument, PrintJob::tr("Page %1 does not exist").arg(page + 1)};
    return {};
}

// Every page of the document, a streaming one read to its end a chunk per hold of the gate.
Result<QList<int>> everyPage(SharedDocument &shared, const CancellationToken &token)
{
    int count = 0;
    for (;;) {
        const DocumentGate::Lock lock = shared.gate().acquire(token);
        if (!lock)
            return Status::fromToken(token);
        Document &document = shared.document();
        const int known = document.pageCount();
        if (document.isPageCountFinal()) {
            count = known;
            break;
        }
        if (Status status = document.ensurePages(known + ReadChunk, token); !status)
            return status;
        // No progress and not final: the backend cannot say more (as DocumentView does).
        if (document.pageCount() == known) {
            count = known;
            break;
        }
    }
    QList<int> pages;
    pages.reserve(count);
    for (int i = 0; i < count; ++i)
        pages.append(i);
    return pages;
}

// The pages in the order they come out of the printer, with the copies Folio makes itself where
// the printer cannot (Qt's PDF output): collated, the whole run again; otherwise each page again.
QList<int> sheetOrder(QList<int> pages, const QPrinter &printer)
{
    if (printer.pageOrder() == QPrinter::LastPageFirst)
        std::reverse(pages.begin(), pages.end());
    const int copies = printer.supportsMultipleCopies() ? 1 : std::max(1, printer.copyCount());
    if (copies == 1)
        return pages;
    QList<int> sheets;
    sheets.reserve(pages.size() * copies);
    if (printer.collateCopies()) {
        for (int copy = 0; copy < copies; ++copy)
            sheets.append(pages);
    } else {
        for (const int page : std::as_const(pages)) {
            for (int copy = 0; copy < copies; ++copy)
                sheets.append(page);
        }
    }
    return sheets;
}

#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
// Qt's CUPS engine keeps the options of its print dialog's "Properties" under this private key
// (qcups_p.h, PPK_CupsOptions): name/value pairs to pass to cupsPrintFile().
constexpr auto CupsOptionsKey = QPrintEngine::PrintEnginePropertyKey(0xfe00);

// libcups' cups_option_t.
struct CupsOption
{
    char *name;
    char *value;
};
using CupsPrintFile = int (*)(const char *, const char *, const char *, int, CupsOption *);
using CupsLastErrorString = const char *(*)();

// Hands a spooled job to CUPS with the options Qt's own engine would have given it (media,
// copies, collation, sides, orientation and the dialog's printer properties). libcups is loaded
// at run time: Qt's CUPS plugin has loaded it already wherever there are printers to print on.
Status submitToCups(QPrinter &printer, const QString &spoolFile)
{
    QLibrary cups(QStringLiteral("cups"), 2);
    const auto printFile = reinterpret_cast<CupsPrintFile>(cups.resolve("cupsPrintFile"));
    const auto lastError = reinterpret_cast<CupsLastErrorString>(cups.resolve("cupsLastErrorString"));
    if (!printFile)
        return {
            StatusCode::IoError, PrintJob::tr("Cannot reach the printing system (CUPS): %1").arg(cups.errorString())};

    std::vector<std::pair<QByteArray, QByteArray>> options;
    const QPageLayout layout = printer.pageLayout();
    options.emplace_back("media", layout.pageSize().key().toLocal8Bit());
    if (printer.copyCount() > 1) {
        options.emplace_back("copies", QByteArray::number(printer.copyCount()));
        if (printer.collateCopies())
            options.emplace_back("Collate", "True");
    }
    switch (printer.duplex()) {
    case QPrinter::DuplexNone:
        options.emplace_back("sides", "one-sided");
        break;
    case QPrinter::DuplexAuto:
        options.emplace_back(
            "sides", layout.orientation() == QPageLayout::Portrait ? "two-sided-long-edge" : "two-sided-short-edge");
        break;
    case QPrinter::DuplexLongSide:
        options.emplace_back("sides", "two-sided-long-edge");
        break;
    case QPrinter::DuplexShortSide:
        options.emplace_back("sides", "two-sided-short-edge");
        break;
    }
    if (layout.orientation() == QPageLayout::Landscape)
        options.emplace_back("landscape", "");
    const QStringList properties = printer.printEngine()->property(CupsOptionsKey).toStringList();
    for (qsizetype i = 0; i + 1 < properties.size(); i += 2)
        options.emplace_back(properties[i].toLocal8Bit(), properties[i + 1].toLocal8Bit());

    std::vector<CupsOption> raw;
    raw.reserve(options.size());
    for (auto &[name, value] : options)
        raw.push_back({name.data(), value.data()});
    // The queue's name without an instance ("printer/duplex" is printer's instance "duplex").
    const QByteArray queue = printer.printerName().section(QLatin1Char('/'), 0, 0).toLocal8Bit();
    const int job = printFile(queue.constData(), QFile::encodeName(spoolFile).constData(),
        printer.docName().toLocal8Bit().constData(), int(raw.size()), raw.data());
    if (job == 0)
        return {StatusCode::IoError,
            PrintJob::tr("The printer %1 refused the job: %2")
                .arg(printer.printerName(), lastError ? QString::fromLocal8Bit(lastError()) : QString())};
    qCDebug(lcExport) << "print job" << job << "queued on" << printer.printerName();
    return {};
}
#endif

// Where the printed bytes go until the job is complete, and what happens to them then. Changes
// the printer's resolution (to 72 dpi, see open()) and output file name; the destructor puts
// both back, so it must outlive the painter.
class PrintOutput
{
public:
    explicit PrintOutput(QPrinter &printer)
        : m_printer(printer)
        , m_resolution(printer.resolution())
        , m_fileName(printer.outputFileName())
    { }
    ~PrintOutput()
    {
        // Only what changed: setting a name also sets the output format (PDF for "*.pdf").
        if (m_printer.outputFileName() != m_fileName)
            m_printer.setOutputFileName(m_fileName);
        if (m_printer.resolution() != m_resolution)
            m_printer.setResolution(m_resolution);
    }
    PrintOutput(const PrintOutput &) = delete;
    PrintOutput &operator=(const PrintOutput &) = delete;

    // The resolution the printer had: the one its pictures are printed at.
    int deviceResolution() const { return m_resolution; }
    // True when QPrinter::abort() is what keeps a stopped job off the printer.
    bool abortsDirectly() const { return m_kind == Kind::Direct; }

    Status open()
    {
        // One device unit per point while painting: Document::paint() wants fonts sized in
        // points to come out at their size, as on the 72 dpi devices it renders pages with.
        // Qt's PDF, CUPS, Windows and macOS engines scale their output to the real resolution.
        m_printer.setResolution(72);
        if (!m_fileName.isEmpty())
            return stageFile();
        if (m_printer.outputFormat() == QPrinter::PdfFormat)
            return {StatusCode::InvalidArgument, PrintJob::tr("No file to print to was given")};
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
        return spool();
#else
        m_kind = Kind::Direct;
        return {};
#endif
    }

    // After the painter ended without a failure: the output becomes the real one.
    Status commit()
    {
        switch (m_kind) {
        case Kind::File: {
            auto written = m_staged->commit();
            return written ? Status() : written.status();
        }
        case Kind::Spool:
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
            return submitToCups(m_printer, m_spool->fileName());
#else
            return {};
#endif
        case Kind::Direct:
            return {};
        }
        return {};
    }

private:
    enum class Kind { File, Spool, Direct };

    // The file is written under a hidden temporary name next to it and renamed by commit().
    Status stageFile()
    {
        m_kind = Kind::File;
        const QFileInfo target(m_fileName);
        m_staged = std::make_unique<StagedOutput>();
        if (Status status = m_staged->prepare(target.absolutePath()); !status)
            return status;
        auto file = m_staged->stage(target.fileName());
        if (!file)
            return file.status();
        file.value()->close(); // the print engine opens it again by name
        // Not a ".pdf" name: QPrinter keeps its output format.
        m_printer.setOutputFileName(file.value()->fileName());
        return {};
    }

#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    // Qt's CUPS engine writes into a file it is given instead of sending the job on; commit()
    // sends it. Not a ".pdf" name, so the printer stays a CUPS printer (its paper and margins).
    Status spool()
    {
        m_kind = Kind::Spool;
        if (m_printer.printerName().isEmpty())
            return {StatusCode::InvalidArgument, PrintJob::tr("No printer was chosen")};
        m_spool = std::make_unique<QTemporaryFile>(QDir::temp().filePath(QStringLiteral("folio-print-XXXXXX.spool")));
        if (!m_spool->open())
            return {StatusCode::IoError,
                PrintJob::tr("Cannot create a temporary file to print: %1").arg(m_spool->errorString())};
        m_spool->close();
        m_printer.setOutputFileName(m_spool->fileName());
        return {};
    }
#endif

    QPrinter &m_printer;
    const int m_resolution;
    const QString m_fileName;
    Kind m_kind = Kind::Direct;
    std::unique_ptr<StagedOutput> m_staged; // removes an uncommitted file when destroyed
    std::unique_ptr<QTemporaryFile> m_spool; // removed when destroyed
};

// Draws pages of one document on a painter in points whose origin is the printable area's top left.
class PageDrawer
{
public:
    PageDrawer(SharedDocument &document, QPainter &painter, QRectF area, const PrintOptions &options, double deviceDpi,
        const CancellationToken &token)
        : m_document(document)
        , m_painter(painter)
        , m_area(area)
        , m_options(options)
        , m_deviceDpi(deviceDpi)
        , m_token(token)
    { }

    Status draw(int page)
    {
        DocumentGate::Lock lock = m_document.gate().acquire(m_token);
        if (!lock)
            return Status::fromToken(m_token);
        Document &document = m_document.document();
        if (Status status = checkPage(document, page, m_token); !status)
            return status;
        const QSizeF size = document.pageSize(page);
        const PagePlacement placement = placePage(size, m_area, m_options);
        const double dpi = m_deviceDpi * placement.scale;
        const bool vector = document.capabilities().testFlag(Capability::VectorPaint);
        const bool lossless = document.capabilities().testFlag(Capability::TextLayout);

        if (!vector && page != m_cachedPage) {
            // A picture at the printer's resolution, within the budget and the document's limits.
            RenderRequest request;
            const qint64 budget = std::min(m_options.maxPagePixels, document.limits().maxImagePixels());
            request.dpi = std::min(dpi, dpiForPixels(size, budget));
            Result<QImage> image = document.render(page, request, m_token);
            if (!image)
                return image.status().withPage(page);
            lock.release(); // the drawing needs the picture only
            // The page's background is opaque: no soft mask in the output.
            m_cached = image->hasAlphaChannel() ? image->convertToFormat(QImage::Format_RGB32) : *image;
            m_cachedPage = page;
        }

        m_painter.save();
        m_painter.translate(m_area.topLeft());
        m_painter.setTransform(placement.transform, true);
        m_painter.setClipRect(QRectF(QPointF(0, 0), size));
        Status status;
        if (vector) {
            RenderRequest request;
            request.dpi = std::min(dpi, MaxPictureDpi);
            status = document.paint(page, m_painter, request, m_token);
        } else {
            // Qt stores pictures as JPEG unless told otherwise: fine for photographs and comics,
            // but text pages (PDF) keep their sharp edges only when stored losslessly.
            m_painter.setRenderHint(QPainter::LosslessImageRendering, lossless);
            m_painter.drawImage(QRectF(QPointF(0, 0), size), m_cached);
        }
        m_painter.restore();
        return status ? status : status.withPage(page);
    }

private:
    SharedDocument &m_document;
    QPainter &m_painter;
    const QRectF m_area;
    const PrintOptions &m_options;
    const double m_deviceDpi;
    const CancellationToken &m_token;
    // The last page's picture: uncollated copies print it again.
    QImage m_cached;
    int m_cachedPage = -1;
};

// Paints `sheets` on the printer. On failure or cancellation the job is aborted where the
// engine can (QPrinter::abort()); the caller discards the output elsewhere.
Status paintSheets(SharedDocument &document, QPrinter &printer, const QList<int> &sheets, const PrintOptions &options,
    const PrintOutput &output, const CancellationToken &token, const ProgressCallback &progress)
{
    QPainter painter;
    if (!painter.begin(&printer))
        return {StatusCode::IoError,
            PrintJob::tr("Cannot start printing on %1")
                .arg(printer.outputFileName().isEmpty() ? printer.printerName()
                                                        : QDir::toNativeSeparators(printer.outputFileName()))};
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    painter.scale(printer.resolution() / 72.0, printer.resolution() / 72.0);
    PageDrawer drawer(document, painter, PrintJob::printableArea(printer), options, output.deviceResolution(), token);
    Status status;
    for (qsizetype i = 0; i < sheets.size(); ++i) {
        if (token.isCancelled()) {
            status = Status::fromToken(token);
            break;
        }
        if (i > 0 && !printer.newPage()) {
            status = Status(StatusCode::IoError, PrintJob::tr("The printer did not take page %1").arg(sheets[i] + 1));
            break;
        }
        status = drawer.draw(sheets[i]);
        if (!status)
            break;
        if (progress)
            progress(i + 1, sheets.size());
    }
    if (token.isCancelled())
        status = Status::fromToken(token);
    if (!status && output.abortsDirectly())
        printer.abort();
    const bool ended = painter.end();
    if (status && (!ended || printer.printerState() == QPrinter::Error))
        status = Status(StatusCode::IoError, PrintJob::tr("The print job could not be completed"));
    return status;
}

} // namespace

PagePlacement placePage(QSizeF pageSize, QRectF area, const PrintOptions &options)
{
    PagePlacement placement;
    if (pageSize.isEmpty() || area.isEmpty())
        return placement;
    const bool pageLandscape = pageSize.width() > pageSize.height();
    const bool areaLandscape = area.width() > area.height();
    placement.rotated = options.autoRotate && pageLandscape != areaLandscape;
    const QSizeF turned = placement.rotated ? pageSize.transposed() : pageSize;
    const double fit = std::min(area.width() / turned.width(), area.height() / turned.height());
    switch (options.scaling) {
    case PrintOptions::Scaling::FitToPage:
        placement.scale = fit;
        break;
    case PrintOptions::Scaling::ShrinkOversized:
        placement.scale = std::min(1.0, fit);
        break;
    case PrintOptions::Scaling::ActualSize:
        placement.scale = 1.0;
        break;
    }
    // Centred in the area; a turned page's top left corner ends at the bottom left.
    const QSizeF placed = turned * placement.scale;
    QTransform transform;
    transform.translate((area.width() - placed.width()) / 2, (area.height() - placed.height()) / 2);
    if (placement.rotated) {
        transform.translate(0, placed.height());
        transform.rotate(-90);
    }
    transform.scale(placement.scale, placement.scale);
    placement.transform = transform;
    return placement;
}

QRectF PrintJob::printableArea(const QPrinter &printer)
{
    if (printer.fullPage())
        return printer.paperRect(QPrinter::Point);
    return QRectF(QPointF(0, 0), printer.pageRect(QPrinter::Point).size());
}

Status PrintJob::print(SharedDocument &document, QPrinter &printer, const PrintOptions &options,
    const CancellationToken &token, const ProgressCallback &progress)
{
    if (token.isCancelled())
        return Status::fromToken(token);
    QList<int> pages = options.pages;
    if (pages.isEmpty()) {
        auto every = everyPage(document, token);
        if (!every)
            return every.status();
        pages = std::move(every).value();
    }
    if (pages.isEmpty())
        return {StatusCode::InvalidArgument, tr("There are no pages to print")};
    const QList<int> sheets = sheetOrder(pages, printer);
    if (progress)
        progress(0, sheets.size());

    PrintOutput output(printer); // before the painter: it puts the printer back once that ended
    if (Status status = output.open(); !status)
        return status;
    qCDebug(lcExport) << "printing" << sheets.size() << "sheets at" << output.deviceResolution() << "dpi to"
                      << (printer.outputFileName().isEmpty() ? printer.printerName() : printer.outputFileName());
    if (Status status = paintSheets(document, printer, sheets, options, output, token, progress); !status)
        return status;
    if (token.isCancelled()) // the last moment to stop it: nothing has left yet
        return Status::fromToken(token);
    return output.commit();
}

Job *PrintJob::start(JobRunner &jobs, std::shared_ptr<SharedDocument> document, std::shared_ptr<QPrinter> printer,
    const PrintOptions &options, const QString &fileName)
{
    JobOptions job;
    job.operation = tr("Printing");
    job.fileName = fileName;
    job.unit = ProgressUnit::Pages;
    return jobs.run(job,
        [document = std::move(document), printer = std::move(printer), options](const CancellationToken &token,
            const ProgressCallback &progress) { return print(*document, *printer, options, token, progress); });
}

Result<QList<PrintJob::PreviewPage>> PrintJob::previewPages(SharedDocument &shared, const QList<int> &pages,
    qint64 maxPixels, const CancellationToken &token, const ProgressCallback &progress)
{
    QList<PreviewPage> result;
    result.reserve(pages.size());
    for (qsizetype i = 0; i < pages.size(); ++i) {
        const DocumentGate::Lock lock = shared.gate().acquire(token);
        if (!lock)
            return Status::fromToken(token);
        Document &document = shared.document();
        if (Status status = checkPage(document, pages[i], token); !status)
            return status;
        PreviewPage page;
        page.size = document.pageSize(pages[i]);
        RenderRequest request;
        const qint64 budget = std::min(maxPixels, document.limits().maxImagePixels());
        request.dpi = std::min(MaxPreviewDpi, dpiForPixels(page.size, budget));
        Result<QImage> image = document.render(pages[i], request, token);
        if (!image)
            return image.status().withPage(pages[i]);
        page.picture = image->hasAlphaChannel() ? image->convertToFormat(QImage::Format_RGB32) : *image;
        result.append(std::move(page));
        if (progress)
            progress(i + 1, pages.size());
    }
    return result;
}

void PrintJob::paintPreview(QPrinter &printer, const QList<PreviewPage> &pages, const PrintOptions &options)
{
    QPainter painter;
    if (!painter.begin(&printer))
        return;
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.scale(printer.resolution() / 72.0, printer.resolution() / 72.0);
    const QRectF area = printableArea(printer);
    for (qsizetype i = 0; i < pages.size(); ++i) {
        if (i > 0)
            printer.newPage();
        const PagePlacement placement = placePage(pages[i].size, area, options);
        painter.save();
        painter.translate(area.topLeft());
        painter.setTransform(placement.transform, true);
        painter.setClipRect(QRectF(QPointF(0, 0), pages[i].size));
        painter.drawImage(QRectF(QPointF(0, 0), pages[i].size), pages[i].picture);
        painter.restore();
    }
}

} // namespace folio
