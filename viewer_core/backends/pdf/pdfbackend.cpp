// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder until the real backend lands.
#include "pdfbackend.h"

namespace folio {
namespace {
class Stub final : public Backend
{
public:
    QString id() const override { return QStringLiteral("pdf"); }
    QString name() const override { return QStringLiteral("Pdf"); }
    QStringList mimeTypes() const override { return {}; }
    Result<std::unique_ptr<Document>> open(OpenRequest, const CancellationToken &, const ProgressCallback &) const override
    {
        return Status(StatusCode::Unsupported, QStringLiteral("not implemented"));
    }
};
} // namespace
std::unique_ptr<Backend> createPdfBackend() { return std::make_unique<Stub>(); }
} // namespace folio
