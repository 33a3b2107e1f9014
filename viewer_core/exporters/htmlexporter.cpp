// SPDX-License-Identifier: GPL-3.0-or-later
#include "htmlexporter.h"

namespace folio {

Result<QStringList> HtmlExporter::exportPages(Viewer &, const QList<int> &, const QString &, const ExportOptions &,
    const CancellationToken &, const ProgressCallback &)
{
    return Status(StatusCode::Unsupported, tr("Html export is not written yet"));
}

} // namespace folio
