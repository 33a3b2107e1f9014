// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QStringList>

namespace folio {

class Viewer;

struct RasterExportOptions
{
    enum class Format { Png, Jpeg };
    Format format = Format::Png;
    int quality = -1; // JPEG 1..100, -1 = 90; ignored for PNG
    double dpi = 150; // used unless width or height is set
    int width = 0; // output width in pixels, aspect kept
    int height = 0; // output height in pixels, aspect kept
    int threads = 0; // 0 = one per core
    int rotation = 0; // clockwise degrees, multiple of 90
    RenderOptions renderOptions = RenderOption::None;
    QColor background = Qt::white;

    QString extension() const { return format == Format::Png ? QStringLiteral("png") : QStringLiteral("jpg"); }
};

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

    // The request for one page under these options (dpi from width/height when set).
    static RenderRequest requestFor(const Document &document, int page, const RasterExportOptions &options);
};

} // namespace folio
