// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exportoptions.h"

#include <QStringList>

namespace folio {

class Viewer;

class HtmlExporter
{
    Q_DECLARE_TR_FUNCTIONS(folio::HtmlExporter)
public:
    // `pages` are 0-based and must be known to the document. Progress counts pages written.
    // All or nothing: a cancelled or failed export leaves no new file. Returns the written paths.
    static Result<QStringList> exportPages(Viewer &viewer, const QList<int> &pages, const QString &directory,
        const ExportOptions &options, const CancellationToken &token, const ProgressCallback &progress = {});
};

} // namespace folio
