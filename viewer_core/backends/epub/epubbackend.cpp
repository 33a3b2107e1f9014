// SPDX-License-Identifier: GPL-3.0-or-later
#include "epubbackend.h"

#include "backends/common/book/bookdocument.h"
#include "backends/common/text/textpage.h"
#include "chunkedio.h"
#include "epublogging.h"
#include "epubpackage.h"

Q_LOGGING_CATEGORY(lcEpub, "folio.epub", QtInfoMsg)

namespace folio {

namespace {

class EpubBackend final : public Backend
{
    Q_DECLARE_TR_FUNCTIONS(folio::EpubBackend)
public:
    QString id() const override { return QStringLiteral("epub"); }
    QString name() const override { return tr("EPUB e-books"); }
    QStringList mimeTypes() const override { return {QStringLiteral("application/epub+zip")}; }

    Result<std::unique_ptr<Document>> open(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &progress) const override
    {
        if (Status status = text::checkFontSupport(); !status)
            return status;
        if (!request.device)
            return Status(StatusCode::InvalidArgument, tr("No input device"));
        // KZip seeks: a pipe is read into memory first (up to the in-memory limit).
        auto device = randomAccess(std::move(request.device), request.limits.maxInMemoryBytes, token);
        if (!device)
            return device.status();
        Result<std::unique_ptr<epub::Package>> package = epub::Package::open(std::move(*device), request.limits, token);
        if (!package)
            return package.status();
        qCDebug(lcEpub) << "EPUB" << (*package)->version() << "with" << (*package)->chapterCount() << "chapters";
        const book::BookFormat format {QStringLiteral("epub"),
            request.mimeType.isValid() ? request.mimeType.comment() : tr("EPUB document"),
            QStringLiteral("application/epub+zip")};
        return book::BookDocument::open(std::move(package).value(), format, request.limits, token, progress);
    }
};

} // namespace

std::unique_ptr<Backend> createEpubBackend()
{
    return std::make_unique<EpubBackend>();
}

} // namespace folio
