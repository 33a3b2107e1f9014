// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "archivedocument.h"

#include <QMimeType>
#include <QSize>

namespace folio::archive {

// A comic book (CBZ, CBT, CB7): one page per image entry, in natural order of their paths
// ("page2" before "page10"); other entries (ComicInfo.xml, thumbnails' folders of macOS) are not
// pages but stay available as attachments.
//
// Nothing is decompressed up front: a page's size comes from its image header, read (a few KiB)
// the first time it is asked for and never changed afterwards; a page is decoded when rendered,
// through the image backend, with its pixel limits; the last decoded page is kept, so zooming
// only rescales. Pages are 0.75 pt per pixel (96 dpi), as comics scale to the screen anyway.
class ComicDocument final : public Document
{
    Q_DECLARE_TR_FUNCTIONS(folio::archive::ComicDocument)
public:
    // The image entries of `reader` in reading order.
    static QList<int> pageEntries(const ArchiveReader &reader);
    // Fails with Corrupt when `reader` holds no image.
    // Pages are decoded through `nested`, as images only.
    static Result<std::unique_ptr<Document>> open(std::unique_ptr<ArchiveReader> reader, const QMimeType &mimeType,
        const NestedOpener &nested, const CancellationToken &token);
    ~ComicDocument() override;

protected:
    int doPageCount() const override { return int(m_pages.size()); }
    QSizeF doPageSize(int index) const override;
    // Every page is a picture: a night mode with keepPictures leaves it as it is.
    QList<QRectF> doPictureRects(int index, const CancellationToken &) const override
    {
        return {QRectF(QPointF(), doPageSize(index))};
    }
    Result<QImage> doRender(int index, const RenderRequest &request, const CancellationToken &token) override;
    Metadata doMetadata() const override { return m_metadata; }
    QList<AttachmentInfo> doAttachments() const override { return m_attachments.infos; }
    Status doSaveAttachment(
        int index, QIODevice &out, const CancellationToken &token, const ProgressCallback &progress) override;

private:
    ComicDocument(std::unique_ptr<ArchiveReader> reader, const NestedOpener &nested);
    QSize pixelSize(int index) const;
    Result<Document *> pageImage(int index, const CancellationToken &token);
    void readComicInfo(const CancellationToken &token);

    std::unique_ptr<ArchiveReader> m_reader;
    NestedOpener m_nested;
    QList<int> m_pages; // entry index of each page
    // Filled on demand by the const doPageSize(): a Document is used by one thread at a time.
    mutable QList<QSize> m_sizes;
    EntryAttachments m_attachments;
    Metadata m_metadata;
    int m_cachedPage = -1;
    std::unique_ptr<Document> m_cachedImage;
};

} // namespace folio::archive
