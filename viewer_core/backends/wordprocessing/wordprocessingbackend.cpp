// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/office/officebackends.h"

namespace folio {

namespace {

// Placeholder until the readers land: names the family, opens nothing.
class WordProcessingBackend final : public Backend
{
    Q_DECLARE_TR_FUNCTIONS(folio::WordProcessingBackend)
public:
    QString id() const override { return QStringLiteral("wordprocessing"); }
    QString name() const override { return QStringLiteral("WordProcessing"); }
    QStringList mimeTypes() const override { return {}; }
    Result<std::unique_ptr<Document>> open(OpenRequest, const CancellationToken &, const ProgressCallback &) const override
    {
        return Status(StatusCode::Unsupported, tr("Not implemented yet"));
    }
};

} // namespace

std::unique_ptr<Backend> createWordProcessingBackend()
{
    return std::make_unique<WordProcessingBackend>();
}

} // namespace folio
