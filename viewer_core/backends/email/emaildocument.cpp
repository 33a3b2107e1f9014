// SPDX-License-Identifier: GPL-3.0-or-later
#include "emaildocument.h"

#include "backends/common/book/book.h"
#include "backends/common/book/bookdocument.h"
#include "chunkedio.h"

#include <QRegularExpression>

namespace folio::email {

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString plainToHtml(const QString &text)
{
    QString html;
    // Paragraphs at blank lines; the lines of a paragraph kept as they are.
    static const QRegularExpression blankLine(QStringLiteral("\n[ \t]*\n"));
    const QStringList paragraphs = QString(text).replace(QLatin1String("\r\n"), QLatin1String("\n")).split(blankLine);
    for (const QString &paragraph : paragraphs) {
        if (paragraph.trimmed().isEmpty())
            continue;
        html += QStringLiteral("<p>") + escaped(paragraph).replace(u'\n', QLatin1String("<br/>"))
            + QStringLiteral("</p>\n");
    }
    return html;
}

QString headerRow(const QString &label, const QString &value)
{
    if (value.isEmpty())
        return {};
    return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>\n").arg(escaped(label), escaped(value));
}

QString outlineTitle(const MailMessage &message)
{
    QStringList parts;
    parts << (message.subject.isEmpty() ? EmailDocument::tr("(no subject)") : message.subject);
    if (!message.from.isEmpty())
        parts << message.from;
    if (!message.date.isEmpty())
        parts << message.date;
    return parts.join(QStringLiteral(" — "));
}

} // namespace

EmailDocument::EmailDocument(const Limits &limits)
    : Document(limits)
{ }

EmailDocument::~EmailDocument() = default;

QByteArray EmailDocument::chapterHtml(const MailMessage &message)
{
    QString header = QStringLiteral("<table border=\"0\" cellspacing=\"0\" cellpadding=\"2\">\n");
    header += headerRow(tr("From:"), message.from);
    header += headerRow(tr("To:"), message.to);
    header += headerRow(tr("Cc:"), message.cc);
    header += headerRow(tr("Date:"), message.date);
    header += headerRow(tr("Subject:"), message.subject);
    header += QStringLiteral("</table>\n<hr/>\n");

    QString trailer;
    for (const QString &note : message.notes)
        trailer += QStringLiteral("<p><i>") + escaped(note) + QStringLiteral("</i></p>\n");
    if (!message.attachments.isEmpty()) {
        trailer += QStringLiteral("<hr/>\n<p><b>") + escaped(tr("Attachments:")) + QStringLiteral("</b></p>\n<ul>\n");
        for (const MailAttachment &part : message.attachments)
            trailer
                += QStringLiteral("<li>%1 (%2)</li>\n").arg(escaped(part.name), escaped(bytesText(part.data.size())));
        trailer += QStringLiteral("</ul>\n");
    }

    QString html;
    if (!message.htmlBody.isEmpty()) {
        // The header block goes first in the body; the message's own head (its styles) stays.
        html = message.htmlBody;
        static const QRegularExpression body(
            QStringLiteral("<body\\b[^>]*>"), QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch match = body.match(html);
        if (match.hasMatch())
            html.insert(match.capturedEnd(), header);
        else
            html.prepend(header);
        static const QRegularExpression end(QStringLiteral("</body\\s*>"), QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch closing = end.match(html);
        if (closing.hasMatch())
            html.insert(closing.capturedStart(), trailer);
        else
            html += trailer;
    } else {
        html = QStringLiteral("<html><head><title></title></head><body>\n") + header + plainToHtml(message.plainBody)
            + trailer + QStringLiteral("</body></html>\n");
    }
    // The text is Unicode already: the byte-order mark tells the HTML reader so, whatever
    // <meta charset> the message's HTML declares.
    return QByteArray("\xEF\xBB\xBF") + html.toUtf8();
}

Result<std::unique_ptr<Document>> EmailDocument::create(QList<MailMessage> messages, const QString &formatId,
    const QString &formatName, const QString &mimeType, const Limits &limits, const CancellationToken &token,
    const ProgressCallback &progress)
{
    std::unique_ptr<EmailDocument> document(new EmailDocument(limits));
    document->setFormat(formatId, formatName, mimeType);
    document->m_messages = std::move(messages);
    const QList<MailMessage> &list = document->m_messages;

    auto book = std::make_unique<book::MemoryBook>(limits);
    QList<book::TocEntry> toc;
    for (int m = 0; m < list.size(); ++m) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const MailMessage &message = list[m];
        const QString chapter = QStringLiteral("message-%1.html").arg(m + 1);
        book->addChapter(chapter, chapterHtml(message), true);
        for (int a = 0; a < message.attachments.size(); ++a) {
            const MailAttachment &part = message.attachments[a];
            if (!part.mimeType.startsWith(QLatin1String("image/")))
                continue;
            const QString path = QStringLiteral("parts/%1/%2").arg(m + 1).arg(a + 1);
            book->addResource(path, part.data);
            if (!part.contentId.isEmpty())
                book->mapUrl(QStringLiteral("cid:") + part.contentId, path);
            if (!part.contentLocation.isEmpty())
                book->mapUrl(part.contentLocation, path);
        }
        if (list.size() > 1)
            toc.append({outlineTitle(message), chapter, QString(), {}});
    }
    book->setToc(toc);

    Metadata &metadata = document->m_metadata;
    if (list.size() == 1) {
        const MailMessage &message = list.first();
        const auto add = [&metadata](const char *key, const QString &value) {
            if (!value.isEmpty())
                metadata.append({QString::fromLatin1(key), value});
        };
        add("Title", message.subject);
        add("Author", message.from);
        add("To", message.to);
        add("Cc", message.cc);
        if (message.dateTime.isValid())
            add("CreationDate", message.dateTime.toString(Qt::ISODate));
        add("Message-ID", message.messageId);
    } else {
        metadata.append({QStringLiteral("Messages"), QString::number(list.size())});
    }
    book->setMetadata(metadata);

    auto pages = book::BookDocument::open(std::move(book), {formatId, formatName, mimeType}, limits, token, progress);
    if (!pages)
        return pages.status();
    document->m_pages = std::move(pages).value();

    for (int m = 0; m < list.size(); ++m) {
        for (int a = 0; a < list[m].attachments.size(); ++a) {
            const MailAttachment &part = list[m].attachments[a];
            AttachmentInfo info;
            info.name = part.name;
            info.path = part.name;
            info.size = part.data.size();
            info.description = list.size() > 1 ? tr("Message %1: %2").arg(m + 1).arg(list[m].subject) : part.mimeType;
            document->m_attachmentInfos.append(info);
            document->m_attachmentIndex.append({m, a});
        }
    }
    Capabilities capabilities = document->m_pages->capabilities();
    if (list.size() < 2)
        capabilities.setFlag(Capability::Outline, false);
    if (!document->m_attachmentInfos.isEmpty())
        capabilities |= Capability::Attachments;
    document->setCapabilities(capabilities);
    return std::unique_ptr<Document>(std::move(document));
}

Result<QImage> EmailDocument::doRender(int index, const RenderRequest &request, const CancellationToken &token)
{
    // Night modes and paper colours are applied once, by Document::render() of this document.
    RenderRequest plain = request;
    plain.colors = PageColors();
    return m_pages->render(index, plain, token);
}

Status EmailDocument::doSaveAttachment(
    int index, QIODevice &out, const CancellationToken &token, const ProgressCallback &progress)
{
    const auto [message, part] = m_attachmentIndex.at(index);
    return writeChunked(m_messages.at(message).attachments.at(part).data, out, token, progress);
}

} // namespace folio::email
