// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exportoptions.h"

#include <QStringList>

namespace folio {

class Viewer;

// Writes pages into one PDF file, DIR/<baseName>.pdf, each page at its document page's size in
// points (turned for rotation 90/270).
//
// - Documents with Capability::VectorPaint are drawn by Document::paint(): real text (selectable,
//   searchable, fonts embedded as subsets) and vector graphics; pictures at options.dpi.
// - Others (PDF input, raster images, comics) become page pictures rendered like
//   RasterExporter's (options.dpi, width/height and caps), drawn to fill the page; a document that
//   knows its word positions (TextLayout) gets an invisible text layer over them, so the copy
//   stays searchable.
// - A PDF exported whole, in order and unchanged (no rotation, watermark, render options; not
//   encrypted) is copied byte for byte instead.
// The watermark is drawn over every page as text.
class PdfExporter
{
    Q_DECLARE_TR_FUNCTIONS(folio::PdfExporter)
public:
    // `pages` are 0-based and must be known to the document; they are written in this order.
    // Progress counts pages written. All or nothing: a cancelled or failed export leaves no new
    // file. Returns the written path.
    static Result<QStringList> exportPages(Viewer &viewer, const QList<int> &pages, const QString &directory,
        const ExportOptions &options, const CancellationToken &token, const ProgressCallback &progress = {});

    // The output's file name for these options: "<baseName>.pdf", "document.pdf" without one.
    static QString fileName(const ExportOptions &options);
};

} // namespace folio
