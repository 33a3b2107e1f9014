// SPDX-License-Identifier: GPL-3.0-or-later
#include "exporter.h"

#include "htmlexporter.h"
#include "pdfexporter.h"
#include "rasterexporter.h"
#include "viewer.h"

namespace folio {

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
