// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/office/officebackends.h"

#include "odsreader.h"
#include "sheetdocument.h"
#include "xlsxreader.h"

#include "backends/office/officepackage.h"
#include "backends/office/ooxmlrecognition.h"

namespace folio {

namespace {

const QLatin1String OdsType("application/vnd.oasis.opendocument.spreadsheet");
const QLatin1String OtsType("application/vnd.oasis.opendocument.spreadsheet-template");

class SpreadsheetBackend final : public Backend
{
    Q_DECLARE_TR_FUNCTIONS(folio::SpreadsheetBackend)
public:
    QString id() const override { return QStringLiteral("spreadsheet"); }
    QString name() const override { return tr("Spreadsheets"); }
    QStringList mimeTypes() const override
    {
        return {
            QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.template"),
            QStringLiteral("application/vnd.ms-excel.sheet.macroEnabled.12"),
            OdsType,
            OtsType,
        };
    }

    Recognition recognize(const RecognitionInput &input) const override
    {
        const Recognition xlsx = office::recognizeOoxml(input, QStringLiteral("xl/workbook.xml"),
            QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        return xlsx.confidence > Recognition::No ? xlsx : Backend::recognize(input);
    }

    Result<std::unique_ptr<Document>> open(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &progress) const override
    {
        const QString fileName = request.fileName.isEmpty() ? tr("The spreadsheet") : request.fileName;
        auto package = office::Package::open(request, fileName, token);
        if (!package)
            return package.status();
        // ODF names itself in its mimetype entry; anything else with a workbook part is OOXML.
        const QString odfType = (*package)->odfMimeType(token);
        const bool ods = odfType.startsWith(OdsType) || request.mimeType.name() == OdsType
            || request.mimeType.name() == OtsType || (*package)->contains(QStringLiteral("content.xml"));
        const QString mimeType = request.mimeType.isValid() ? request.mimeType.name() : QString();
        if (ods && !(*package)->contains(QStringLiteral("xl/workbook.xml"))) {
            auto reader = spreadsheet::OdsReader::open(**package, token);
            if (!reader)
                return reader.status().withFile(fileName);
            const spreadsheet::SheetDocument::Format format {QStringLiteral("ods"),
                request.mimeType.isValid() ? request.mimeType.comment() : tr("OpenDocument spreadsheet"),
                mimeType.isEmpty() ? QString(OdsType) : mimeType};
            return withFileName(spreadsheet::SheetDocument::open(std::move(*package), std::move(*reader), format,
                                    request.options, request.limits, token, progress),
                fileName);
        }
        auto reader = spreadsheet::XlsxReader::open(**package, token);
        if (!reader)
            return reader.status().withFile(fileName);
        const spreadsheet::SheetDocument::Format format {QStringLiteral("xlsx"),
            request.mimeType.isValid() ? request.mimeType.comment() : tr("Excel workbook"),
            mimeType.isEmpty() ? QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                               : mimeType};
        return withFileName(spreadsheet::SheetDocument::open(std::move(*package), std::move(*reader), format,
                                request.options, request.limits, token, progress),
            fileName);
    }

private:
    static Result<std::unique_ptr<Document>> withFileName(Result<std::unique_ptr<Document>> result, const QString &name)
    {
        if (result)
            return result;
        return result.status().withFile(name);
    }
};

} // namespace

std::unique_ptr<Backend> createSpreadsheetBackend()
{
    return std::make_unique<SpreadsheetBackend>();
}

} // namespace folio
