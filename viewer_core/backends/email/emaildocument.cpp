// SPDX-License-Identifier: GPL-3.0-or-later
#include "emaildocument.h"

#include "backends/common/html/lenienthtml.h"
#include "backends/common/text/textdocumentpages.h"
#include "backends/common/text/textpage.h"
#include "chunkedio.h"
#include "fonts.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QImageReader>
#include <QLocale>
#include <QPainter>
#include <QRegularExpression>
#include <QTextDocument>
#include <QUrl>

namespace folio::email {

namespace {

using namespace folio::text;

constexpr qreal BodyFontSize = 10.5; // points
constexpr QSizeF ContentSize = A4Portrait - QSizeF(2 * PageMargin, 2 * PageMargin);

// A message's page: nothing is loaded from outside the message. Pictures come from its parts by
// Content-ID (cid:) or Content-Location; every other address (http:, file:, a relative path)
// gives nothing, so opening a message never fetches a URL or reads a file of the sender's choosing.
class MessageTextDocument final : public QTextDocument
{
public:
    MessageTextDocument(const MailMessage &message, const Limits &limits, qreal maxWidth)
        : m_message(message)
        , m_limits(limits)
        , m_maxWidth(maxWidth)
    { }

protected:
    QVariant loadResource(int type, const QUrl &name) override
    {
        if (type != QTextDocument::ImageResource)
            return {};
        const MailAttachment *part = find(name);
        if (!part)
            return {};
        QBuffer buffer;
        buffer.setData(part->data);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer);
        const QSize size = reader.size();
        if (!size.isValid() || qint64(size.width()) * size.height() > m_limits.maxImagePixels())
            return {};
        QImage image = reader.read();
        if (image.isNull())
            return {};
        // A picture wider than the page is shown as wide as the text.
        if (image.width() > m_maxWidth)
            image = image.scaledToWidth(int(m_maxWidth), Qt::SmoothTransformation);
        return image;
    }

private:
    const MailAttachment *find(const QUrl &url) const
    {
        const QString text = url.toString();
        const bool cid = url.scheme().compare(QLatin1String("cid"), Qt::CaseInsensitive) == 0;
        const QString id = cid ? QUrl::fromPercentEncoding(url.path().toUtf8()) : QString();
        for (const MailAttachment &part : m_message.attachments) {
            if (cid && !part.contentId.isEmpty() && part.contentId == id)
                return &part;
            if (!cid && !part.contentLocation.isEmpty() && part.contentLocation == text)
                return &part;
        }
        return nullptr;
    }

    const MailMessage &m_message;
    Limits m_limits;
    qreal m_maxWidth;
};

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString plainToHtml(const QString &text)
{
    QString html;
    // Paragraphs at blank lines; the lines of a paragraph kept as they are.
    const QStringList paragraphs = QString(text)
                                       .replace(QLatin1String("\r\n"), QLatin1String("\n"))
                                       .split(QRegularExpression(QStringLiteral("\n[ \t]*\n")));
    for (const QString &paragraph : paragraphs) {
        if (paragraph.trimmed().isEmpty())
            continue;
        html += QStringLiteral("<p style=\"white-space: pre-wrap\">") + escaped(paragraph) + QStringLiteral("</p>\n");
    }
    return html;
}

// What QTextDocument gets of an HTML body: well-formed markup (gumbo's reading, as browsers
// read it) without scripts, frames, objects, forms or linked style sheets; an inner <style>
// stays (it can only style). Markup nested deeper than the XML limit is shown as its text.
QString sanitizedBody(
    const QString &html, const QString &name, const Limits &limits, const CancellationToken &token, QString *styles)
{
    const QByteArray bytes = html.toUtf8();
    if (html::LenientHtml::depthBound(bytes) > limits.maxXmlDepth) {
        QTextDocument flat;
        flat.setHtml(QString(html).remove(QRegularExpression(QStringLiteral("<[^>]*>"))));
        return plainToHtml(flat.toPlainText());
    }
    Result<QByteArray> xhtml = html::LenientHtml::toXhtml(bytes, name, token);
    if (!xhtml)
        return plainToHtml(QString(html).remove(QRegularExpression(QStringLiteral("<[^>]*>"))));
    QString markup = QString::fromUtf8(*xhtml);
    static const QRegularExpression dropped(
        QStringLiteral("<(script|iframe|frame|frameset|object|embed|applet|form|noscript|template)\\b[^>]*/>"
                       "|<(script|iframe|frame|frameset|object|embed|applet|form|noscript|template)\\b[^>]*>.*?</\\2>"
                       "|<link\\b[^>]*>"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    markup.remove(dropped);
    static const QRegularExpression style(QStringLiteral("<style\\b[^>]*>(.*?)</style>"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    for (auto it = style.globalMatch(markup); it.hasNext();) {
        // url() in a style sheet could name a remote picture: loadResource() refuses it anyway.
        *styles += it.next().captured(1);
    }
    markup.remove(style);
    static const QRegularExpression body(QStringLiteral("<body\\b[^>]*>(.*)</body>"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = body.match(markup);
    return match.hasMatch() ? match.captured(1) : markup;
}

QString headerRow(const QString &label, const QString &value)
{
    if (value.isEmpty())
        return {};
    return QStringLiteral("<tr><td style=\"padding-right: 8px\"><b>%1</b></td><td>%2</td></tr>\n")
        .arg(escaped(label), escaped(value));
}

} // namespace

EmailDocument::EmailDocument(const Limits &limits)
    : Document(limits)
    , m_pointDevice(makePointDevice())
{ }

EmailDocument::~EmailDocument() = default;

Result<std::unique_ptr<Document>> EmailDocument::create(QList<MailMessage> messages, const QString &formatId,
    const QString &formatName, const QString &mimeType, const Limits &limits, const CancellationToken &token,
    const ProgressCallback &progress)
{
    if (Status status = checkFontSupport(); !status)
        return status;
    std::unique_ptr<EmailDocument> document(new EmailDocument(limits));
    document->setFormat(formatId, formatName, mimeType);
    document->m_messages = std::move(messages);
    Capabilities capabilities = Capability::Text | Capability::TextLayout | Capability::VectorPaint;
    if (document->m_messages.size() > 1)
        capabilities |= Capability::Outline;
    if (Status status = document->typeset(token, progress); !status)
        return status;

    const QList<MailMessage> &list = document->m_messages;
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
    if (!document->m_attachmentInfos.isEmpty())
        capabilities |= Capability::Attachments;
    document->setCapabilities(capabilities);

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
    return std::unique_ptr<Document>(std::move(document));
}

std::unique_ptr<QTextDocument> EmailDocument::makeDocument(
    const MailMessage &message, const CancellationToken &token) const
{
    auto document = std::make_unique<MessageTextDocument>(message, limits(), ContentSize.width() / m_lengthScale);
    document->setDefaultFont(fonts::font(fonts::Role::Sans, BodyFontSize));
    document->setUseDesignMetrics(true);

    QString styles;
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\">\n");
    html += headerRow(tr("From:"), message.from);
    html += headerRow(tr("To:"), message.to);
    html += headerRow(tr("Cc:"), message.cc);
    html += headerRow(tr("Date:"), message.date);
    html += headerRow(tr("Subject:"), message.subject);
    html += QStringLiteral("</table>\n<hr/>\n");
    if (!message.htmlBody.isEmpty())
        html += sanitizedBody(message.htmlBody, message.subject, limits(), token, &styles);
    else
        html += plainToHtml(message.plainBody);
    for (const QString &note : message.notes)
        html += QStringLiteral("<p><i>") + escaped(note) + QStringLiteral("</i></p>\n");
    if (!message.attachments.isEmpty()) {
        html += QStringLiteral("<hr/>\n<p><b>") + escaped(tr("Attachments:")) + QStringLiteral("</b></p>\n<ul>\n");
        for (const MailAttachment &part : message.attachments)
            html += QStringLiteral("<li>%1 (%2)</li>\n").arg(escaped(part.name), escaped(bytesText(part.data.size())));
        html += QStringLiteral("</ul>\n");
    }
    document->setHtml(QStringLiteral("<html><head><style>") + styles.toHtmlEscaped()
        + QStringLiteral("</style></head><body>") + html + QStringLiteral("</body></html>"));
    fonts::pinFamilies(*document);
    document->setDocumentMargin(0);
    document->documentLayout()->setPaintDevice(const_cast<QImage *>(&m_pointDevice));
    document->setPageSize(ContentSize);
    return document;
}

Status EmailDocument::typeset(const CancellationToken &token, const ProgressCallback &progress)
{
    m_lengthScale = formatLengthScale(&m_pointDevice);
    int page = 0;
    for (int i = 0; i < m_messages.size(); ++i) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const MailMessage &message = m_messages.at(i);
        Section section;
        section.document = makeDocument(message, token);
        section.document->pageCount(); // lays everything out
        deliverPendingTimers(section.document->documentLayout());
        section.firstPage = page;
        section.pageCount = contentPageCount(*section.document, ContentSize.height(), m_lengthScale);
        section.blockPages = indexBlockPages(*section.document, ContentSize.height());
        if (m_messages.size() > 1) {
            QStringList parts;
            parts << (message.subject.isEmpty() ? tr("(no subject)") : message.subject);
            if (!message.from.isEmpty())
                parts << message.from;
            if (!message.date.isEmpty())
                parts << message.date;
            m_outline.append({parts.join(QStringLiteral(" — ")), page, {}});
        }
        page += section.pageCount;
        if (page > limits().maxPageCount)
            return {StatusCode::LimitExceeded,
                tr("The document has more than %1 pages, the limit of pages per document").arg(limits().maxPageCount)};
        m_sections.push_back(std::move(section));
        if (progress)
            progress(i + 1, m_messages.size());
    }
    m_pageCount = std::max(1, page);
    return {};
}

QSizeF EmailDocument::doPageSize(int) const
{
    return A4Portrait;
}

const EmailDocument::Section *EmailDocument::sectionOn(int index) const
{
    auto after = std::upper_bound(m_sections.cbegin(), m_sections.cend(), index,
        [](int page, const Section &section) { return page < section.firstPage; });
    if (after == m_sections.cbegin())
        return nullptr;
    const Section &section = *std::prev(after);
    return index < section.firstPage + section.pageCount ? &section : nullptr;
}

Result<QImage> EmailDocument::doRender(int index, const RenderRequest &request, const CancellationToken &token)
{
    return renderPainted(
        *this, index, request, token, [&](QPainter &painter) { return doPaint(index, painter, request, token); });
}

Status EmailDocument::doPaint(
    int index, QPainter &painter, const RenderRequest &request, const CancellationToken &token)
{
    if (token.isCancelled())
        return Status::fromToken(token);
    const Section *section = sectionOn(index);
    if (!section)
        return {};
    const PainterSave saved(painter);
    painter.translate(PageMargin, PageMargin);
    drawDocumentPage(
        painter, *section->document, index - section->firstPage, ContentSize, PageMargin, inkFor(request.background));
    return {};
}

Result<QString> EmailDocument::doText(int index, const CancellationToken &token)
{
    if (token.isCancelled())
        return Status::fromToken(token);
    const Section *section = sectionOn(index);
    if (!section)
        return QString();
    return pageText(*section->document, section->blockPages, index - section->firstPage, ContentSize.height());
}

Result<QList<TextBox>> EmailDocument::doTextBoxes(int index, const CancellationToken &token)
{
    if (token.isCancelled())
        return Status::fromToken(token);
    QList<TextBox> boxes;
    if (const Section *section = sectionOn(index))
        appendPageWords(boxes, *section->document, section->blockPages, index - section->firstPage,
            ContentSize.height(), QPointF(PageMargin, PageMargin));
    return boxes;
}

Status EmailDocument::doSaveAttachment(
    int index, QIODevice &out, const CancellationToken &token, const ProgressCallback &progress)
{
    const auto [message, part] = m_attachmentIndex.at(index);
    return writeChunked(m_messages[message].attachments[part].data, out, token, progress);
}

} // namespace folio::email
