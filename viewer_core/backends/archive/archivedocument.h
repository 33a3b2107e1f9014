// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/common/archive/archivereader.h"

#include <QMimeType>

namespace folio::archive {

// The file entries of an archive as attachments (full path, size), and the entry index of each.
struct EntryAttachments
{
    QList<AttachmentInfo> infos;
    QList<int> entries;

    static EntryAttachments of(const ArchiveReader &reader);
};

// An archive shown as its listing: paginated text pages (see listing.h) whose text can be searched
// and copied, plus every file entry as an attachment with its full path, saved by streaming it
// out of the archive under the limits.
//
// The listing is laid out when pages are first asked for (ensurePages() with its token, or any
// page call), not while opening: listing the attachments of 100,000 entries needs no pages.
class ArchiveDocument final : public Document
{
    Q_DECLARE_TR_FUNCTIONS(folio::archive::ArchiveDocument)
public:
    // The listing is opened as plain text through `nested`.
    static Result<std::unique_ptr<Document>> open(std::unique_ptr<ArchiveReader> reader, const QString &fileName,
        const QMimeType &mimeType, const NestedOpener &nested, const CancellationToken &token);
    ~ArchiveDocument() override;

protected:
    int doPageCount() const override;
    bool doIsPageCountFinal() const override;
    Status doEnsurePages(int count, const CancellationToken &token, const ProgressCallback &progress) override;
    QSizeF doPageSize(int index) const override;
    Result<QImage> doRender(int index, const RenderRequest &request, const CancellationToken &token) override;
    Status doPaint(int index, QPainter &painter, const RenderRequest &request, const CancellationToken &token) override;
    Result<QString> doText(int index, const CancellationToken &token) override;
    Result<QList<TextBox>> doTextBoxes(int index, const CancellationToken &token) override;
    Metadata doMetadata() const override { return m_metadata; }
    QList<AttachmentInfo> doAttachments() const override { return m_attachments.infos; }
    Status doSaveAttachment(
        int index, QIODevice &out, const CancellationToken &token, const ProgressCallback &progress) override;

private:
    ArchiveDocument(std::unique_ptr<ArchiveReader> reader, const NestedOpener &nested);
    // The listing document, made on first use; nullptr when that failed (see m_listingStatus).
    Document *listing(const CancellationToken &token = {}) const;

    std::unique_ptr<ArchiveReader> m_reader;
    NestedOpener m_nested;
    QString m_title;
    // Made on demand by const calls: a Document is used by one thread at a time.
    mutable std::unique_ptr<Document> m_listing;
    mutable Status m_listingStatus;
    EntryAttachments m_attachments;
    Metadata m_metadata;
};

// Metadata every archive-based document shares: format, entry counts, sizes.
Metadata archiveMetadata(const ArchiveReader &reader);

} // namespace folio::archive
