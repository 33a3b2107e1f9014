// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportrequest.h"

#include "pdfexporter.h"

#include <QDir>
#include <QFileInfo>

namespace folio {

QString ExportRequest::pdfFile() const
{
    if (options.format != ExportOptions::Format::Pdf)
        return {};
    return QDir(directory).filePath(PdfExporter::fileName(options));
}

bool ExportRequest::replacesDocument() const
{
    const QFileInfo target(pdfFile());
    return !target.filePath().isEmpty() && target.exists()
        && target.canonicalFilePath() == QFileInfo(documentPath).canonicalFilePath();
}

} // namespace folio
