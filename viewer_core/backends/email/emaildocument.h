// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"
#include "mailmessage.h"

#include <QImage>
#include <QList>

#include <memory>
#include <vector>

class QTextDocument;

namespace folio::email {

// One or more messages (an .eml, a mailbox) typeset on A4 pages, each message from a new page:
// a block of headers (From, To, Cc, Date, Subject), the body (plain text as paragraphs, HTML
// through QTextDocument with nothing loaded from outside the message: pictures only from its
// cid: and Content-Location parts, no scripts, no style sheets from anywhere), then the list of
// its attachments. Every attachment of every message is an attachment of the document, named
// "N/name" when the file holds several messages.
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

    const QList<MailMessage> &messages() const { return m_messages; }

protected:
    int doPageCount() const override { return m_pageCount; }
    QSizeF doPageSize(int index) const override;
    Result<QImage> doRender(int index, const RenderRequest &request, const CancellationToken &token) override;
    Status doPaint(int index, QPainter &painter, const RenderRequest &request, const CancellationToken &token) override;
    Result<QString> doText(int index, const CancellationToken &token) override;
    Result<QList<TextBox>> doTextBoxes(int index, const CancellationToken &token) override;
    Result<QList<OutlineItem>> doOutline(const CancellationToken &) override { return m_outline; }
    Metadata doMetadata() const override { return m_metadata; }
    QList<AttachmentInfo> doAttachments() const override { return m_attachmentInfos; }
    Status doSaveAttachment(
        int index, QIODevice &out, const CancellationToken &token, const ProgressCallback &progress) override;

private:
    struct Section
    {
        std::unique_ptr<QTextDocument> document;
        int firstPage = 0;
        int pageCount = 1;
        QList<std::pair<int, int>> blockPages; // per block, pages counted from firstPage
    };

    explicit EmailDocument(const Limits &limits);

    Status typeset(const CancellationToken &token, const ProgressCallback &progress);
    std::unique_ptr<QTextDocument> makeDocument(const MailMessage &message, const CancellationToken &token) const;
    const Section *sectionOn(int index) const;

    QImage m_pointDevice;
    qreal m_lengthScale = 1;
    QList<MailMessage> m_messages;
    std::vector<Section> m_sections;
    int m_pageCount = 0;
    QList<OutlineItem> m_outline;
    Metadata m_metadata;
    QList<AttachmentInfo> m_attachmentInfos;
    QList<std::pair<int, int>> m_attachmentIndex; // message, attachment
};

} // namespace folio::email
