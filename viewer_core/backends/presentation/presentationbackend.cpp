// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/office/officebackends.h"
#include "backends/office/ooxmlrecognition.h"
#include "presentationdocument.h"

namespace folio {

namespace {

// PowerPoint (PPTX, PPSX, POTX, PPTM) and OpenDocument (ODP, OTP) presentations.
class PresentationBackend final : public Backend
{
    Q_DECLARE_TR_FUNCTIONS(folio::PresentationBackend)
public:
    QString id() const override { return QStringLiteral("presentation"); }
    QString name() const override { return tr("Presentations"); }
    QStringList mimeTypes() const override
    {
        return {QStringLiteral("application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            QStringLiteral("application/vnd.openxmlformats-officedocument.presentationml.slideshow"),
            QStringLiteral("application/vnd.openxmlformats-officedocument.presentationml.template"),
            QStringLiteral("application/vnd.ms-powerpoint.presentation.macroEnabled.12"),
            QStringLiteral("application/vnd.oasis.opendocument.presentation"),
            QStringLiteral("application/vnd.oasis.opendocument.presentation-template")};
    }

    Recognition recognize(const RecognitionInput &input) const override
    {
        const Recognition pptx = office::recognizeOoxml(input, QStringLiteral("ppt/presentation.xml"),
            QStringLiteral("application/vnd.openxmlformats-officedocument.presentationml.presentation"));
        return pptx.confidence > Recognition::No ? pptx : Backend::recognize(input);
    }

    Result<std::unique_ptr<Document>> open(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &progress) const override
    {
        return presentation::PresentationDocument::open(std::move(request), token, progress);
    }
};

} // namespace

std::unique_ptr<Backend> createPresentationBackend()
{
    return std::make_unique<PresentationBackend>();
}

} // namespace folio
