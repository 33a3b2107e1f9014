// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/common/archive/decompress.h"
#include "document.h"
#include "textsearch.h"

#include <memory>

namespace folio::archive {

// A single compressed file (notes.txt.gz, paper.pdf.xz) shown as its content: every call goes to
// the document the decompressed data opened as, through its public API; only the format name
// says what it came in ("PDF document (xz-compressed)") and the metadata adds the compression.
// Its capabilities are its content's, so report.docx.gz declares ViewOptions like report.docx,
// and so are its links, page labels and search filter (a server.log.gz is searched by its bytes).
class CompressedDocument final : public Document, public PageFilter
{
    Q_DECLARE_TR_FUNCTIONS(folio::archive::CompressedDocument)
public:
    CompressedDocument(std::unique_ptr<Document> content, Compression compression, qint64 compressedSize);
    ~CompressedDocument() override;

    const Document &content() const { return *m_content; }

    Result<int> firstCandidatePage(
        int from, int end, const TextMatcher &matcher, const CancellationToken &token) override;

protected:
    int doPageCount() const override { return m_content->pageCount(); }
    bool doIsPageCountFinal() const override { return m_content->isPageCountFinal(); }
    Status doEnsurePages(int count, const CancellationToken &token, const ProgressCallback &progress) override;
    QSizeF doPageSize(int index) const override { return m_content->pageSize(index); }
    Result<QImage> doRender(int index, const RenderRequest &request, const CancellationToken &token) override;
    Status doPaint(int index, QPainter &painter, const RenderRequest &request, const CancellationToken &token) override;
    Status doVisitFlow(int index, double imageDpi, const FlowVisitor &visitor, const CancellationToken &token) override;
    Result<QString> doText(int index, const CancellationToken &token) override;
    Result<QList<TextBox>> doTextBoxes(int index, const CancellationToken &token) override;
    Result<QList<OutlineItem>> doOutline(const CancellationToken &token) override;
    Result<QList<Link>> doLinks(int index, const CancellationToken &token) override;
    QString doPageLabel(int index) const override { return m_content->pageLabel(index); }
    Metadata doMetadata() const override;
    QList<AttachmentInfo> doAttachments() const override { return m_content->attachments(); }
    Status doSaveAttachment(
        int index, QIODevice &out, const CancellationToken &token, const ProgressCallback &progress) override;

private:
    std::unique_ptr<Document> m_content;
    Compression m_compression;
    qint64 m_compressedSize;
};

} // namespace folio::archive
