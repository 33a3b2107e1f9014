// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"
#include "mailmessage.h"

#include <QList>

#include <memory>

namespace folio::email {

// One or more messages (an .eml, a mailbox) shown through the book engine
// (backends/common/book): each message is a chapter, so it starts on a new page, and the outline
// lists the messages of a mailbox. A chapter is generated HTML: a block of headers (From, To, Cc,
// Date, Subject), the body (plain text as paragraphs; HTML as the engine reads any HTML: no
// script, no network, a safe CSS subset), the notes of what was left out, and the list of the
// message's attachments. Pictures come only from the message's own parts, by cid: or
// Content-Location. Every attachment of every message is an attachment of the document.
//
// Pages, text, links and drawing are the BookDocument's, forwarded; this class adds the
// attachments and the messages' metadata. Chapters are laid out as pages are asked for
// (StreamingPages), so the first message of a large mailbox shows at once.
//
// Threads: built on the opening thread, then used from one thread at a time like any Document;
// the messages are plain Qt values (no GMime object is kept).
class EmailDocument final : public Document
{
    Q_DECLARE_TR_FUNCTIONS(folio::email::EmailDocument)
public:
    static Result<std::unique_ptr<Document>> create(QList<MailMessage> messages, const QString &formatId,
        const QString &formatName, const QString &mimeType, const Limits &limits, const CancellationToken &token,
        const ProgressCallback &progress);
    ~EmailDocument() override;

    // The HTML chapter shown for `message`; pictures are referred to by their cid: and
    // Content-Location URLs as the body wrote them.
    static QByteArray chapterHtml(const MailMessage &message);

protected:
    int doPageCount() const override { return m_pages->pageCount(); }
    bool doIsPageCountFinal() const override { return m_pages->isPageCountFinal(); }
    Status doEnsurePages(int count, const CancellationToken &token, const ProgressCallback &progress) override
    {
        return m_pages->ensurePages(count, token, progress);
    }
    QSizeF doPageSize(int index) const override { return m_pages->pageSize(index); }
    Result<QImage> doRender(int index, const RenderRequest &request, const CancellationToken &token) override;
    Status doPaint(int index, QPainter &painter, const RenderRequest &request, const CancellationToken &token) override
    {
        return m_pages->paint(index, painter, request, token);
    }
    Status doVisitFlow(int index, double imageDpi, const FlowVisitor &visitor, const CancellationToken &token) override
    {
        return m_pages->visitFlow(index, imageDpi, visitor, token);
    }
    Result<QString> doText(int index, const CancellationToken &token) override { return m_pages->text(index, token); }
    Result<QList<TextBox>> doTextBoxes(int index, const CancellationToken &token) override
    {
        return m_pages->textBoxes(index, token);
    }
    Result<QList<Link>> doLinks(int index, const CancellationToken &token) override
    {
        return m_pages->links(index, token);
    }
    Result<QList<OutlineItem>> doOutline(const CancellationToken &token) override { return m_pages->outline(token); }
    Metadata doMetadata() const override { return m_metadata; }
    QList<AttachmentInfo> doAttachments() const override { return m_attachmentInfos; }
    Status doSaveAttachment(
        int index, QIODevice &out, const CancellationToken &token, const ProgressCallback &progress) override;

private:
    explicit EmailDocument(const Limits &limits);

    QList<MailMessage> m_messages;
    std::unique_ptr<Document> m_pages; // the book engine's document of the chapters
    Metadata m_metadata;
    QList<AttachmentInfo> m_attachmentInfos;
    QList<std::pair<int, int>> m_attachmentIndex; // message, attachment
};

} // namespace folio::email
