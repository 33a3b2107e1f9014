// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfbackend.h"

#include "pdfdocument.h"

#include <QMimeDatabase>

#include <cctype>

namespace folio {
namespace {

class PdfBackend final : public Backend
{
public:
    QString id() const override { return QStringLiteral("pdf"); }
    QString name() const override { return QStringLiteral("PDF"); }
    QStringList mimeTypes() const override { return {QStringLiteral("application/pdf")}; }

    // "%PDF-" at the start is certain. Poppler and MuPDF also accept it after up to 1,024 other
    // bytes (a mail or HTTP header left in front, a byte-order mark, "PK" garbage): followed by a
    // version ("%PDF-1.7"), that is a weak sign, strong enough to beat text or foreign magic in
    // the bytes before it, but if Poppler then refuses the file it is opened as what else it is.
    Recognition recognize(const RecognitionInput &input) const override
    {
        const QByteArray &head = input.head();
        const QMimeType pdf = QMimeDatabase().mimeTypeForName(QStringLiteral("application/pdf"));
        if (head.startsWith("%PDF-"))
            return {Recognition::Certain, pdf};
        for (qsizetype at = head.indexOf("%PDF-"); at >= 0 && at <= 1024; at = head.indexOf("%PDF-", at + 1)) {
            const qsizetype v = at + 5;
            if (v + 2 < head.size() && std::isdigit(uchar(head[v])) && head[v + 1] == '.'
                && std::isdigit(uchar(head[v + 2])))
                return {Recognition::Weak, pdf};
        }
        // QMimeDatabase's magic saw "%PDF-" somewhere in the first kilobyte, with no version.
        const Recognition byType = Backend::recognize(input);
        return byType.confidence > Recognition::No ? Recognition {Recognition::NameOnly, pdf} : byType;
    }

    Result<std::unique_ptr<Document>> open(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &progress) const override
    {
        return pdf::PdfDocument::open(std::move(request), token, progress);
    }
};

} // namespace

std::unique_ptr<Backend> createPdfBackend()
{
    return std::make_unique<PdfBackend>();
}

} // namespace folio
