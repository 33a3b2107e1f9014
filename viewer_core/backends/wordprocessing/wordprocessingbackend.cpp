// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/office/officebackends.h"

#include "backends/office/officepackage.h"
#include "backends/office/ooxmlrecognition.h"
#include "docxreader.h"
#include "odtreader.h"
#include "wordprocessinglogging.h"

Q_LOGGING_CATEGORY(lcWordProcessing, "folio.wordprocessing", QtInfoMsg)

namespace folio {

namespace {

const QLatin1String OdtMime("application/vnd.oasis.opendocument.text");
const QLatin1String OttMime("application/vnd.oasis.opendocument.text-template");

// DOCX and its relatives, ODT and OTT: one layout (FlowDocument), two readers.
class WordProcessingBackend final : public Backend
{
    Q_DECLARE_TR_FUNCTIONS(folio::WordProcessingBackend)
public:
    QString id() const override { return QStringLiteral("wordprocessing"); }
    QString name() const override { return tr("Word-processing documents"); }
    QStringList mimeTypes() const override
    {
        return {QStringLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            QStringLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.template"),
            QStringLiteral("application/vnd.ms-word.document.macroEnabled.12"),
            QStringLiteral("application/vnd.ms-word.template.macroEnabled.12"), OdtMime, OttMime};
    }

    Recognition recognize(const RecognitionInput &input) const override
    {
        const Recognition docx = office::recognizeOoxml(input, QStringLiteral("word/document.xml"),
            QStringLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        return docx.confidence > Recognition::No ? docx : Backend::recognize(input);
    }

    Result<std::unique_ptr<Document>> open(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &progress) const override
    {
        auto package = office::Package::open(request, tr("The document"), token);
        if (!package)
            return package.status();
        const QString mimeName = request.mimeType.name();
        const QString formatName = request.mimeType.isValid() ? request.mimeType.comment() : QString();
        // The content decides: an ODF package names itself in its mimetype entry.
        const QString odfType = (*package)->odfMimeType(token);
        const bool odf = odfType.startsWith(OdtMime) || mimeName == OdtMime || mimeName == OttMime
            || (!(*package)->contains(QStringLiteral("[Content_Types].xml"))
                && (*package)->contains(QStringLiteral("content.xml")));
        if (odf) {
            const QString type = odfType.isEmpty() ? QString(OdtMime) : odfType;
            return wordprocessing::odt::OdtReader::open(std::move(*package),
                formatName.isEmpty() ? tr("OpenDocument text") : formatName, type, request.limits, request.options,
                token, progress);
        }
        const QString type = mimeName.isEmpty() || mimeName == QLatin1String("application/zip")
            ? QStringLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            : mimeName;
        return wordprocessing::docx::DocxReader::open(std::move(*package),
            formatName.isEmpty() ? tr("Word document") : formatName, type, request.limits, request.options, token,
            progress);
    }
};

} // namespace

std::unique_ptr<Backend> createWordProcessingBackend()
{
    return std::make_unique<WordProcessingBackend>();
}

} // namespace folio
