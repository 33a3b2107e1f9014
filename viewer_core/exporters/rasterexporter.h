// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exportoptions.h"

#include <QStringList>

namespace folio {

class Viewer;

// Renders pages to DIR/page-N.png|jpg (N from 1), all or nothing: a cancelled or failed export
// leaves no new file. Pages render in parallel; when the document cannot render from several
// threads, each worker opens its own instance through the viewer.
class RasterExporter
{
    Q_DECLARE_TR_FUNCTIONS(folio::RasterExporter)
public:
    // `pages` are 0-based and must be known to the document. Progress counts pages written.
    // Returns the written paths in page-list order.
    static Result<QStringList> exportPages(Viewer &viewer, const QList<int> &pages, const QString &directory,
        const RasterExportOptions &options, const CancellationToken &token, const ProgressCallback &progress = {});

    // The request for one page under these options (dpi from width/height when set, lowered to
    // keep within maxWidth/maxHeight).
    static RenderRequest requestFor(const Document &document, int page, const RasterExportOptions &options);
};

} // namespace folio
