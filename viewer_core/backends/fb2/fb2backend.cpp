// SPDX-License-Identifier: GPL-3.0-or-later
#include "fb2backend.h"

#include "backends/common/book/bookdocument.h"
#include "backends/common/mimetypes.h"
#include "backends/common/text/textpage.h"
#include "backends/office/officepackage.h"
#include "chunkedio.h"
#include "fb2converter.h"

#include <QMimeDatabase>

namespace folio {

namespace {

const QString Fb2Type = QStringLiteral("application/x-fictionbook+xml");
const QString Fb2ZipType = QStringLiteral("application/x-zip-compressed-fb2");

// An FB2 file is rarely more than a few MiB of text and pictures; more is refused before parsing.
constexpr qint64 MaxFb2Bytes = 256LL << 20;

// <FictionBook as the root element: after a BOM, an XML declaration, comments and white space only.
bool startsLikeFb2(const QByteArray &head)
{
    QByteArray text = head.startsWith("\xEF\xBB\xBF") ? head.mid(3) : head;
    for (int step = 0; step < 16; ++step) {
        text = text.trimmed();
        const char *end = text.startsWith("<?xml") ? "?>" : text.startsWith("<!--") ? "-->" : nullptr;
        if (!end)
            break;
        const qsizetype at = text.indexOf(end);
        if (at < 0)
            return false;
        text = text.mid(at + qsizetype(qstrlen(end)));
    }
    return text.startsWith("<FictionBook");
}

// A ZIP whose first entry's name ends in .fb2 (local header: name length at 26, name at 30).
bool isZippedFb2(const QByteArray &head)
{
    if (!head.startsWith("PK\x03\x04") || head.size() < 30)
        return false;
    const int length = uchar(head[26]) | (uchar(head[27]) << 8);
    const QByteArray name = head.mid(30, length);
    return name.size() == length && name.toLower().endsWith(".fb2");
}

class Fb2Backend final : public Backend
{
    Q_DECLARE_TR_FUNCTIONS(folio::Fb2Backend)
public:
    QString id() const override { return QStringLiteral("fb2"); }
    QString name() const override { return tr("FictionBook e-books"); }
    QStringList mimeTypes() const override { return {Fb2Type, Fb2ZipType}; }

    Recognition recognize(const RecognitionInput &input) const override
    {
        QMimeDatabase db;
        const QByteArray &head = input.head();
        if (startsLikeFb2(head))
            return {Recognition::Certain, db.mimeTypeForName(Fb2Type)};
        if (isZippedFb2(head))
            return {Recognition::Certain, db.mimeTypeForName(Fb2ZipType)};
        return Backend::recognize(input);
    }

    Result<std::unique_ptr<Document>> open(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &progress) const override
    {
        if (Status status = text::checkFontSupport(); !status)
            return status;
        if (!request.device)
            return Status(StatusCode::InvalidArgument, tr("No input device"));
        const qint64 limit = std::min(request.limits.maxInMemoryBytes, MaxFb2Bytes);
        QByteArray data;
        // What XML errors name: the entry of a .fb2.zip; the opener adds the file's own name.
        QString name = tr("The book");
        if (isOrInherits(request.mimeType, Fb2ZipType)) {
            auto device = randomAccess(std::move(request.device), request.limits.maxInMemoryBytes, token);
            if (!device)
                return device.status();
            auto zip = office::Package::open(std::move(*device), request.fileName, request.limits, token);
            if (!zip)
                return zip.status();
            QString entry;
            for (const QString &path : (*zip)->paths()) {
                if (path.endsWith(QLatin1String(".fb2"), Qt::CaseInsensitive)) {
                    entry = path;
                    break;
                }
            }
            if (entry.isEmpty())
                return Status(StatusCode::Corrupt, tr("The ZIP file holds no .fb2 book"));
            Result<QByteArray> read = (*zip)->read(entry, token, std::min(limit, request.limits.maxEntrySize));
            if (!read)
                return read.status();
            data = std::move(read).value();
            name = entry;
        } else {
            Result<QByteArray> read = readAll(*request.device, limit, token);
            if (!read)
                return read.status();
            data = std::move(read).value();
        }
        auto made = std::make_unique<book::MemoryBook>(request.limits);
        if (Status status = fb2::Fb2Converter::convert(data, name, *made, request.limits, token); !status)
            return status;
        data.clear();
        const book::BookFormat format {QStringLiteral("fb2"),
            request.mimeType.isValid() ? request.mimeType.comment() : tr("FictionBook document"),
            request.mimeType.isValid() ? request.mimeType.name() : Fb2Type};
        return book::BookDocument::open(std::move(made), format, request.limits, token, progress);
    }
};

} // namespace

std::unique_ptr<Backend> createFb2Backend()
{
    return std::make_unique<Fb2Backend>();
}

} // namespace folio
