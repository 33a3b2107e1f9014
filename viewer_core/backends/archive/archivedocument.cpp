// SPDX-License-Identifier: GPL-3.0-or-later
#include "archivedocument.h"

#include "backends/common/archive/archivelimits.h"
#include "listing.h"

#include "backends/common/text/textpage.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace folio::archive {

EntryAttachments EntryAttachments::of(const ArchiveReader &reader)
{
    EntryAttachments result;
    const QList<Entry> &entries = reader.entries();
    for (int i = 0; i < entries.size(); ++i) {
        const Entry &entry = entries[i];
        if (entry.kind != Entry::Kind::File)
            continue;
        AttachmentInfo info;
        info.name = entry.name;
        info.path = entry.path;
        info.size = entry.size;
        result.infos.append(info);
        result.entries.append(i);
    }
    return result;
}

Metadata archiveMetadata(const ArchiveReader &reader)
{
    qint64 files = 0;
    qint64 folders = 0;
    for (const Entry &entry : reader.entries()) {
        files += entry.kind == Entry::Kind::File;
        folders += entry.kind == Entry::Kind::Directory;
    }
    Metadata metadata = {
        {QStringLiteral("Format"), reader.formatName()},
        {QStringLiteral("Entries"), QString::number(reader.entries().size())},
        {QStringLiteral("Files"), QString::number(files)},
        {QStringLiteral("Folders"), QString::number(folders)},
        {QStringLiteral("Size"), QString::number(reader.totalSize())},
        {QStringLiteral("Packed size"), QString::number(reader.archiveSize())},
    };
    if (reader.isEncrypted())
        metadata.append({QStringLiteral("Encrypted"), QStringLiteral("yes")});
    return metadata;
}

ArchiveDocument::ArchiveDocument(std::unique_ptr<ArchiveReader> reader, const NestedOpener &nested)
    : Document(nested.limits())
    , m_reader(std::move(reader))
    , m_nested(nested)
{ }

ArchiveDocument::~ArchiveDocument() = default;

Result<std::unique_ptr<Document>> ArchiveDocument::open(std::unique_ptr<ArchiveReader> reader, const QString &fileName,
    const QMimeType &mimeType, const NestedOpener &nested, const CancellationToken &token)
{
    if (Status status = text::checkFontSupport(); !status)
        return status;
    std::unique_ptr<ArchiveDocument> document(new ArchiveDocument(std::move(reader), nested));
    const ArchiveReader &archive = *document->m_reader;
    document->m_title = fileName.isEmpty() ? tr("Archive") : QFileInfo(fileName).fileName();
    document->m_attachments = EntryAttachments::of(archive);
    document->m_metadata = archiveMetadata(archive);
    document->setFormat(QStringLiteral("archive"),
        mimeType.isValid() ? mimeType.comment() : tr("%1 archive").arg(archive.formatName()),
        mimeType.isValid() ? mimeType.name() : QString());
    document->setEncrypted(archive.isEncrypted());
    // The listing's abilities: a text document whose pages are found as it is read.
    document->setCapabilities(Capability::Text | Capability::TextLayout | Capability::StreamingPages
        | Capability::Attachments | Capability::AttachmentFolders | Capability::VectorPaint);
    if (token.isCancelled())
        return Status::fromToken(token);
    return std::unique_ptr<Document>(std::move(document));
}

Document *ArchiveDocument::listing(const CancellationToken &token) const
{
    if (m_listing || !m_listingStatus)
        return m_listing.get();
    QElapsedTimer timer;
    timer.start();
    auto listing = openListing(*m_reader, m_title, m_nested, token);
    if (!listing) {
        // A cancelled attempt is tried again next time; anything else stays an error.
        if (!listing.status().isCancellation())
            m_listingStatus = listing.status();
        return nullptr;
    }
    m_listing = std::move(listing).value();
    qCDebug(lcArchive) << "listing pages ready in" << timer.elapsed() << "ms";
    return m_listing.get();
}

int ArchiveDocument::doPageCount() const
{
    const Document *pages = listing();
    return pages ? pages->pageCount() : 0;
}

bool ArchiveDocument::doIsPageCountFinal() const
{
    return m_listing ? m_listing->isPageCountFinal() : !m_listingStatus;
}

Status ArchiveDocument::doEnsurePages(int count, const CancellationToken &token, const ProgressCallback &progress)
{
    Document *pages = listing(token);
    if (!pages)
        return token.isCancelled() ? Status::fromToken(token) : m_listingStatus;
    return pages->ensurePages(count, token, progress);
}

QSizeF ArchiveDocument::doPageSize(int index) const
{
    return m_listing->pageSize(index); // index < pageCount(): the listing exists
}

Result<QImage> ArchiveDocument::doRender(int index, const RenderRequest &request, const CancellationToken &token)
{
    return m_listing->render(index, request, token);
}

Status ArchiveDocument::doPaint(
    int index, QPainter &painter, const RenderRequest &request, const CancellationToken &token)
{
    return m_listing->paint(index, painter, request, token);
}

Result<QString> ArchiveDocument::doText(int index, const CancellationToken &token)
{
    return m_listing->text(index, token);
}

Result<QList<TextBox>> ArchiveDocument::doTextBoxes(int index, const CancellationToken &token)
{
    return m_listing->textBoxes(index, token);
}

Status ArchiveDocument::doSaveAttachment(
    int index, QIODevice &out, const CancellationToken &token, const ProgressCallback &progress)
{
    return m_reader->copyEntry(m_attachments.entries[index], out, token, progress);
}

} // namespace folio::archive
