// SPDX-License-Identifier: GPL-3.0-or-later
#include "compresseddocument.h"

namespace folio::archive {

CompressedDocument::CompressedDocument(
    std::unique_ptr<Document> content, Compression compression, qint64 compressedSize)
    : Document(content->limits())
    , m_content(std::move(content))
    , m_compression(compression)
    , m_compressedSize(compressedSize)
{
    setFormat(m_content->formatId(),
        tr("%1 (%2-compressed)").arg(m_content->formatName(), compressionName(compression)), m_content->mimeType());
    setCapabilities(m_content->capabilities());
    setEncrypted(m_content->isEncrypted());
}

CompressedDocument::~CompressedDocument() = default;

Status CompressedDocument::doEnsurePages(int count, const CancellationToken &token, const ProgressCallback &progress)
{
    return m_content->ensurePages(count, token, progress);
}

Result<QImage> CompressedDocument::doRender(int index, const RenderRequest &request, const CancellationToken &token)
{
    return m_content->render(index, request, token);
}

Status CompressedDocument::doPaint(
    int index, QPainter &painter, const RenderRequest &request, const CancellationToken &token)
{
    return m_content->paint(index, painter, request, token);
}

Status CompressedDocument::doVisitFlow(
    int index, double imageDpi, const FlowVisitor &visitor, const CancellationToken &token)
{
    return m_content->visitFlow(index, imageDpi, visitor, token);
}

Result<QString> CompressedDocument::doText(int index, const CancellationToken &token)
{
    return m_content->text(index, token);
}

Result<QList<TextBox>> CompressedDocument::doTextBoxes(int index, const CancellationToken &token)
{
    return m_content->textBoxes(index, token);
}

Result<QList<Link>> CompressedDocument::doLinks(int index, const CancellationToken &token)
{
    return m_content->links(index, token);
}

Result<int> CompressedDocument::firstCandidatePage(
    int from, int end, const TextMatcher &matcher, const CancellationToken &token)
{
    if (auto *filter = dynamic_cast<PageFilter *>(m_content.get()))
        return filter->firstCandidatePage(from, end, matcher, token);
    return from;
}

Result<QList<OutlineItem>> CompressedDocument::doOutline(const CancellationToken &token)
{
    return m_content->outline(token);
}

Metadata CompressedDocument::doMetadata() const
{
    Metadata metadata = m_content->metadata();
    metadata.append({QStringLiteral("Compression"), compressionName(m_compression)});
    metadata.append({QStringLiteral("Compressed size"), QString::number(m_compressedSize)});
    return metadata;
}

Status CompressedDocument::doSaveAttachment(
    int index, QIODevice &out, const CancellationToken &token, const ProgressCallback &progress)
{
    return m_content->saveAttachment(index, out, token, progress);
}

} // namespace folio::archive
