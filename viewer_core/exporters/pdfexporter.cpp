// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfexporter.h"

namespace folio {

Result<QStringList> PdfExporter::exportPages(Viewer &, const QList<int> &, const QString &, const ExportOptions &,
    const CancellationToken &, const ProgressCallback &)
{
    return Status(StatusCode::Unsupported, tr("Pdf export is not written yet"));
}

} // namespace folio
