// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/office/officebackends.h"

namespace folio {

namespace {

// Placeholder until the readers land: names the family, opens nothing.
class PresentationBackend final : public Backend
{
    Q_DECLARE_TR_FUNCTIONS(folio::PresentationBackend)
public:
    QString id() const override { return QStringLiteral("presentation"); }
    QString name() const override { return QStringLiteral("Presentation"); }
    QStringList mimeTypes() const override { return {}; }
    Result<std::unique_ptr<Document>> open(OpenRequest, const CancellationToken &, const ProgressCallback &) const override
    {
        return Status(StatusCode::Unsupported, tr("Not implemented yet"));
    }
};

} // namespace

std::unique_ptr<Backend> createPresentationBackend()
{
    return std::make_unique<PresentationBackend>();
}

} // namespace folio
