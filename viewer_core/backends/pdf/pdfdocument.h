// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend.h"
#include "document.h"

#include <QByteArray>
#include <QStringList>

#include <memory>
#include <vector>

namespace Poppler {
class Document;
}

namespace folio::pdf {

class PdfPictureFinder;

// A PDF through Poppler-Qt6. The whole file is held in memory (read under the token at open):
// a mapped file would turn a file truncated behind our back into SIGBUS.
//
// Threads: one thread at a time, like every Document; Poppler::Document is not safe for
// concurrent rendering, so parallel exports open one instance per worker. Poppler calls that can
// be slow (load, render, text, text boxes, links, annotations, form fields) run through
// callDetached(): when cancelled they are abandoned with the Poppler document they use, and the
// next call loads a fresh one from the same bytes.
class PdfDocument final : public Document
{
    Q_DECLARE_TR_FUNCTIONS(folio::pdf::PdfDocument)
public:
    static Result<std::unique_ptr<Document>> open(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &progress);
    ~PdfDocument() override;

protected:
    int doPageCount() const override;
    QSizeF doPageSize(int index) const override;
    Result<QImage> doRender(int index, const RenderRequest &request, const CancellationToken &token) override;
    Result<QString> doText(int index, const CancellationToken &token) override;
    Result<QList<TextBox>> doTextBoxes(int index, const CancellationToken &token) override;
    Result<QList<Link>> doLinks(int index, const CancellationToken &token) override;
    Result<QList<Annotation>> doAnnotations(int index, const CancellationToken &token) override;
    Result<QList<FormField>> doFormFields(int index, const CancellationToken &token) override;
    QString doPageLabel(int index) const override;
    QList<QRectF> doPictureRects(int index, const CancellationToken &token) const override;
    Result<QList<OutlineItem>> doOutline(const CancellationToken &token) override;
    Metadata doMetadata() const override;
    QList<AttachmentInfo> doAttachments() const override;
    Status doSaveAttachment(
        int index, QIODevice &out, const CancellationToken &token, const ProgressCallback &progress) override;

private:
    // Where an attachment lives: the document's EmbeddedFiles tree, or a file-attachment
    // annotation on a page (the n-th such annotation of that page).
    struct AttachmentSource
    {
        AttachmentInfo info;
        int embeddedIndex = -1;
        int page = -1;
        int annotationOrdinal = -1;
    };

    struct Handle;

    PdfDocument(std::shared_ptr<Handle> handle, QByteArray data, QByteArray password, const Limits &limits);
    Status scanAttachments(const CancellationToken &token);
    Status readPageLabels(const CancellationToken &token);
    Status readFormType(const CancellationToken &token);
    Result<QByteArray> attachmentData(const AttachmentSource &source) const;
    // The Poppler document for the next call: the current one unless abandoned work still holds
    // it, in which case a fresh one is loaded from the same bytes.
    Result<std::shared_ptr<Handle>> idleHandle(const CancellationToken &token) const;

    static Metadata readMetadata(const Poppler::Document &document);

    mutable std::shared_ptr<Handle> m_handle;
    QByteArray m_data; // the file; Poppler reads from it
    QByteArray m_password;
    int m_pageCount = 0;
    mutable std::vector<QSizeF> m_pageSizes; // filled lazily
    std::vector<AttachmentSource> m_attachments;
    Metadata m_metadata;
    QStringList m_pageLabels; // one per page; empty when the file has no /PageLabels
    std::shared_ptr<PdfPictureFinder> m_pictures; // shared with detached calls
};

} // namespace folio::pdf
