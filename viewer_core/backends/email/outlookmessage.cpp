// SPDX-License-Identifier: GPL-3.0-or-later
#include "outlookmessage.h"

#include <QDateTime>
#include <QtEndian>

#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-input.h>
#include <gsf/gsf-utils.h>

#include <memory>
#include <mutex>

namespace folio::email {

namespace {

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

constexpr quint16 PtUnicode = 0x001F;
constexpr quint16 PtString8 = 0x001E;
constexpr quint16 PtBinary = 0x0102;

// Properties are read up to this size each (a body, an attachment's data: the part limit).
Result<QByteArray> readStream(GsfInfile *storage, const QString &name, qint64 maxBytes)
{
    GPtr<GsfInput> input(gsf_infile_child_by_name(storage, name.toLatin1().constData()));
    if (!input)
        return QByteArray();
    const gsf_off_t size = gsf_input_size(input.get());
    if (size < 0 || size > maxBytes)
        return Status(StatusCode::LimitExceeded, QString());
    QByteArray data(qsizetype(size), Qt::Uninitialized);
    if (size > 0 && !gsf_input_read(input.get(), size_t(size), reinterpret_cast<guint8 *>(data.data())))
        return Status(StatusCode::Corrupt, QString());
    return data;
}

QString streamName(quint16 id, quint16 type)
{
    return QStringLiteral("__substg1.0_")
        + QStringLiteral("%1%2").arg(id, 4, 16, QLatin1Char('0')).arg(type, 4, 16, QLatin1Char('0')).toUpper();
}

QString trimmedAtNul(QString text)
{
    const qsizetype nul = text.indexOf(QChar(0));
    if (nul >= 0)
        text.truncate(nul);
    return text;
}

class Reader
{
    Q_DECLARE_TR_FUNCTIONS(folio::email::OutlookMessage)
public:
    Reader(const QString &name, DecodeBudget &budget)
        : m_name(name)
        , m_budget(budget)
    { }

    Result<QByteArray> bytes(GsfInfile *storage, quint16 id, quint16 type)
    {
        const QString stream = streamName(id, type);
        Result<QByteArray> data = readStream(storage, stream, m_budget.limits.maxEntrySize);
        if (!data && data.status().code() == StatusCode::LimitExceeded)
            return LimitErrors::entrySize(stream, -1, m_budget.limits);
        if (!data)
            return Status(StatusCode::Corrupt, tr("%1: the stream %2 cannot be read").arg(m_name, stream));
        return data;
    }

    // A string property, Unicode or 8-bit, empty when absent.
    Result<QString> text(GsfInfile *storage, quint16 id)
    {
        Result<QByteArray> unicode = bytes(storage, id, PtUnicode);
        if (!unicode)
            return unicode.status();
        if (!unicode->isEmpty())
            return trimmedAtNul(
                QString::fromUtf16(reinterpret_cast<const char16_t *>(unicode->constData()), unicode->size() / 2));
        Result<QByteArray> narrow = bytes(storage, id, PtString8);
        if (!narrow)
            return narrow.status();
        const QString utf8 = QString::fromUtf8(*narrow);
        return trimmedAtNul(utf8.contains(QChar::ReplacementCharacter) ? QString::fromLatin1(*narrow) : utf8);
    }

private:
    QString m_name;
    DecodeBudget &m_budget;
};

// The message's fixed-size properties: entries of 16 bytes (tag, flags, value) after a header of
// 32 bytes. A FILETIME counts 100 ns since 1601.
QDateTime dateOf(const QByteArray &properties)
{
    QDateTime found;
    for (qsizetype pos = 32; pos + 16 <= properties.size(); pos += 16) {
        const quint32 tag = qFromLittleEndian<quint32>(properties.constData() + pos);
        // PR_CLIENT_SUBMIT_TIME, else PR_MESSAGE_DELIVERY_TIME.
        if (tag != 0x00390040 && tag != 0x0E060040)
            continue;
        const quint64 filetime = qFromLittleEndian<quint64>(properties.constData() + pos + 8);
        const qint64 seconds = qint64(filetime / 10'000'000) - 11'644'473'600LL;
        const QDateTime date = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
        if (tag == 0x00390040 || !found.isValid())
            found = date;
    }
    return found;
}

} // namespace

bool OutlookMessage::isOutlookMessage(QByteArrayView head)
{
    static constexpr QByteArrayView Magic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    if (head.size() < 512 || !head.startsWith(Magic))
        return false;
    const int shift = qFromLittleEndian<quint16>(head.data() + 0x1E);
    if (shift != 9 && shift != 12)
        return false;
    const qint64 sectorSize = qint64(1) << shift;
    const quint32 directory = qFromLittleEndian<quint32>(head.data() + 0x30);
    const qint64 offset = (qint64(directory) + 1) * sectorSize;
    if (directory >= 0xFFFFFFFA || offset + 128 > head.size())
        return false;
    // The root entry's class id: {00020D0B-0000-0000-C000-000000000046}, an Outlook message.
    static constexpr QByteArrayView MessageClass(
        "\x0B\x0D\x02\x00\x00\x00\x00\x00\xC0\x00\x00\x00\x00\x00\x00\x46", 16);
    if (head.sliced(offset + 0x50, 16) == MessageClass)
        return true;
    // Else the first entries after the root: MAPI property streams.
    const QByteArray marker = QByteArray("__substg1.0_");
    QByteArray utf16;
    for (const char c : marker)
        utf16 += QByteArray(1, c) + '\0';
    const qint64 end = std::min<qint64>(offset + sectorSize, head.size());
    return head.sliced(offset, end - offset).indexOf(utf16) >= 0
        || head.sliced(offset, end - offset).indexOf(QByteArrayView("_\0_\0p\0r\0o\0p\0e\0r\0t\0i\0e\0s\0", 26)) >= 0;
}

Result<MailMessage> OutlookMessage::read(
    const QByteArray &data, const QString &name, DecodeBudget &budget, const CancellationToken &token)
{
    static std::once_flag once;
    std::call_once(once, [] { gsf_init(); });
    if (token.isCancelled())
        return Status::fromToken(token);
    GPtr<GsfInput> input(
        gsf_input_memory_new(reinterpret_cast<const guint8 *>(data.constData()), gsf_off_t(data.size()), FALSE));
    GError *error = nullptr;
    GPtr<GsfInfile> ole(gsf_infile_msole_new(input.get(), &error));
    if (!ole) {
        const QString why = error ? QString::fromUtf8(error->message) : QString();
        if (error)
            g_error_free(error);
        return Status(StatusCode::Corrupt, tr("%1: not a readable Outlook message: %2").arg(name, why));
    }
    Reader reader(name, budget);
    MailMessage message;
    struct Field
    {
        quint16 id;
        QString *target;
    };
    QString senderName;
    QString senderAddress;
    for (const Field &field : {Field {0x0037, &message.subject}, Field {0x0C1A, &senderName},
             Field {0x5D01, &senderAddress}, Field {0x0E04, &message.to}, Field {0x0E03, &message.cc},
             Field {0x1035, &message.messageId}, Field {0x1000, &message.plainBody}}) {
        if (token.isCancelled())
            return Status::fromToken(token);
        Result<QString> value = reader.text(ole.get(), field.id);
        if (!value)
            return value.status();
        *field.target = *value;
    }
    if (senderAddress.isEmpty()) {
        Result<QString> address = reader.text(ole.get(), 0x0C1F); // PR_SENDER_EMAIL_ADDRESS
        if (!address)
            return address.status();
        if (address->contains(u'@'))
            senderAddress = *address;
    }
    message.from = senderAddress.isEmpty() ? senderName
        : senderName.isEmpty()             ? senderAddress
                                           : QStringLiteral("%1 <%2>").arg(senderName, senderAddress);
    message.messageId.remove(u'<').remove(u'>');
    if (message.plainBody.isEmpty()) {
        Result<QByteArray> html = reader.bytes(ole.get(), 0x1013, PtBinary); // PR_HTML
        if (!html)
            return html.status();
        message.htmlBody = QString::fromUtf8(*html);
    }
    if (Status status = budget.addPart(); !status)
        return status;
    if (Status status = budget.addBytes(name, message.plainBody.size() + message.htmlBody.size(),
            message.plainBody.size() + message.htmlBody.size());
        !status)
        return status;
    if (Result<QByteArray> properties = readStream(ole.get(), QStringLiteral("__properties_version1.0"), 1 << 20);
        properties)
        message.dateTime = dateOf(*properties);
    if (message.dateTime.isValid())
        message.date = message.dateTime.toString(Qt::RFC2822Date);

    const int children = gsf_infile_num_children(ole.get());
    for (int i = 0; i < children; ++i) {
        if (token.isCancelled())
            return Status::fromToken(token);
        const char *childName = gsf_infile_name_by_index(ole.get(), i);
        if (!childName || !g_str_has_prefix(childName, "__attach_version1.0_#"))
            continue;
        GPtr<GsfInput> child(gsf_infile_child_by_index(ole.get(), i));
        if (!child || !GSF_IS_INFILE(child.get()))
            continue;
        GsfInfile *storage = GSF_INFILE(child.get());
        MailAttachment part;
        for (const quint16 id : {quint16(0x3707), quint16(0x3704), quint16(0x3001)}) {
            Result<QString> value = reader.text(storage, id);
            if (!value)
                return value.status();
            if (!value->isEmpty()) {
                part.name = *value;
                break;
            }
        }
        Result<QString> mimeType = reader.text(storage, 0x370E);
        if (!mimeType)
            return mimeType.status();
        part.mimeType = mimeType->isEmpty() ? QStringLiteral("application/octet-stream") : mimeType->toLower();
        Result<QString> contentId = reader.text(storage, 0x3712);
        if (!contentId)
            return contentId.status();
        part.contentId = *contentId;
        Result<QByteArray> content = reader.bytes(storage, 0x3701, PtBinary);
        if (!content)
            return content.status();
        if (content->isEmpty()) {
            // An attached Outlook item is a storage (PT_OBJECT) rather than data.
            const GPtr<GsfInput> object(gsf_infile_child_by_name(storage, "__substg1.0_3701000D"));
            if (!object)
                continue;
            message.notes.append(
                tr("An attached Outlook item (%1) is not shown.").arg(part.name.isEmpty() ? tr("message") : part.name));
            continue;
        }
        if (part.name.isEmpty())
            part.name = tr("attachment-%1.dat").arg(message.attachments.size() + 1);
        part.data = std::move(content).value();
        if (Status status = budget.addPart(); !status)
            return status;
        if (Status status = budget.addBytes(part.name, part.data.size(), part.data.size()); !status)
            return status;
        message.attachments.append(std::move(part));
    }
    return message;
}

} // namespace folio::email
