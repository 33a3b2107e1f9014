// SPDX-License-Identifier: GPL-3.0-or-later
#include "djvubackend.h"

#include "chunkedio.h"
#include "djvudocument.h"

#include <QMimeDatabase>

namespace folio {

namespace {

const QString djvuType = QStringLiteral("image/vnd.djvu");
const QString djvuMultipageType = QStringLiteral("image/vnd.djvu+multipage");

class DjvuBackend final : public Backend
{
    Q_DECLARE_TR_FUNCTIONS(folio::DjvuBackend)
public:
    QString id() const override { return QStringLiteral("djvu"); }
    QString name() const override { return tr("DjVu"); }
    QStringList mimeTypes() const override { return {djvuType, djvuMultipageType}; }

    // "AT&TFORM", a 32-bit size, then DJVU (one page) or DJVM (a bundled document) is certain;
    // DJVI (a shared dictionary alone) is no document.
    Recognition recognize(const RecognitionInput &input) const override
    {
        const QByteArray &head = input.head();
        if (head.startsWith("AT&TFORM") && head.size() >= 16) {
            const QByteArray kind = head.mid(12, 4);
            if (kind == "DJVU" || kind == "DJVM") {
                QMimeDatabase db;
                return {Recognition::Certain, db.mimeTypeForName(kind == "DJVM" ? djvuMultipageType : djvuType)};
            }
            return {};
        }
        return Backend::recognize(input);
    }

    Result<std::unique_ptr<Document>> open(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &progress) const override
    {
        // ddjvu reads from memory streams: the file is handed over whole, within the in-memory limit.
        Result<QByteArray> data = readAll(*request.device, request.limits.maxInMemoryBytes, token);
        if (!data)
            return data.status();
        return djvu::DjvuDocument::open(
            std::move(data).value(), request.mimeType.name(), request.limits, token, progress);
    }
};

} // namespace

std::unique_ptr<Backend> createDjvuBackend()
{
    return std::make_unique<DjvuBackend>();
}

} // namespace folio
