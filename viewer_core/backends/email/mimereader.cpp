// SPDX-License-Identifier: GPL-3.0-or-later
#include "mimereader.h"

#include "tnefreader.h"

#include <QMimeDatabase>
#include <QTimeZone>

#include <gmime/gmime.h>

#include <memory>
#include <mutex>

namespace folio::email {

namespace {

// GObject references and GLib strings released at scope exit.
struct ObjectUnref
{
    void operator()(gpointer object) const
    {
        if (object)
            g_object_unref(object);
    }
};
template<typename T>
using GPtr = std::unique_ptr<T, ObjectUnref>;

struct GFreeString
{
    void operator()(char *text) const { g_free(text); }
};
using GString_ = std::unique_ptr<char, GFreeString>;

QString fromUtf8(const char *text)
{
    return text ? QString::fromUtf8(text) : QString();
}

void initGMime()
{
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

QString addresses(InternetAddressList *list)
{
    if (!list || internet_address_list_length(list) == 0)
        return {};
    const GString_ text(internet_address_list_to_string(list, nullptr, FALSE));
    return fromUtf8(text.get());
}

QString mimeTypeOf(GMimeObject *object)
{
    GMimeContentType *type = g_mime_object_get_content_type(object);
    if (!type)
        return QStringLiteral("application/octet-stream");
    const GString_ name(g_mime_content_type_get_mime_type(type));
    return fromUtf8(name.get()).toLower();
}

bool isType(GMimeObject *object, const char *type, const char *subtype)
{
    GMimeContentType *contentType = g_mime_object_get_content_type(object);
    return contentType && g_mime_content_type_is_type(contentType, type, subtype);
}

bool isAttachmentDisposition(GMimeObject *object)
{
    GMimeContentDisposition *disposition = g_mime_object_get_content_disposition(object);
    return disposition && g_mime_content_disposition_is_attachment(disposition);
}

class PartWalker
{
    Q_DECLARE_TR_FUNCTIONS(folio::email::MimeReader)
public:
    PartWalker(MailMessage &message, const QString &name, DecodeBudget &budget, const CancellationToken &token)
        : m_message(message)
        , m_name(name)
        , m_budget(budget)
        , m_token(token)
    { }

    // Walks `object` (a part of the message), `depth` containers deep. `related` marks the
    // parts of a multipart/related other than its root: pictures the body shows.
    Status walk(GMimeObject *object, int depth, bool related = false)
    {
        if (m_token.isCancelled())
            return Status::fromToken(m_token);
        if (depth > MimeReader::MaxContainers)
            return depthRefused();
        if (GMIME_IS_MULTIPART(object))
            return walkMultipart(GMIME_MULTIPART(object), depth);
        if (Status status = m_budget.addPart(); !status)
            return status;
        ++m_partNumber;
        if (GMIME_IS_MESSAGE_PART(object))
            return attachMessage(GMIME_MESSAGE_PART(object));
        if (!GMIME_IS_PART(object))
            return {};
        GMimePart *part = GMIME_PART(object);
        const bool attachment = isAttachmentDisposition(object) || related;
        if (!attachment && m_message.plainBody.isEmpty() && m_message.htmlBody.isEmpty() && GMIME_IS_TEXT_PART(object)
            && (isType(object, "text", "plain") || isType(object, "text", "html")))
            return readBody(GMIME_TEXT_PART(object));
        // An inline text part after a plain body (a mailing list's footer) continues the body.
        if (!attachment && !m_message.plainBody.isEmpty() && isType(object, "text", "plain")
            && !g_mime_part_get_filename(part) && GMIME_IS_TEXT_PART(object)) {
            MailMessage more;
            PartWalker reader(more, m_name, m_budget, m_token);
            if (Status status = reader.readBody(GMIME_TEXT_PART(object)); !status)
                return status;
            m_message.plainBody += QStringLiteral("\n\n") + more.plainBody;
            return {};
        }
        return attachPart(part, related);
    }

    Status readBody(GMimeTextPart *part)
    {
        GMimeObject *object = GMIME_OBJECT(part);
        if (Status status = checkEncodedSize(GMIME_PART(part)); !status)
            return status;
        const GString_ text(g_mime_text_part_get_text(part));
        const QString body = fromUtf8(text.get());
        if (Status status = m_budget.addBytes(partName(), body.size(), body.size()); !status)
            return status;
        if (isType(object, "text", "html")) {
            m_message.htmlBody = body;
            return {};
        }
        GMimeContentType *type = g_mime_object_get_content_type(object);
        const char *format = type ? g_mime_content_type_get_parameter(type, "format") : nullptr;
        const char *delsp = type ? g_mime_content_type_get_parameter(type, "delsp") : nullptr;
        if (format && g_ascii_strcasecmp(format, "flowed") == 0)
            m_message.plainBody = unflow(body, delsp && g_ascii_strcasecmp(delsp, "yes") == 0);
        else
            m_message.plainBody = body;
        return {};
    }

private:
    Status depthRefused() const
    {
        return {StatusCode::LimitExceeded,
            tr("%1: the MIME parts nest deeper than %2 levels").arg(m_name).arg(MimeReader::MaxContainers)};
    }

    QString partName() const { return tr("part %1").arg(m_partNumber); }

    Status walkMultipart(GMimeMultipart *multipart, int depth)
    {
        GMimeObject *object = GMIME_OBJECT(multipart);
        const int count = g_mime_multipart_get_count(multipart);
        if (count <= 0)
            return {};
        if (isType(object, "multipart", "alternative")) {
            // The last alternative is the richest: the last HTML one (or a related group holding
            // it) where there is one, else the last plain text; the others are the same content.
            int chosen = -1;
            int plain = -1;
            for (int i = 0; i < count; ++i) {
                GMimeObject *child = g_mime_multipart_get_part(multipart, i);
                if (isType(child, "text", "html") || isType(child, "multipart", "related"))
                    chosen = i;
                else if (isType(child, "text", "plain"))
                    plain = i;
            }
            if (chosen < 0)
                chosen = plain >= 0 ? plain : count - 1;
            for (int i = 0; i < count; ++i) {
                GMimeObject *child = g_mime_multipart_get_part(multipart, i);
                // The text versions not chosen are left out; any other part is kept.
                if (i != chosen && (isType(child, "text", "plain") || isType(child, "text", "html")))
                    continue;
                if (Status status = walk(child, depth + 1); !status)
                    return status;
            }
            return {};
        }
        if (isType(object, "multipart", "related")) {
            // The root is the first part; the others are what it shows.
            for (int i = 0; i < count; ++i) {
                if (Status status = walk(g_mime_multipart_get_part(multipart, i), depth + 1, i > 0); !status)
                    return status;
            }
            return {};
        }
        for (int i = 0; i < count; ++i) {
            if (Status status = walk(g_mime_multipart_get_part(multipart, i), depth + 1); !status)
                return status;
        }
        return {};
    }

    Status checkEncodedSize(GMimePart *part) const
    {
        GMimeDataWrapper *content = g_mime_part_get_content(part);
        GMimeStream *stream = content ? g_mime_data_wrapper_get_stream(content) : nullptr;
        const gint64 length = stream ? g_mime_stream_length(stream) : 0;
        // Every transfer encoding shrinks what it encodes, so the encoded size bounds the decoded one.
        if (length > m_budget.limits.maxEntrySize)
            return LimitErrors::entrySize(partName(), -1, m_budget.limits);
        return {};
    }

    // The decoded content of `part`, read in chunks with the token polled between them.
    Result<QByteArray> decode(GMimePart *part)
    {
        GMimeDataWrapper *content = g_mime_part_get_content(part);
        if (!content)
            return QByteArray();
        GMimeStream *source = g_mime_data_wrapper_get_stream(content);
        if (!source)
            return QByteArray();
        g_mime_stream_reset(source);
        GPtr<GMimeStream> filtered(g_mime_stream_filter_new(source));
        const GMimeContentEncoding encoding = g_mime_data_wrapper_get_encoding(content);
        if (encoding == GMIME_CONTENT_ENCODING_BASE64 || encoding == GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE
            || encoding == GMIME_CONTENT_ENCODING_UUENCODE) {
            GPtr<GMimeFilter> filter(g_mime_filter_basic_new(encoding, FALSE));
            g_mime_stream_filter_add(GMIME_STREAM_FILTER(filtered.get()), filter.get());
        }
        QByteArray data;
        constexpr size_t Chunk = 256 * 1024;
        QByteArray buffer(Chunk, Qt::Uninitialized);
        for (;;) {
            if (m_token.isCancelled())
                return Status::fromToken(m_token);
            const ssize_t n = g_mime_stream_read(filtered.get(), buffer.data(), Chunk);
            if (n <= 0)
                break;
            data.append(buffer.constData(), n);
            if (Status status = m_budget.addBytes(partName(), data.size(), n); !status)
                return status;
        }
        return data;
    }

    QString fallbackName(const QString &mimeType) const
    {
        const QString suffix = QMimeDatabase().mimeTypeForName(mimeType).preferredSuffix();
        return tr("part-%1").arg(m_partNumber) + (suffix.isEmpty() ? QString() : QLatin1Char('.') + suffix);
    }

    Status attachPart(GMimePart *part, bool related)
    {
        GMimeObject *object = GMIME_OBJECT(part);
        if (Status status = checkEncodedSize(part); !status)
            return status;
        MailAttachment attachment;
        attachment.mimeType = mimeTypeOf(object);
        attachment.name = fromUtf8(g_mime_part_get_filename(part));
        if (attachment.name.isEmpty())
            attachment.name = fallbackName(attachment.mimeType);
        attachment.contentId = fromUtf8(g_mime_object_get_content_id(object));
        attachment.contentLocation = fromUtf8(g_mime_part_get_content_location(part));
        attachment.inlinePart = related || !isAttachmentDisposition(object);
        Result<QByteArray> data = decode(part);
        if (!data)
            return data.status();
        attachment.data = std::move(data).value();
        // Outlook's winmail.dat: the files inside it are the attachments.
        const bool tnefType = attachment.mimeType == QLatin1String("application/ms-tnef")
            || attachment.mimeType == QLatin1String("application/vnd.ms-tnef")
            || attachment.name.compare(QLatin1String("winmail.dat"), Qt::CaseInsensitive) == 0;
        if (tnefType && TnefReader::isTnef(attachment.data)) {
            const Status unpacked = TnefReader::read(attachment.data, attachment.name, m_message, m_budget, m_token);
            if (unpacked)
                return {};
            if (unpacked.isCancellation() || unpacked.code() == StatusCode::LimitExceeded)
                return unpacked;
            m_message.notes.append(unpacked.reason());
        }
        m_message.attachments.append(std::move(attachment));
        return {};
    }

    Status attachMessage(GMimeMessagePart *part)
    {
        GMimeObject *object = GMIME_OBJECT(part);
        GMimeMessage *inner = g_mime_message_part_get_message(part);
        MailAttachment attachment;
        attachment.mimeType = QStringLiteral("message/rfc822");
        attachment.name = fromUtf8(g_mime_object_get_content_disposition_parameter(object, "filename"));
        if (attachment.name.isEmpty()) {
            QString subject = inner ? fromUtf8(g_mime_message_get_subject(inner)).simplified() : QString();
            subject.replace(u'/', u'_');
            attachment.name
                = (subject.isEmpty() ? tr("message-%1").arg(m_partNumber) : subject.left(120)) + QStringLiteral(".eml");
        }
        attachment.contentId = fromUtf8(g_mime_object_get_content_id(object));
        attachment.inlinePart = !isAttachmentDisposition(object);
        if (inner) {
            GByteArray *bytes = g_byte_array_new();
            GPtr<GMimeStream> out(g_mime_stream_mem_new_with_byte_array(bytes)); // owns `bytes`
            g_mime_object_write_to_stream(GMIME_OBJECT(inner), nullptr, out.get());
            attachment.data = QByteArray(reinterpret_cast<const char *>(bytes->data), qsizetype(bytes->len));
            if (Status status = m_budget.addBytes(partName(), attachment.data.size(), attachment.data.size()); !status)
                return status;
        }
        m_message.attachments.append(std::move(attachment));
        return {};
    }

    MailMessage &m_message;
    QString m_name;
    DecodeBudget &m_budget;
    CancellationToken m_token;
    int m_partNumber = 0;
};

QDateTime dateTimeOf(GMimeMessage *message)
{
    GDateTime *date = g_mime_message_get_date(message);
    if (!date)
        return {};
    const qint64 seconds = g_date_time_to_unix(date);
    const int offset = int(g_date_time_get_utc_offset(date) / G_TIME_SPAN_SECOND);
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::OffsetFromUTC, offset);
}

bool isContentTypeLine(QByteArrayView line)
{
    static constexpr QByteArrayView Name("content-type:");
    return line.size() >= Name.size() && line.first(Name.size()).compare(Name, Qt::CaseInsensitive) == 0;
}

bool declaresContainer(QByteArrayView value)
{
    const QByteArray type = value.trimmed().toByteArray().toLower();
    return type.startsWith("multipart/") || type.startsWith("message/");
}

} // namespace

int MimeReader::containerCount(const QByteArray &data)
{
    int count = 0;
    qsizetype pos = 0;
    while (pos < data.size()) {
        qsizetype end = data.indexOf('\n', pos);
        if (end < 0)
            end = data.size();
        const QByteArrayView line = QByteArrayView(data).sliced(pos, end - pos);
        pos = end + 1;
        if (!isContentTypeLine(line))
            continue;
        // The type may be folded onto the next line.
        QByteArray value = line.sliced(13).toByteArray();
        while (value.trimmed().isEmpty() && pos < data.size() && (data[pos] == ' ' || data[pos] == '\t')) {
            qsizetype next = data.indexOf('\n', pos);
            if (next < 0)
                next = data.size();
            value += data.mid(pos, next - pos);
            pos = next + 1;
        }
        if (declaresContainer(value))
            ++count;
    }
    return count;
}

Result<MailMessage> MimeReader::read(
    const QByteArray &data, const QString &name, DecodeBudget &budget, const CancellationToken &token)
{
    if (containerCount(data) > MaxContainers)
        return Status(StatusCode::LimitExceeded,
            tr("%1: the message declares more than %2 nested MIME containers (multipart or message "
               "parts): refused as a MIME bomb")
                .arg(name)
                .arg(MaxContainers));
    if (token.isCancelled())
        return Status::fromToken(token);
    initGMime();
    GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(data.constData(), size_t(data.size())));
    GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), nullptr));
    if (!message)
        return Status(StatusCode::Corrupt, tr("%1: not an Internet message (no header could be read)").arg(name));

    MailMessage mail;
    mail.subject = fromUtf8(g_mime_message_get_subject(message.get()));
    mail.from = addresses(g_mime_message_get_from(message.get()));
    mail.to = addresses(g_mime_message_get_to(message.get()));
    mail.cc = addresses(g_mime_message_get_cc(message.get()));
    mail.date = fromUtf8(g_mime_object_get_header(GMIME_OBJECT(message.get()), "Date")).simplified();
    mail.dateTime = dateTimeOf(message.get());
    mail.messageId = fromUtf8(g_mime_message_get_message_id(message.get()));
    if (GMimeObject *body = g_mime_message_get_mime_part(message.get())) {
        PartWalker walker(mail, name, budget, token);
        if (Status status = walker.walk(body, 0); !status)
            return status;
    }
    return mail;
}

} // namespace folio::email
