// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfbackend.h"

#include "pdfdocument.h"

namespace folio {
namespace {

class PdfBackend final : public Backend
{
public:
    QString id() const override { return QStringLiteral("pdf"); }
    QString name() const override { return QStringLiteral("PDF"); }
    QStringList mimeTypes() const override { return {QStringLiteral("application/pdf")}; }
    Result<std::unique_ptr<Document>> open(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &progress) const override
    {
        return PdfDocument::open(std::move(request), token, progress);
    }
};

} // namespace

std::unique_ptr<Backend> createPdfBackend()
{
    return std::make_unique<PdfBackend>();
}

} // namespace folio
