// SPDX-License-Identifier: GPL-3.0-or-later
#include "mobibackend.h"

#include "backends/common/book/bookdocument.h"
#include "backends/common/text/textpage.h"
#include "chunkedio.h"
#include "mobireader.h"

#include <QMimeDatabase>

namespace folio {

namespace {

const QString mobipocketType = QStringLiteral("application/x-mobipocket-ebook");
const QString kf8Type = QStringLiteral("application/vnd.amazon.mobi8-ebook");

QList<book::TocEntry> tocEntries(const QList<mobi::TocItem> &items)
{
    QList<book::TocEntry> entries;
    for (const mobi::TocItem &item : items)
        entries.append({item.title, item.path, item.fragment, tocEntries(item.children)});
    return entries;
}

class MobiBackend final : public Backend
{
    Q_DECLARE_TR_FUNCTIONS(folio::MobiBackend)
public:
    QString id() const override { return QStringLiteral("mobi"); }
    QString name() const override { return tr("Mobipocket and Kindle e-books"); }
    QStringList mimeTypes() const override { return {mobipocketType, kf8Type}; }

    // The Palm database's type and creator at 60 are certain: BOOKMOBI (Mobipocket, KF8) and
    // TEXtREAd (PalmDoc, which shared-mime-info only guesses at).
    Recognition recognize(const RecognitionInput &input) const override
    {
        const QByteArray &head = input.head();
        if (mobi::Reader::isMobipocket(head) || mobi::Reader::isPalmDoc(head)) {
            QMimeDatabase db;
            return {Recognition::Certain, db.mimeTypeForName(mobi::Reader::isKf8Only(head) ? kf8Type : mobipocketType)};
        }
        return Backend::recognize(input);
    }

    Result<std::unique_ptr<Document>> open(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &progress) const override
    {
        if (Status status = text::checkFontSupport(); !status)
            return status;
        if (!request.device)
            return Status(StatusCode::InvalidArgument, tr("No input device"));
        // libmobi reads the whole book: it is handed over in memory, within the in-memory limit.
        Result<QByteArray> data = readAll(*request.device, request.limits.maxInMemoryBytes, token);
        if (!data)
            return data.status();
        const bool palmDoc = mobi::Reader::isPalmDoc(data.value());
        Result<mobi::Book> read = mobi::Reader::read(data.value(), request.limits, token);
        if (!read)
            return read.status();
        mobi::Book book = std::move(read).value();

        auto memory = std::make_unique<book::MemoryBook>(request.limits);
        for (const mobi::Chapter &chapter : std::as_const(book.chapters))
            memory->addChapter(chapter.path, chapter.content, chapter.html);
        for (auto it = book.resources.cbegin(); it != book.resources.cend(); ++it)
            memory->addResource(it.key(), it.value());
        memory->setToc(tocEntries(book.toc));
        memory->setMetadata(book.metadata);
        const QString name = palmDoc ? tr("PalmDoc e-book")
            : book.kf8               ? tr("Kindle e-book (KF8)")
                                     : tr("Mobipocket e-book");
        const QString detected = request.mimeType.isValid() ? request.mimeType.name() : QString();
        const book::BookFormat format {QStringLiteral("mobi"), name,
            mimeTypes().contains(detected) ? detected : (book.kf8 ? kf8Type : mobipocketType)};
        return book::BookDocument::open(std::move(memory), format, request.limits, token, progress);
    }
};

} // namespace

std::unique_ptr<Backend> createMobiBackend()
{
    return std::make_unique<MobiBackend>();
}

} // namespace folio
