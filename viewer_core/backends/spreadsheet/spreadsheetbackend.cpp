// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/office/officebackends.h"

namespace folio {

namespace {

// Placeholder until the readers land: names the family, opens nothing.
class SpreadsheetBackend final : public Backend
{
    Q_DECLARE_TR_FUNCTIONS(folio::SpreadsheetBackend)
public:
    QString id() const override { return QStringLiteral("spreadsheet"); }
    QString name() const override { return QStringLiteral("Spreadsheet"); }
    QStringList mimeTypes() const override { return {}; }
    Result<std::unique_ptr<Document>> open(OpenRequest, const CancellationToken &, const ProgressCallback &) const override
    {
        return Status(StatusCode::Unsupported, tr("Not implemented yet"));
    }
};

} // namespace

std::unique_ptr<Backend> createSpreadsheetBackend()
{
    return std::make_unique<SpreadsheetBackend>();
}

} // namespace folio
