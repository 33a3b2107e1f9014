// SPDX-License-Identifier: GPL-3.0-or-later
#include "exporter.h"

#include "htmlexporter.h"
#include "pagelist.h"
#include "pdfexporter.h"
#include "rasterexporter.h"
#include "viewer.h"

#include <QDir>

namespace folio {

Result<ExportResult> Exporter::exportDocument(
    const ExportRequest &request, const CancellationToken &token, const ExportProgress &progress)
{
    const auto list = PageList::parseOrAll(request.pages);
    if (!list)
        return list.status();
    if (Status target = checkTarget(request); !target)
        return target;
    if (request.documentStamp.exists) {
        const QString name = request.open.displayName.isEmpty() ? QDir::toNativeSeparators(request.documentPath)
                                                                : request.open.displayName;
        if (Status same = request.documentStamp.verify(request.documentPath, name); !same)
            return same;
    }

    Viewer viewer;
    if (Status status = viewer.open(request.documentPath, request.open, token, progress.opening); !status)
        return status;
    const auto pages = list->select(viewer, token, progress.reading);
    if (!pages)
        return pages.status();
    if (progress.writing)
        progress.writing(0, pages->size());
    // The view options the document was opened with shape its pages: the export draws them too.
    ExportOptions options = request.options;
    options.renderOptions |= request.open.renderOptions;
    auto written = exportPages(viewer, pages.value(), request.directory, options, token, progress.writing);
    if (!written)
        return written.status().withFile(viewer.fileName());
    return ExportResult {std::move(written).value(), int(pages->size())};
}

Status Exporter::checkTarget(const ExportRequest &request)
{
    // Renaming the export over the document would destroy what it is made from.
    if (request.replacesDocument())
        return Status(StatusCode::InvalidArgument,
            tr("%1 would replace the document itself").arg(QDir::toNativeSeparators(request.pdfFile())));
    return {};
}

Result<Document *> Exporter::checkRequest(const Viewer &viewer, const QList<int> &pages)
{
    Document *document = viewer.document();
    if (!document)
        return Status(StatusCode::InvalidArgument, tr("No document is open"));
    if (pages.isEmpty())
        return Status(StatusCode::InvalidArgument, tr("No pages to export"));
    for (int page : pages) {
        if (page < 0 || page >= document->pageCount())
            return Status(StatusCode::InvalidArgument, tr("Page %1 does not exist").arg(page + 1));
    }
    return document;
}

Result<QStringList> Exporter::exportPages(Viewer &viewer, const QList<int> &pages, const QString &directory,
    const ExportOptions &options, const CancellationToken &token, const ProgressCallback &progress)
{
    switch (options.format) {
    case ExportOptions::Format::Png:
    case ExportOptions::Format::Jpeg:
        return RasterExporter::exportPages(viewer, pages, directory, options, token, progress);
    case ExportOptions::Format::Html:
        return HtmlExporter::exportPages(viewer, pages, directory, options, token, progress);
    case ExportOptions::Format::Pdf:
        return PdfExporter::exportPages(viewer, pages, directory, options, token, progress);
    }
    return Status(StatusCode::InvalidArgument, QStringLiteral("unknown export format"));
}

} // namespace folio
