// SPDX-License-Identifier: GPL-3.0-or-later
#include "rasterexporter.h"

#include "exporter.h"
#include "logging.h"
#include "stagedoutput.h"
#include "viewer.h"

#include <QDir>
#include <QFile>
#include <QImageWriter>
#include <QPainter>

#include <atomic>
#include <mutex>
#include <thread>

namespace folio {

RenderRequest RasterExporter::requestFor(const Document &document, int page, const RasterExportOptions &options)
{
    RenderRequest request;
    request.rotation = options.rotation;
    request.background = options.background;
    request.colors = options.colors;
    request.options = options.renderOptions;
    request.dpi = options.dpi;
    QSizeF size = document.pageSize(page);
    if (options.rotation % 180 != 0)
        size.transpose();
    if (options.width > 0 && options.height > 0)
        request.dpi = std::min(
            RenderRequest::dpiForWidth(size, options.width), RenderRequest::dpiForHeight(size, options.height));
    else if (options.width > 0)
        request.dpi = RenderRequest::dpiForWidth(size, options.width);
    else if (options.height > 0)
        request.dpi = RenderRequest::dpiForHeight(size, options.height);
    if (options.maxWidth > 0 && size.width() * request.dpi / 72 > options.maxWidth)
        request.dpi = RenderRequest::dpiForWidth(size, options.maxWidth);
    if (options.maxHeight > 0 && size.height() * request.dpi / 72 > options.maxHeight)
        request.dpi = RenderRequest::dpiForHeight(size, options.maxHeight);
    return request;
}

namespace {

// Shared state of one export run. Workers take pages from `next`; the first failure wins and
// stops the others through `stop`.
struct ExportRun
{
    ExportRun(const QList<int> &pages, const RasterExportOptions &options, StagedOutput &output,
        const ProgressCallback &progress, const CancellationToken &token)
        : pages(pages)
        , options(options)
        , output(output)
        , progress(progress)
        , stop(token)
    { }

    const QList<int> &pages;
    const RasterExportOptions &options;
    StagedOutput &output;
    const ProgressCallback &progress;
    CancellationSource stop;
    std::atomic<int> next {0};
    std::atomic<int> done {0};
    std::mutex errorMutex;
    Status error;

    void fail(const Status &status)
    {
        {
            std::lock_guard lock(errorMutex);
            if (error.isOk())
                error = status;
        }
        stop.cancel(CancelReason::Superseded);
    }

    QImage prepare(QImage image) const
    {
        // Opaque pages encode faster and smaller as 24-bit RGB.
        if (options.background.alpha() == 255 || options.format == RasterExportOptions::Format::Jpeg)
            return image.convertToFormat(QImage::Format_RGB888);
        return image;
    }

    void work(Document &document)
    {
        const CancellationToken token = stop.token();
        for (;;) {
            const int slot = next.fetch_add(1);
            if (slot >= pages.size() || token.isCancelled())
                return;
            const int page = pages[slot];
            const RenderRequest request = RasterExporter::requestFor(document, page, options);
            Result<QImage> image = document.render(page, request, token);
            if (!image) {
                fail(image.status()); // its message names the page
                return;
            }
            if (!options.watermark.isEmpty()) {
                QPainter painter(&image.value());
                painter.setRenderHint(QPainter::Antialiasing);
                painter.setRenderHint(QPainter::TextAntialiasing);
                painter.scale(request.dpi / 72.0, request.dpi / 72.0);
                paintWatermark(painter, QSizeF(image->size()) * (72.0 / request.dpi), options.watermark);
            }
            const QString name = QStringLiteral("page-%1.%2").arg(page + 1).arg(options.extension());
            auto file = output.stage(name);
            if (!file) {
                fail(file.status());
                return;
            }
            QImageWriter writer(file.value(), options.format == RasterExportOptions::Format::Png ? "png" : "jpeg");
            // For PNG, Qt's "quality" picks the zlib level: 80 encodes pages 1.4–2.5 times faster
            // than the default at about the same size (zlib was 43% of a text page's export).
            if (options.format == RasterExportOptions::Format::Jpeg)
                writer.setQuality(options.quality > 0 ? options.quality : 90);
            else
                writer.setQuality(80);
            if (!writer.write(prepare(std::move(image).value()))) {
                fail(Status(
                    StatusCode::IoError, RasterExporter::tr("Cannot write %1: %2").arg(name, writer.errorString())));
                return;
            }
            file.value()->close();
            const int finished = done.fetch_add(1) + 1;
            if (progress)
                progress(finished, pages.size());
        }
    }
};

} // namespace

Result<QStringList> RasterExporter::exportPages(Viewer &viewer, const QList<int> &pages, const QString &directory,
    const RasterExportOptions &options, const CancellationToken &token, const ProgressCallback &progress)
{
    const auto checked = Exporter::checkRequest(viewer, pages);
    if (!checked)
        return checked.status();
    Document *document = checked.value();
    StagedOutput output;
    if (Status s = output.prepare(directory); !s)
        return s;

    ExportRun run(pages, options, output, progress, token);
    int threads = options.threads > 0 ? options.threads : int(std::max(1u, std::thread::hardware_concurrency()));
    threads = std::min<int>(threads, int(pages.size()));
    // Streaming documents would have to re-read everything per instance: not worth it.
    if (document->capabilities().testFlag(Capability::StreamingPages))
        threads = 1;
    const bool shared = document->capabilities().testFlag(Capability::ThreadSafeRender);
    qCDebug(lcExport) << "exporting" << pages.size() << "pages with" << threads << "threads"
                      << (shared ? "(shared document)" : "(one instance per worker)");

    std::vector<std::thread> workers;
    for (int i = 1; i < threads; ++i) {
        workers.emplace_back([&run, &viewer, document, shared] {
            if (shared) {
                run.work(*document);
                return;
            }
            auto instance = viewer.openInstance(run.stop.token());
            if (!instance) {
                // Not fatal: the other workers carry on with the pages.
                qCDebug(lcExport) << "no extra instance:" << instance.status().message();
                return;
            }
            run.work(*instance.value());
        });
    }
    run.work(*document);
    for (std::thread &worker : workers)
        worker.join();

    if (token.isCancelled())
        return Status::fromToken(token);
    if (!run.error.isOk())
        return run.error;
    auto written = output.commit();
    if (!written)
        return written.status();
    // Paths in the order pages were asked for.
    QStringList ordered;
    for (int page : pages)
        ordered.append(
            QDir(output.directory()).filePath(QStringLiteral("page-%1.%2").arg(page + 1).arg(options.extension())));
    return ordered;
}

} // namespace folio
